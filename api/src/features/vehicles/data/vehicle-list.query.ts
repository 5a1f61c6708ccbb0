import { Injectable } from '@nestjs/common';
import { ArrayRowsResult, fixedShapeRows, pgPoolOf } from '@mvp/common';
import { DataSource } from 'typeorm';
import type { VehicleStatus } from './vehicle.entity';

export const vehicleSorts = ['name', '-name', 'year', '-year', 'createdAt', '-createdAt'] as const;
export type VehicleSort = (typeof vehicleSorts)[number];

const isoInstant = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Column list of a vehicle as the API returns it: `numeric` columns cast so pg hands back numbers,
 * instants as ISO text (parsing them into Dates was a twentieth of a list request's time).
 */
const vehicleColumns = `
  id, vin, year, make, model, trim, engine,
  catalog_make_id, catalog_model_id, catalog_trim_id, catalog_engine_id,
  vehicle_type, nickname, color, license_plate, license_region,
  to_char(purchase_date, 'YYYY-MM-DD') as purchase_date, purchase_price::float8 as purchase_price,
  odometer_unit, initial_odometer::float8 as initial_odometer, current_odometer::float8 as current_odometer,
  fuel_types, tank_capacity::float8 as tank_capacity, tank_capacity_unit, status, notes,
  ${isoInstant('created_at')} as created_at, ${isoInstant('updated_at')} as updated_at`;

const orderBy: Record<VehicleSort, string> = {
  name: "lower(coalesce(nickname, make || ' ' || model)) asc, year desc nulls last, id",
  '-name': "lower(coalesce(nickname, make || ' ' || model)) desc, year desc nulls last, id",
  year: 'year asc nulls last, lower(make), lower(model), id',
  '-year': 'year desc nulls last, lower(make), lower(model), id',
  createdAt: 'created_at asc, id',
  '-createdAt': 'created_at desc, id',
};

export interface VehicleListParams {
  userId: string;
  status?: VehicleStatus;
  sort: VehicleSort;
  page: number;
  pageSize: number;
}

/**
 * One page of a user's live vehicles with the total, in one round trip (`count(*) over ()`), as a
 * named (prepared) statement per sort and filter: planning it costs more than running it. The
 * bench's bare baseline runs this same statement.
 */
export function vehicleListQuery(params: VehicleListParams): {
  name: string;
  text: string;
  values: unknown[];
  rowMode: 'array';
} {
  const values: unknown[] = [params.userId, params.pageSize, (params.page - 1) * params.pageSize];
  const statusFilter = params.status ? `and status = $${values.push(params.status)}` : '';
  return {
    name: `vehicles-list:${params.sort}:${params.status ? 'status' : 'all'}`,
    text: `select ${vehicleColumns}, count(*) over () as total
             from public.vehicles
            where user_id = $1 and deleted_at is null ${statusFilter}
            order by ${orderBy[params.sort]}
            limit $2 offset $3`,
    values,
    rowMode: 'array',
  };
}

/** The rows of `vehicleListQuery`, each of one compact shape (see `fixedShapeRows`). */
export function vehicleRowsOf(result: ArrayRowsResult): VehicleRow[] {
  return fixedShapeRows<VehicleRow>(result);
}

/** A row of `vehicleListQuery`, column names as PostgreSQL returns them. */
export interface VehicleRow {
  id: string;
  vin: string | null;
  year: number | null;
  make: string;
  model: string;
  trim: string | null;
  engine: string | null;
  catalog_make_id: number | null;
  catalog_model_id: number | null;
  catalog_trim_id: number | null;
  catalog_engine_id: number | null;
  vehicle_type: string | null;
  nickname: string | null;
  color: string | null;
  license_plate: string | null;
  license_region: string | null;
  purchase_date: string | null;
  purchase_price: number | null;
  odometer_unit: string;
  initial_odometer: number;
  current_odometer: number;
  fuel_types: string[];
  tank_capacity: number | null;
  tank_capacity_unit: string | null;
  status: string;
  notes: string | null;
  created_at: string;
  updated_at: string;
  total: string;
}

/** Pages of a user's vehicles through `vehicleListQuery`, straight on the pg pool (no entity mapping). */
@Injectable()
export class VehicleListRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(params: VehicleListParams): Promise<{ rows: VehicleRow[]; total: number }> {
    const pool = pgPoolOf(this.dataSource);
    const rows = vehicleRowsOf(await pool.query<unknown[]>(vehicleListQuery(params)));
    if (rows.length > 0 || params.page === 1) return { rows, total: rows.length > 0 ? Number(rows[0].total) : 0 };
    // Past the last page the window function has no row to ride on: count on its own.
    const counted = await pool.query<{ total: string }>(
      `select count(*) as total from public.vehicles where user_id = $1 and deleted_at is null ${params.status ? 'and status = $2' : ''}`,
      params.status ? [params.userId, params.status] : [params.userId],
    );
    return { rows, total: Number(counted.rows[0].total) };
  }
}
