/** The vehicle of the last fill-up logged on this device: the form preselects it next time. */
const storageKey = 'mvp.fuel.lastVehicle';

export function lastVehicleId(): string | undefined {
  try {
    return globalThis.localStorage?.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

export function rememberVehicle(vehicleId: string): void {
  try {
    globalThis.localStorage?.setItem(storageKey, vehicleId);
  } catch {
    // Storage full or blocked: the form falls back to the first vehicle next time.
  }
}
