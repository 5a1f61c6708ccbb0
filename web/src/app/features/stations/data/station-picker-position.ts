/** Where the user is, to put the nearest stations first. */
export interface PickerPosition {
  lat: number;
  lng: number;
}

/** Long enough for a phone's network position; the list shows without one meanwhile. */
const positionTimeoutMs = 4000;
/** A position this recent is good enough at the pump. */
const positionMaxAgeMs = 5 * 60_000;

/**
 * The browser's position, or undefined when it has none, the user says no, or it takes too long;
 * never an error: the picker lists stations by name without it.
 */
export function browserPosition(geolocation: Geolocation | undefined = globalThis.navigator?.geolocation) {
  return new Promise<PickerPosition | undefined>((resolve) => {
    if (!geolocation) {
      resolve(undefined);
      return;
    }
    geolocation.getCurrentPosition(
      ({ coords }) => resolve({ lat: roundedCoordinate(coords.latitude), lng: roundedCoordinate(coords.longitude) }),
      () => resolve(undefined),
      { timeout: positionTimeoutMs, maximumAge: positionMaxAgeMs, enableHighAccuracy: false },
    );
  });
}

/** Five decimals (about a metre): enough to sort by, and what the API's query takes without noise. */
function roundedCoordinate(value: number): number {
  return Math.round(value * 1e5) / 1e5;
}
