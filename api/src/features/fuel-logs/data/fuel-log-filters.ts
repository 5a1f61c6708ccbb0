import { And, FindOptionsWhere, In, LessThan, MoreThanOrEqual } from 'typeorm';
import type { FuelLogEntity } from './fuel-log.entity';

/** Which fill-ups a list shows: one vehicle's or all, within a half-open range (from <= filledAt < to). */
export function fuelLogFilter(query: {
  vehicleId?: string;
  /** Without `vehicleId`: the vehicles whose fill-ups are listed (the caller's live ones). */
  vehicleIds?: string[];
  from?: string;
  to?: string;
}): FindOptionsWhere<FuelLogEntity> {
  const { vehicleId, vehicleIds, from, to } = query;
  const vehicles = vehicleId ? { vehicleId } : vehicleIds ? { vehicleId: In(vehicleIds) } : {};
  return { ...vehicles, ...filledAtRange(from, to) };
}

function filledAtRange(from?: string, to?: string): FindOptionsWhere<FuelLogEntity> {
  if (from && to) return { filledAt: And(MoreThanOrEqual(new Date(from)), LessThan(new Date(to))) };
  if (from) return { filledAt: MoreThanOrEqual(new Date(from)) };
  if (to) return { filledAt: LessThan(new Date(to)) };
  return {};
}
