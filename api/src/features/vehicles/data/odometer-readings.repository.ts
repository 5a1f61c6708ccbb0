import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  neighboursStatement,
  NeighbourQueryRow,
  newReadingsStatement,
  OdometerReadingRow,
} from './odometer-readings.query';

/** A live reading near a date, with its day in its user's time zone. */
export interface OdometerNeighbourRow extends OdometerReadingRow {
  /** 'YYYY-MM-DD': the day of `recordedAt` in the user's time zone. */
  day: string;
}

/** A live reading's value and its calendar day in a time zone, for reports (distance driven). */
export interface DayReadingRow {
  vehicleId: string;
  odometer: number;
  /** 'YYYY-MM-DD': the day of `recordedAt` in the zone asked for. */
  day: string;
}

/** A vehicle's readings as columns: `days[i]` ('YYYY-MM-DD' in the zone asked for) is `odometers[i]`'s. */
export interface VehicleReadingDays {
  vehicleId: string;
  days: string[];
  odometers: number[];
}

/** A stored reading whole, for the export. */
export interface ExportedReadingRow extends OdometerReadingRow {
  id: string;
  vehicleId: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * The SQL of `odometer_readings` and of the `current_odometer` it keeps up to date. Every method
 * runs on the caller's transaction (`db`), so a reading and the record that reports it commit together.
 */
@Injectable()
export class OdometerReadingsRepository {
  /** The vehicles that hold the reading of this record now (none, or the one it was reported on). */
  async vehiclesHolding(db: EntityManager, userId: string, source: string, sourceId: string): Promise<string[]> {
    const rows: { vehicle_id: string }[] = await db.query(
      'select vehicle_id from public.odometer_readings where source = $1 and source_id = $2 and user_id = $3',
      [source, sourceId, userId],
    );
    return rows.map((row) => row.vehicle_id);
  }

  /** Writes or replaces the record's reading on a live vehicle of the user; false when there is no such vehicle. */
  async upsert(db: EntityManager, userId: string, vehicleId: string, reading: OdometerReadingRow): Promise<boolean> {
    const written: { vehicle_id: string }[] = await db.query(
      `insert into public.odometer_readings (id, user_id, vehicle_id, source, source_id, odometer, recorded_at)
       select $1, v.user_id, v.id, $4, $5, $6, $7
         from public.vehicles v where v.id = $2 and v.user_id = $3 and v.deleted_at is null
       on conflict (source, source_id) do update
         set vehicle_id = excluded.vehicle_id, odometer = excluded.odometer, recorded_at = excluded.recorded_at,
             deleted_at = null, updated_at = now()
         where odometer_readings.user_id = excluded.user_id
       returning vehicle_id`,
      [randomUUID(), vehicleId, userId, reading.source, reading.sourceId, reading.odometer, reading.recordedAt],
    );
    return written.length > 0;
  }

  /**
   * Writes the readings of new records (one, or an import's many) on a live vehicle of the user and
   * raises its `current_odometer` to the highest of them, in one statement per chunk
   * (`newReadingsStatement`): as `recomputeCurrent` would find it after them.
   */
  async insertNew(db: EntityManager, userId: string, vehicleId: string, readings: OdometerReadingRow[]): Promise<void> {
    for (let start = 0; start < readings.length; start += 5000) {
      const statement = newReadingsStatement(userId, vehicleId, readings.slice(start, start + 5000));
      await db.query(statement.text, statement.values);
    }
  }

  /** Soft-deletes the record's live reading; returns the vehicles it was on. */
  async withdraw(db: EntityManager, userId: string, source: string, sourceId: string): Promise<string[]> {
    const [rows]: [{ vehicle_id: string }[], number] = await db.query(
      `update public.odometer_readings set deleted_at = now(), updated_at = now()
        where source = $1 and source_id = $2 and user_id = $3 and deleted_at is null
        returning vehicle_id`,
      [source, sourceId, userId],
    );
    return rows.map((row) => row.vehicle_id);
  }

  /** Sets the vehicle's `current_odometer` to its highest live reading (the initial one when none). */
  async recomputeCurrent(db: EntityManager, vehicleId: string): Promise<void> {
    await db.query(
      `update public.vehicles v
          set current_odometer = coalesce(
            (select max(r.odometer) from public.odometer_readings r where r.vehicle_id = v.id and r.deleted_at is null),
            v.initial_odometer)
        where v.id = $1`,
      [vehicleId],
    );
  }

  /**
   * Of the vehicle's live readings other than the excluded record's (if any): the highest read on a day before
   * `day` (or the initial reading, whatever its day) and the lowest read on a day after it (never the
   * initial reading). Days are taken in the user's time zone; readings on `day` itself are neither
   * (`neighboursStatement`).
   */
  async neighbours(
    db: EntityManager,
    userId: string,
    vehicleId: string,
    at: { day: string; excluding?: { source: string; sourceId: string } },
  ): Promise<{ previous?: OdometerNeighbourRow; next?: OdometerNeighbourRow }> {
    const statement = neighboursStatement(userId, vehicleId, at);
    const rows: NeighbourQueryRow[] = await db.query(statement.text, statement.values);
    const found: { previous?: OdometerNeighbourRow; next?: OdometerNeighbourRow } = {};
    for (const row of rows) {
      found[row.side] = {
        source: row.source,
        sourceId: row.source_id,
        odometer: Number(row.odometer),
        recordedAt: row.recorded_at,
        day: row.day,
      };
    }
    return found;
  }

  /**
   * Each of the user's vehicles' live readings from `windowDays` before its last reading up to it,
   * oldest first: the last reading and the history a pace is measured over.
   */
  async recent(db: EntityManager, userId: string, windowDays: number): Promise<RecentReadingRow[]> {
    // The initial reading is where a vehicle's history starts, whatever its time (history entered
    // after the vehicle was added is older than it): it counts at its time or the first other one's.
    const rows: { vehicle_id: string; odometer: string; recorded_at: Date }[] = await db.query(
      `with placed as (
         select r.vehicle_id, r.odometer,
                case when r.source = 'initial'
                     then least(r.recorded_at, coalesce(
                            (select min(o.recorded_at) from public.odometer_readings o
                              where o.vehicle_id = r.vehicle_id and o.deleted_at is null and o.source <> 'initial'),
                            r.recorded_at))
                     else r.recorded_at end as recorded_at
           from public.odometer_readings r
          where r.user_id = $1 and r.deleted_at is null)
       select p.vehicle_id, p.odometer, p.recorded_at
         from placed p
         join (select vehicle_id, max(recorded_at) as last_at from placed group by vehicle_id) l
           on l.vehicle_id = p.vehicle_id
        where p.recorded_at >= l.last_at - make_interval(days => $2)
        order by p.vehicle_id, p.recorded_at`,
      [userId, windowDays],
    );
    return rows.map((row) => ({
      vehicleId: row.vehicle_id,
      odometer: Number(row.odometer),
      recordedAt: row.recorded_at,
    }));
  }

  /**
   * The live readings of the user's vehicles, each with its day in `timeZone`, by vehicle and in no
   * particular order (reports order them). A long history has thousands: each vehicle's come as
   * two JSON arrays in one row, which the driver parses natively, rather than a row apiece.
   */
  async days(
    db: EntityManager,
    userId: string,
    vehicleIds: readonly string[],
    timeZone: string,
  ): Promise<VehicleReadingDays[]> {
    if (vehicleIds.length === 0) return [];
    const rows: { vehicle_id: string; days: string[]; odometers: number[] }[] = await db.query(
      `select vehicle_id, json_agg(to_char(recorded_at at time zone $3, 'YYYY-MM-DD')) as days,
              json_agg(odometer) as odometers
         from public.odometer_readings
        where user_id = $1 and vehicle_id = any($2::uuid[]) and deleted_at is null
        group by vehicle_id`,
      [userId, vehicleIds, timeZone],
    );
    return rows.map((row) => ({ vehicleId: row.vehicle_id, days: row.days, odometers: row.odometers }));
  }

  /** The user's live readings in id order, up to `limit` after the id `after` (null: from the first). */
  async exportPage(
    db: EntityManager,
    userId: string,
    after: string | null,
    limit: number,
  ): Promise<ExportedReadingRow[]> {
    const rows: {
      id: string;
      vehicle_id: string;
      source: string;
      source_id: string;
      odometer: string;
      recorded_at: Date;
      created_at: Date;
      updated_at: Date;
    }[] = await db.query(
      `select id, vehicle_id, source, source_id, odometer, recorded_at, created_at, updated_at
         from public.odometer_readings
        where user_id = $1 and deleted_at is null and id > $2
        order by id
        limit $3`,
      // The lowest UUID for the first page: one plan, and the (user_id, id) index serves every page.
      [userId, after ?? '00000000-0000-0000-0000-000000000000', limit],
    );
    return rows.map((row) => ({
      id: row.id,
      vehicleId: row.vehicle_id,
      source: row.source,
      sourceId: row.source_id,
      odometer: Number(row.odometer),
      recordedAt: row.recorded_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }
}

export interface RecentReadingRow {
  vehicleId: string;
  odometer: number;
  recordedAt: Date;
}
