import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgPoolOf } from '@mvp/common';
import { DataSource } from 'typeorm';
import { liveVehiclesOf } from '../../vehicles';

const isoInstant = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A record as the API lists it: `numeric` columns cast so pg hands back numbers, days and instants as ISO text. */
const recordColumns = `
  id, vehicle_id, to_char(performed_at, 'YYYY-MM-DD') as performed_at, odometer::float8 as odometer,
  category, service_key, title, notes, labour_cost::float8 as labour_cost, total_cost::float8 as total_cost,
  currency, shop, tags, ${isoInstant('created_at')} as created_at, ${isoInstant('updated_at')} as updated_at`;

/** A record's parts in their order, as a JSON array of the API's part fields. */
const partsOfRecord = (record: string) => `coalesce(
  (select json_agg(json_build_object('name', p.name, 'partNumber', p.part_number,
                                     'quantity', p.quantity::float8, 'unitCost', p.unit_cost::float8)
                   order by p.position)
     from public.maintenance_parts p where p.record_id = ${record}),
  '[]')`;

/** Latest first, on `table`'s columns (in the page: not the listed text and float8 ones of the same names). */
const newestFirst = (table: string) => `${table}.performed_at desc, ${table}.odometer desc, ${table}.id desc`;

/**
 * Which records a list shows: one vehicle's or all, one category, performed within a half-open range
 * of days (from <= performedAt < to), and with `text` in the title, notes, shop or a part's name
 * (case-insensitive, taken literally: `%`, `_` and `\` in it match themselves).
 */
export interface MaintenanceRecordListFilters {
  vehicleId?: string;
  /** A category key. */
  category?: string;
  /** 'YYYY-MM-DD'. */
  from?: string;
  to?: string;
  text?: string;
}

export interface MaintenanceRecordListParams extends MaintenanceRecordListFilters {
  userId: string;
  page: number;
  pageSize: number;
}

/**
 * The conditions on `public.maintenance_records` (`$1` is the user id): live records of the user's
 * live vehicles (a deleted vehicle's records are gone with it), narrowed by the filters, whose values
 * go into `values`.
 */
function recordConditions(filters: MaintenanceRecordListFilters, values: unknown[]): string {
  const conditions = [
    'user_id = $1',
    'deleted_at is null',
    `vehicle_id in (select id from (${liveVehiclesOf('$1')}) live)`,
  ];
  if (filters.vehicleId) conditions.push(`vehicle_id = $${values.push(filters.vehicleId)}`);
  if (filters.category) conditions.push(`category = $${values.push(filters.category)}`);
  if (filters.from) conditions.push(`performed_at >= $${values.push(filters.from)}::date`);
  if (filters.to) conditions.push(`performed_at < $${values.push(filters.to)}::date`);
  if (filters.text) {
    const pattern = `$${values.push(`%${filters.text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`)}`;
    conditions.push(`(title ilike ${pattern} or notes ilike ${pattern} or shop ilike ${pattern}
      or exists (select 1 from public.maintenance_parts p where p.record_id = maintenance_records.id and p.name ilike ${pattern}))`);
  }
  return conditions.join(' and ');
}

/** The filters a statement was built with, as part of its name: one prepared statement per combination. */
function filterKey(filters: MaintenanceRecordListFilters): string {
  return (['vehicleId', 'category', 'from', 'to', 'text'] as const)
    .map((filter) => (filters[filter] ? filter : '-'))
    .join(',');
}

/**
 * One page of a user's live maintenance records, latest first, each with its parts, and the total,
 * in one round trip (`count(*) over ()`, parts as JSON for the page's rows only), as a named
 * (prepared) statement per combination of filters. The bench's bare baseline runs this same statement.
 */
export function maintenanceRecordListQuery(params: MaintenanceRecordListParams): {
  name: string;
  text: string;
  values: unknown[];
} {
  const values: unknown[] = [params.userId, params.pageSize, (params.page - 1) * params.pageSize];
  const conditions = recordConditions(params, values);
  return {
    name: `maintenance-records-list:${filterKey(params)}`,
    text: `select page.*, ${partsOfRecord('page.id')} as parts
             from (select ${recordColumns}, count(*) over () as total
                     from public.maintenance_records
                    where ${conditions}
                    order by ${newestFirst('maintenance_records')}
                    limit $2 offset $3) page
            order by ${newestFirst('page')}`,
    values,
  };
}

/** A part of a `MaintenanceRecordRow`, as the API returns it. */
export interface MaintenancePartRow {
  name: string;
  partNumber: string | null;
  quantity: number;
  unitCost: number;
}

/** A row of `maintenanceRecordListQuery`, column names as PostgreSQL returns them. */
export interface MaintenanceRecordRow {
  id: string;
  vehicle_id: string;
  performed_at: string;
  odometer: number;
  category: string;
  service_key: string | null;
  title: string;
  notes: string | null;
  labour_cost: number | null;
  total_cost: number | null;
  currency: string;
  shop: string | null;
  tags: string[];
  created_at: string;
  updated_at: string;
  parts: MaintenancePartRow[];
  total: string;
}

/** Pages of a user's records through `maintenanceRecordListQuery`, straight on the pg pool (no entity mapping). */
@Injectable()
export class MaintenanceRecordListRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(params: MaintenanceRecordListParams): Promise<{ rows: MaintenanceRecordRow[]; total: number }> {
    const pool = pgPoolOf(this.dataSource);
    const rows = (await pool.query<MaintenanceRecordRow>(maintenanceRecordListQuery(params))).rows;
    if (rows.length > 0 || params.page === 1) return { rows, total: rows.length > 0 ? Number(rows[0].total) : 0 };
    // Past the last page the window function has no row to ride on: count on its own.
    const values: unknown[] = [params.userId];
    const counted = await pool.query<{ total: string }>(
      `select count(*) as total from public.maintenance_records where ${recordConditions(params, values)}`,
      values,
    );
    return { rows, total: Number(counted.rows[0].total) };
  }
}
