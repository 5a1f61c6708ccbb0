import type { VehicleEntity } from '../data/vehicle.entity';

/** How a vehicle is named to people: its nickname, else year, make and model. */
export function displayNameOf(vehicle: Pick<VehicleEntity, 'nickname' | 'year' | 'make' | 'model'>): string {
  return vehicle.nickname ?? [vehicle.year, vehicle.make, vehicle.model].filter(Boolean).join(' ');
}
