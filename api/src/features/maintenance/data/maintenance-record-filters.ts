import { And, FindOptionsWhere, In, LessThan, MoreThanOrEqual, Raw } from 'typeorm';
import type { MaintenanceRecordEntity } from './maintenance-record.entity';

/**
 * Which records a list shows: one vehicle's or all, one category, performed within a half-open range
 * of days (from <= performedAt < to), and with `text` in the title, notes, shop or a part's name
 * (case-insensitive, taken literally: `%`, `_` and `\` in it match themselves).
 */
export function maintenanceRecordFilter(query: {
  vehicleId?: string;
  /** Without `vehicleId`: the vehicles whose records are listed (the caller's live ones). */
  vehicleIds?: string[];
  category?: string;
  from?: string;
  to?: string;
  text?: string;
}): FindOptionsWhere<MaintenanceRecordEntity> {
  const { vehicleId, vehicleIds, category, from, to, text } = query;
  return {
    ...(vehicleId ? { vehicleId } : vehicleIds ? { vehicleId: In(vehicleIds) } : {}),
    ...(category ? { category } : {}),
    ...performedAtRange(from, to),
    ...(text ? { id: containing(text) } : {}),
  };
}

function performedAtRange(from?: string, to?: string): FindOptionsWhere<MaintenanceRecordEntity> {
  if (from && to) return { performedAt: And(MoreThanOrEqual(from), LessThan(to)) };
  if (from) return { performedAt: MoreThanOrEqual(from) };
  if (to) return { performedAt: LessThan(to) };
  return {};
}

function containing(text: string) {
  const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  // `id` is the listed row's `alias.id`; TypeORM turns each `alias.property` into its quoted column.
  return Raw(
    (id) => {
      const row = id.slice(0, id.lastIndexOf('.'));
      return `(${row}.title ilike :pattern or ${row}.notes ilike :pattern or ${row}.shop ilike :pattern
             or exists (select 1 from public.maintenance_parts p where p.record_id = ${id} and p.name ilike :pattern))`;
    },
    { pattern },
  );
}
