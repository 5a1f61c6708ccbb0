import { ImportJob } from './import-job';

interface NamedVehicle {
  id: string;
  nickname: string | null;
  displayName: string;
}

/**
 * The vehicles an import went into, for the result's links: those the file's names matched, those
 * it created (named by the file: their nickname), or, when it names none, the one picked.
 */
export function importedVehicles<T extends NamedVehicle>(
  job: Pick<ImportJob, 'vehicles' | 'vehicleId'>,
  pickedVehicleId: string,
  vehicles: readonly T[],
): T[] {
  const ids = new Set(job.vehicles.map((match) => match.existingVehicleId).filter((id): id is string => !!id));
  if (!job.vehicles.length) for (const id of [pickedVehicleId, job.vehicleId]) if (id) ids.add(id);
  const created = new Set(job.vehicles.filter((match) => !match.existingVehicleId).map((match) => match.name));
  return vehicles.filter(
    (vehicle) => ids.has(vehicle.id) || (vehicle.nickname !== null && created.has(vehicle.nickname)),
  );
}
