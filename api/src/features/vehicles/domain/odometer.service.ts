import { Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

/** A reading another capsule (or the vehicle itself) knows of: a fill-up, a service, the initial one. */
export interface OdometerReport {
  /** What kind of record reported it: `initial`, `fuel_log`, `maintenance`… */
  source: string;
  /** The id of that record; one reading per record, replaced when it reports again. */
  sourceId: string;
  /** In the vehicle's own odometer unit. */
  odometer: number;
  recordedAt: Date;
}

/**
 * Owns odometer readings. Other capsules report theirs here and withdraw them when their record
 * goes; a vehicle's `current_odometer` is the highest live reading, kept up to date on every change,
 * so reading it never calls back into those capsules.
 */
@Injectable()
export class OdometerService {
  constructor(private readonly dataSource: DataSource) {}

  /** Records or replaces the reading of `report.sourceId`; a 404 when the vehicle is not this user's. */
  async report(userId: string, vehicleId: string, report: OdometerReport, manager?: EntityManager): Promise<void> {
    const run = async (db: EntityManager) => {
      const previous: { vehicle_id: string }[] = await db.query(
        'select vehicle_id from public.odometer_readings where source = $1 and source_id = $2 and user_id = $3',
        [report.source, report.sourceId, userId],
      );
      const written: { vehicle_id: string }[] = await db.query(
        `insert into public.odometer_readings (id, user_id, vehicle_id, source, source_id, odometer, recorded_at)
         select $1, v.user_id, v.id, $4, $5, $6, $7
           from public.vehicles v where v.id = $2 and v.user_id = $3 and v.deleted_at is null
         on conflict (source, source_id) do update
           set vehicle_id = excluded.vehicle_id, odometer = excluded.odometer, recorded_at = excluded.recorded_at,
               deleted_at = null, updated_at = now()
           where odometer_readings.user_id = excluded.user_id
         returning vehicle_id`,
        [randomUUID(), vehicleId, userId, report.source, report.sourceId, report.odometer, report.recordedAt],
      );
      if (written.length === 0) throw new NotFoundException('No such vehicle.');
      for (const id of new Set([vehicleId, ...previous.map((row) => row.vehicle_id)])) await recompute(db, id);
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
  }

  /** Takes a record's reading back (its record was deleted); nothing happens when there is none. */
  async withdraw(userId: string, source: string, sourceId: string, manager?: EntityManager): Promise<void> {
    const run = async (db: EntityManager) => {
      const [rows]: [{ vehicle_id: string }[], number] = await db.query(
        `update public.odometer_readings set deleted_at = now(), updated_at = now()
          where source = $1 and source_id = $2 and user_id = $3 and deleted_at is null
          returning vehicle_id`,
        [source, sourceId, userId],
      );
      for (const row of rows) await recompute(db, row.vehicle_id);
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
  }
}

async function recompute(db: EntityManager, vehicleId: string): Promise<void> {
  await db.query(
    `update public.vehicles v
        set current_odometer = coalesce(
          (select max(r.odometer) from public.odometer_readings r where r.vehicle_id = v.id and r.deleted_at is null),
          v.initial_odometer)
      where v.id = $1`,
    [vehicleId],
  );
}
