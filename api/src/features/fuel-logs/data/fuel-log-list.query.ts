import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgPoolOf } from '@mvp/common';
import { DataSource } from 'typeorm';
import { stationNameOf } from '../../stations';
import { liveVehiclesOf, OdometerUnit } from '../../vehicles';
import type { StoredFill } from './fuel-history.query';
import type { QuantityUnit } from './fuel-log.entity';

const isoInstant = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A fill-up as the API lists it: `numeric` columns cast so pg hands back numbers, instants as ISO
 * text, the station named as it is called now (it may have been renamed since).
 */
const fillUpColumns = `
  id, vehicle_id, ${isoInstant('filled_at')} as filled_at, odometer::float8 as odometer,
  quantity::float8 as quantity, quantity_unit, price_per_unit::float8 as price_per_unit,
  total_cost::float8 as total_cost, currency, fuel_type, fuel_grade, is_full, missed_previous, station_id,
  coalesce(${stationNameOf('station_id', '$1')}, station_name) as station_name, notes, tags,
  ${isoInstant('created_at')} as created_at, ${isoInstant('updated_at')} as updated_at`;

/** What the economy needs of each live fill-up of a vehicle, as JSON (instants as epoch milliseconds). */
const historyEntry = `json_build_object(
  'id', h.id, 'filledAtMs', (extract(epoch from h.filled_at) * 1000)::float8, 'odometer', h.odometer::float8,
  'quantity', h.quantity::float8, 'quantityUnit', h.quantity_unit, 'totalCost', h.total_cost::float8,
  'isFull', h.is_full, 'missedPrevious', h.missed_previous)`;

/** Newest first, on the table's columns (not the listed text and float8 ones of the same names). */
const newestFirst = (table: string) => `${table}.filled_at desc, ${table}.odometer desc, ${table}.id desc`;

/** Which fill-ups a list shows: one vehicle's or all, within a half-open range (from <= filledAt < to). */
export interface FuelLogListFilters {
  vehicleId?: string;
  /** ISO 8601 instants. */
  from?: string;
  to?: string;
}

export interface FuelLogListParams extends FuelLogListFilters {
  userId: string;
  page: number;
  pageSize: number;
}

/**
 * The conditions on `public.fuel_logs` (`$1` is the user id): live fill-ups of the user's live
 * vehicles (a deleted vehicle's fill-ups are gone with it), narrowed by the filters, whose values go
 * into `values`.
 */
function fillUpConditions(filters: FuelLogListFilters, values: unknown[]): string {
  const conditions = [
    'user_id = $1',
    'deleted_at is null',
    `vehicle_id in (select id from (${liveVehiclesOf('$1')}) live)`,
  ];
  if (filters.vehicleId) conditions.push(`vehicle_id = $${values.push(filters.vehicleId)}`);
  if (filters.from) conditions.push(`filled_at >= $${values.push(new Date(filters.from))}`);
  if (filters.to) conditions.push(`filled_at < $${values.push(new Date(filters.to))}`);
  return conditions.join(' and ');
}

/** The filters a statement was built with, as part of its name: one prepared statement per combination. */
function filterKey(filters: FuelLogListFilters): string {
  return (['vehicleId', 'from', 'to'] as const).map((filter) => (filters[filter] ? filter : '-')).join(',');
}

/**
 * One page of a user's live fill-ups, newest first, with the total (`count(*) over ()`) and, on one
 * row of each vehicle on the page, that vehicle's odometer unit and the part of its history that the
 * listed fill-ups' economies need: all in one round trip, as a named (prepared) statement per
 * combination of filters. The bench's bare baseline runs this same statement.
 *
 * A fill-up's economy is that of its window: the fill-ups after one full fill up to and including
 * the next (before the first full fill, and the first itself: window 0, no economy). Numbered by the
 * full fills before each fill-up in date order (`fuelEconomy`'s order: time, odometer, id), the
 * listed fill-ups' windows are brought whole, each with the full fill that opens it, and nothing
 * else: walked in order, each opener starts its window afresh, so the walk gives every listed
 * fill-up what it gives it over the whole history.
 */
export function fuelLogListQuery(params: FuelLogListParams): { name: string; text: string; values: unknown[] } {
  const values: unknown[] = [params.userId, params.pageSize, (params.page - 1) * params.pageSize];
  const conditions = fillUpConditions(params, values);
  return {
    name: `fuel-logs-list:${filterKey(params)}`,
    text: `with page as (
             select ${fillUpColumns}, count(*) over () as total
               from public.fuel_logs
              where ${conditions}
              order by ${newestFirst('fuel_logs')}
              limit $2 offset $3
           ), numbered as materialized (
             select h.*, h.full_fills_through - h.is_full::int as window_number
               from (select h.*, count(*) filter (where h.is_full) over (
                              partition by h.vehicle_id order by h.filled_at, h.odometer, h.id) as full_fills_through,
                            bool_and(h.quantity_unit = 'kwh') over (partition by h.vehicle_id) as electric
                       from public.fuel_logs h
                      where h.user_id = $1 and h.deleted_at is null
                        and h.vehicle_id in (select distinct vehicle_id from page)) h
           ), listed_windows as materialized (
             select distinct numbered.vehicle_id, numbered.window_number
               from numbered join page on page.id = numbered.id
           ), histories as materialized (
             select h.vehicle_id, bool_and(h.electric) as electric, json_agg(${historyEntry}) as history
               from numbered h
              where (h.vehicle_id, h.window_number) in (select vehicle_id, window_number from listed_windows)
                 or (h.is_full and (h.vehicle_id, h.full_fills_through) in (select vehicle_id, window_number from listed_windows))
              group by h.vehicle_id
           )
           select page.*, vehicle.odometer_unit, histories.electric,
                  case when row_number() over (partition by page.vehicle_id) = 1 then histories.history end as history
             from page
             join (${liveVehiclesOf('$1')}) vehicle on vehicle.id = page.vehicle_id
             join histories on histories.vehicle_id = page.vehicle_id
            order by page.filled_at desc, page.odometer desc, page.id desc`,
    values,
  };
}

/** A fill-up of a vehicle's history as `fuelLogListQuery` brings it. */
interface HistoryEntry extends Omit<StoredFill, 'filledAt'> {
  filledAtMs: number;
}

/** A row of `fuelLogListQuery`, column names as PostgreSQL returns them. */
export interface FuelLogRow {
  id: string;
  vehicle_id: string;
  filled_at: string;
  odometer: number;
  quantity: number;
  quantity_unit: QuantityUnit;
  price_per_unit: number;
  total_cost: number;
  currency: string;
  fuel_type: string | null;
  fuel_grade: string | null;
  is_full: boolean;
  missed_previous: boolean;
  station_id: string | null;
  station_name: string | null;
  notes: string | null;
  tags: string[];
  created_at: string;
  updated_at: string;
  total: string;
  odometer_unit: OdometerUnit;
  /** Every live fill-up of the vehicle is a charge (kWh), the whole history's and not only the part brought. */
  electric: boolean;
  /** On one row of each vehicle on the page; null on the others. */
  history: HistoryEntry[] | null;
}

/** A listed vehicle's odometer unit and the live fill-ups its listed fill-ups' economies need. */
export interface ListedVehicleHistory {
  odometerUnit: OdometerUnit;
  electric: boolean;
  history: StoredFill[];
}

/** The histories of the page's vehicles, by vehicle id, from the rows that carry them. */
export function historiesOf(rows: readonly FuelLogRow[]): Map<string, ListedVehicleHistory> {
  const histories = new Map<string, ListedVehicleHistory>();
  for (const row of rows) {
    if (!row.history) continue;
    const history = row.history.map(({ filledAtMs, ...entry }) => ({ ...entry, filledAt: new Date(filledAtMs) }));
    histories.set(row.vehicle_id, { odometerUnit: row.odometer_unit, electric: row.electric, history });
  }
  return histories;
}

/** Pages of a user's fill-ups through `fuelLogListQuery`, straight on the pg pool (no entity mapping). */
@Injectable()
export class FuelLogListRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(params: FuelLogListParams): Promise<{ rows: FuelLogRow[]; total: number }> {
    const pool = pgPoolOf(this.dataSource);
    const rows = (await pool.query<FuelLogRow>(fuelLogListQuery(params))).rows;
    if (rows.length > 0 || params.page === 1) return { rows, total: rows.length > 0 ? Number(rows[0].total) : 0 };
    // Past the last page the window function has no row to ride on: count on its own.
    const values: unknown[] = [params.userId];
    const counted = await pool.query<{ total: string }>(
      `select count(*) as total from public.fuel_logs where ${fillUpConditions(params, values)}`,
      values,
    );
    return { rows, total: Number(counted.rows[0].total) };
  }
}
