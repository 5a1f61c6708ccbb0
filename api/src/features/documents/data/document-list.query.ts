import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { pgPoolOf } from '@mvp/common';
import { DataSource } from 'typeorm';
import { liveVehiclesOf } from '../../vehicles';
import type { DocumentKind } from './document.entity';

const isoInstant = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A document as the API lists it: the size as a number, dates and instants as ISO text. */
const documentColumns = `
  id, title, kind, file_name, media_type, size_bytes::float8 as size_bytes, sha256,
  to_char(expires_on, 'YYYY-MM-DD') as expires_on, notes, vehicle_id, maintenance_record_id, fuel_log_id,
  file_missing_at is not null as file_missing,
  ${isoInstant('created_at')} as created_at, ${isoInstant('updated_at')} as updated_at`;

/** What a documents list may be narrowed by. */
export interface DocumentListFilters {
  vehicleId?: string;
  kind?: DocumentKind;
  maintenanceRecordId?: string;
  fuelLogId?: string;
}

export interface DocumentListParams extends DocumentListFilters {
  userId: string;
  page: number;
  pageSize: number;
}

/**
 * Which documents a list shows, as conditions on `public.documents` (`$1` is the user id): by its
 * filters, and on one of the user's live vehicles or on none (a deleted vehicle's documents are gone
 * with it until it is restored) unless a vehicle is named. `values` gets each filter's value.
 */
function documentConditions(filters: DocumentListFilters, values: unknown[]): string {
  const conditions = ['user_id = $1', 'deleted_at is null'];
  if (filters.vehicleId) conditions.push(`vehicle_id = $${values.push(filters.vehicleId)}`);
  else conditions.push(`(vehicle_id is null or vehicle_id in (select id from (${liveVehiclesOf('$1')}) live))`);
  if (filters.kind) conditions.push(`kind = $${values.push(filters.kind)}`);
  if (filters.maintenanceRecordId)
    conditions.push(`maintenance_record_id = $${values.push(filters.maintenanceRecordId)}`);
  if (filters.fuelLogId) conditions.push(`fuel_log_id = $${values.push(filters.fuelLogId)}`);
  return conditions.join(' and ');
}

/** The filters a statement was built with, as part of its name: one prepared statement per combination. */
function filterKey(filters: DocumentListFilters): string {
  return (['vehicleId', 'kind', 'maintenanceRecordId', 'fuelLogId'] as const)
    .map((filter) => (filters[filter] ? filter : '-'))
    .join(',');
}

/**
 * One page of a user's live documents, newest first, with the total, in one round trip
 * (`count(*) over ()`), as a named (prepared) statement per combination of filters. The bench's bare
 * baseline runs this same statement.
 */
export function documentListQuery(params: DocumentListParams): { name: string; text: string; values: unknown[] } {
  const values: unknown[] = [params.userId, params.pageSize, (params.page - 1) * params.pageSize];
  const conditions = documentConditions(params, values);
  return {
    name: `documents-list:${filterKey(params)}`,
    text: `select ${documentColumns}, count(*) over () as total
             from public.documents
            where ${conditions}
            order by documents.created_at desc, documents.id
            limit $2 offset $3`,
    values,
  };
}

/** A row of `documentListQuery`, column names as PostgreSQL returns them. */
export interface DocumentRow {
  id: string;
  title: string;
  kind: DocumentKind;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  expires_on: string | null;
  notes: string | null;
  vehicle_id: string | null;
  maintenance_record_id: string | null;
  fuel_log_id: string | null;
  file_missing: boolean;
  created_at: string;
  updated_at: string;
  total: string;
}

/** Pages of a user's documents through `documentListQuery`, straight on the pg pool (no entity mapping). */
@Injectable()
export class DocumentListRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(params: DocumentListParams): Promise<{ rows: DocumentRow[]; total: number }> {
    const pool = pgPoolOf(this.dataSource);
    const rows = (await pool.query<DocumentRow>(documentListQuery(params))).rows;
    if (rows.length > 0 || params.page === 1) return { rows, total: rows.length > 0 ? Number(rows[0].total) : 0 };
    // Past the last page the window function has no row to ride on: count on its own.
    const values: unknown[] = [params.userId];
    const counted = await pool.query<{ total: string }>(
      `select count(*) as total from public.documents where ${documentConditions(params, values)}`,
      values,
    );
    return { rows, total: Number(counted.rows[0].total) };
  }
}
