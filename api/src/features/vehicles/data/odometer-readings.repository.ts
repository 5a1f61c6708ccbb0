import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** A reading as `OdometerService` records it; see `OdometerReport`. */
export interface OdometerReadingRow {
  source: string;
  sourceId: string;
  odometer: number;
  recordedAt: Date;
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
}
