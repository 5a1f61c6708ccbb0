import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import {
  DayReadingRow,
  ExportedReadingRow,
  OdometerNeighbourRow,
  OdometerReadingsRepository,
  RecentReadingRow,
} from '../data/odometer-readings.repository';

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

/** A live reading of one of the user's vehicles. */
export type RecentReading = RecentReadingRow;

/** A live reading beside a date: what reported it, what it read, when, and that day in the user's time zone. */
export type OdometerNeighbour = OdometerNeighbourRow;

/** A live reading whole (its id, vehicle, source, value and times), as the export writes it. */
export type ExportedReading = ExportedReadingRow;

/** A live reading and its calendar day in the zone asked for ('YYYY-MM-DD'), for distance driven. */
export type DayReading = Omit<DayReadingRow, 'vehicleId'>;

/** The record asking: its calendar day, and (once it exists) itself, whose own reading is left out. */
export interface NeighboursQuery {
  /** 'YYYY-MM-DD', a day in the user's time zone. */
  at: string;
  excluding?: { source: string; sourceId: string };
}

/**
 * Owns odometer readings. Other capsules report theirs here and withdraw them when their record
 * goes; a vehicle's `current_odometer` is the highest live reading, kept up to date on every change,
 * so reading it never calls back into those capsules.
 */
@Injectable()
export class OdometerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly readings: OdometerReadingsRepository,
  ) {}

  /** Records or replaces the reading of `report.sourceId`; a 404 when the vehicle is not this user's. */
  async report(scope: RequestScope, vehicleId: string, report: OdometerReport, manager?: EntityManager): Promise<void> {
    const run = async (db: EntityManager) => {
      const previous = await this.readings.vehiclesHolding(db, scope.userId, report.source, report.sourceId);
      if (!(await this.readings.upsert(db, scope.userId, vehicleId, report)))
        throw new NotFoundException('No such vehicle.');
      for (const id of new Set([vehicleId, ...previous])) await this.readings.recomputeCurrent(db, id);
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
  }

  /**
   * The readings of new records of one vehicle (a new record's, or an import's many), in the caller's
   * transaction: written together with the current odometer, in one statement (per 5,000 readings).
   * Records that are new have no reading yet, so nothing is replaced; a vehicle that is not the
   * caller's live one gets none (the caller has found it owned and locked it).
   */
  async reportNew(
    scope: RequestScope,
    vehicleId: string,
    reports: OdometerReport[],
    manager: EntityManager,
  ): Promise<void> {
    if (reports.length === 0) return;
    await this.readings.insertNew(manager, scope.userId, vehicleId, reports);
  }

  /** Takes a record's reading back (its record was deleted); nothing happens when there is none. */
  async withdraw(scope: RequestScope, source: string, sourceId: string, manager?: EntityManager): Promise<void> {
    const run = async (db: EntityManager) => {
      const vehicles = await this.readings.withdraw(db, scope.userId, source, sourceId);
      for (const id of vehicles) await this.readings.recomputeCurrent(db, id);
    };
    await (manager ? run(manager) : this.dataSource.transaction(run));
  }

  /**
   * The readings a record dated `query.at` must fit between: the highest live reading on an earlier
   * day (the initial reading counts as earlier whatever its day: it is where the vehicle's history
   * starts) and the lowest on a later day. A reading on the same day is neither, so it never
   * conflicts. Days are the user's: each reading's instant is taken in the user's time zone.
   * Call it inside the write transaction, after `VehiclesService.lockForWriting`.
   */
  neighbours(
    scope: RequestScope,
    vehicleId: string,
    query: NeighboursQuery,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ previous?: OdometerNeighbour; next?: OdometerNeighbour }> {
    return this.readings.neighbours(manager, scope.userId, vehicleId, { day: query.at, excluding: query.excluding });
  }

  /**
   * The caller's vehicles' recent live readings, oldest first: for each vehicle, its last reading and
   * those up to `windowDays` before it (what today's odometer is estimated from). The initial reading
   * counts no later than the vehicle's first other one: history entered after the vehicle was added
   * (an import) is older than its initial reading's time, yet comes after it.
   */
  recent(
    scope: RequestScope,
    windowDays: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RecentReading[]> {
    return this.readings.recent(manager, scope.userId, windowDays);
  }

  /** The caller's live odometer readings in id order, up to `limit` after the id `after` (null: from the first): a keyset page for the export. */
  exportPage(scope: RequestScope, after: string | null, limit: number): Promise<ExportedReading[]> {
    return this.readings.exportPage(this.dataSource.manager, scope.userId, after, limit);
  }

  /**
   * The live readings of the caller's vehicles (every source: initial, fill-ups, services), each with
   * its calendar day in `timeZone`, in no particular order, by vehicle id: what reports of distance
   * driven need (they order them). Vehicles with no readings (or not the caller's) are absent.
   */
  async readingDays(
    scope: RequestScope,
    vehicleIds: readonly string[],
    timeZone: string,
  ): Promise<Map<string, DayReading[]>> {
    const byVehicle = new Map<string, DayReading[]>();
    for (const { vehicleId, days, odometers } of await this.readings.days(
      this.dataSource.manager,
      scope.userId,
      vehicleIds,
      timeZone,
    )) {
      byVehicle.set(
        vehicleId,
        days.map((day, index) => ({ day, odometer: odometers[index] })),
      );
    }
    return byVehicle;
  }
}
