import { Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RequestScope } from '../../../../core/identity/scoping/request-scope';
import { UsersService } from '../../../../core/identity/users/users.service';
import { LineFieldProblem, LinesRefused } from '../../../../core/validation/line-problems';
import { ImportedDocumentsService } from '../../../documents';
import { FuelLogsService } from '../../../fuel-logs';
import { MaintenanceRecordsService, RemindersService } from '../../../maintenance';
import { StationsService } from '../../../stations';
import { OwnedVehicle, VehiclesService } from '../../../vehicles';
import { ImportFingerprintsQuery } from '../../data/import-fingerprints.query';
import { ImportJobLinesQuery } from '../../data/import-job-lines.query';
import type { ExportedFields, ExportSection, RestoredRecord } from '../formats/motovaultpro-sections';
import { exportedFingerprintOf } from '../import-fingerprint';
import { jobRecords } from '../job-records';
import {
  documentInput,
  fillUpInput,
  reminderInput,
  serviceRecordInput,
  stationInput,
  vehicleInput,
} from './restored-inputs';

type Lines<S extends ExportSection> = { line: number; fields: ExportedFields<S> }[];

interface Sections {
  preferences?: Extract<RestoredRecord, { section: 'preferences' }>['fields'];
  vehicles: Lines<'vehicles'>;
  fuelLogs: Lines<'fuelLogs'>;
  maintenanceRecords: Lines<'maintenanceRecords'>;
  reminders: Lines<'reminders'>;
  stations: Lines<'stations'>;
  documents: (Lines<'documents'>[number] & { staged: Extract<RestoredRecord, { section: 'documents' }>['staged'] })[];
}

/**
 * Imports our own export (`format=motovaultpro`) in the commit's transaction: the preferences, then
 * stations, vehicles, fill-ups, service records, reminders and documents, each through its capsule
 * with every field kept and its links made the new records' ids (ids are never reused: the same
 * export can go into two accounts of one server). Readings are not imported: each is a vehicle's,
 * fill-up's or record's, made again with it.
 *
 * Each record is fingerprinted by its id in the exporting account, with the record it made here, so
 * importing the same export again adds nothing, and a later export of that account adds only what
 * is new, on the vehicles and stations the first one made (made again if they were deleted since).
 */
@Injectable()
export class AccountRestoreService {
  constructor(
    private readonly lines: ImportJobLinesQuery,
    private readonly fingerprints: ImportFingerprintsQuery,
    private readonly users: UsersService,
    private readonly vehicles: VehiclesService,
    private readonly stations: StationsService,
    private readonly fuelLogs: FuelLogsService,
    private readonly maintenance: MaintenanceRecordsService,
    private readonly reminders: RemindersService,
    private readonly documents: ImportedDocumentsService,
  ) {}

  async restoreWithin(
    manager: EntityManager,
    scope: RequestScope,
    jobId: string,
  ): Promise<{ imported: number; duplicates: number }> {
    const file = await this.sectionsOf(manager, jobId);
    const ids = await IdMap.load(this.fingerprints, manager, scope.userId, file);
    if (file.preferences) await this.users.updatePreferencesWithin(manager, scope, file.preferences);

    for (const { fields } of file.stations) {
      const known = ids.known('stations', fields.id);
      const station =
        (known && (await this.stations.get(scope, known, manager).catch(notFoundAsNull))) ||
        (await this.stations.create(scope, stationInput(fields), manager)).station;
      ids.keep('stations', fields.id, station.id, station.id === known);
    }
    const vehicles = new Map<string, OwnedVehicle>();
    for (const { fields } of file.vehicles) {
      const known = ids.known('vehicles', fields.id);
      const vehicle =
        (known && (await this.vehicles.get(scope, known, manager).catch(notFoundAsNull))) ||
        (await this.vehicles.createWithin(manager, scope, vehicleInput(fields), new Date(fields.createdAt)));
      ids.keep('vehicles', fields.id, vehicle.id, vehicle.id === known);
      vehicles.set(fields.id, vehicle);
    }

    const byVehicle = groupByVehicle(vehicles);
    for (const [vehicle, entries] of byVehicle(ids.fresh('fuelLogs', file.fuelLogs))) {
      const inputs = entries.map(({ line, fields }) => fillUpInput(line, fields, ids.newIdOf('stations')));
      ids.made('fuelLogs', entries, await this.fuelLogs.importFillUps(scope, vehicle.id, [inputs], manager));
    }
    for (const [vehicle, entries] of byVehicle(ids.fresh('maintenanceRecords', file.maintenanceRecords))) {
      const inputs = entries.map(({ line, fields }) => serviceRecordInput(line, fields));
      ids.made('maintenanceRecords', entries, await this.maintenance.importRecords(scope, vehicle.id, inputs, manager));
    }
    for (const [vehicle, entries] of byVehicle(ids.fresh('reminders', file.reminders))) {
      const inputs = entries.map(({ fields }) => reminderInput(fields, ids.newIdOf('maintenanceRecords')));
      ids.made('reminders', entries, await this.reminders.importWithin(manager, scope, vehicle, inputs));
    }
    const documents = ids.fresh('documents', file.documents);
    const links = {
      vehicleOf: ids.newIdOf('vehicles'),
      recordOf: ids.newIdOf('maintenanceRecords'),
      fillUpOf: ids.newIdOf('fuelLogs'),
    };
    const documentIds = await this.documents.createWithin(
      manager,
      scope,
      documents.map(({ fields, staged }) => ({ staged: staged ?? null, fields: documentInput(fields, links) })),
    );
    ids.made('documents', documents, documentIds);

    await this.fingerprints.addWithRecords(manager, scope.userId, ids.toKeep());
    return { imported: ids.imported, duplicates: ids.duplicates };
  }

  /**
   * Runs a restore's commit: the preferences it sets are what this process reads while it runs (see
   * `UsersService.updatePreferencesWithin`), and what the database holds once it is over.
   */
  async whilePreferencesPinned<T>(scope: RequestScope, commit: () => Promise<T>): Promise<T> {
    try {
      return await commit();
    } finally {
      await this.users.findById(scope.userId, { fresh: true });
    }
  }

  /** After the commit: the staged files no document took are removed. */
  async afterCommit(jobId: string): Promise<void> {
    await this.documents.discardBatch(jobId);
  }

  private async sectionsOf(manager: EntityManager, jobId: string): Promise<Sections> {
    const file: Sections = {
      vehicles: [],
      fuelLogs: [],
      maintenanceRecords: [],
      reminders: [],
      stations: [],
      documents: [],
    };
    for await (const { line, record } of jobRecords(this.lines, manager, jobId)) {
      if (record.kind !== 'exported') continue;
      if (record.section === 'preferences') file.preferences = record.fields;
      else if (record.section === 'documents')
        file.documents.push({ line, fields: record.fields, staged: record.staged });
      else (file[record.section] as { line: number; fields: unknown }[]).push({ line, fields: record.fields });
    }
    refuseUnplaced(file);
    return file;
  }
}

/**
 * The import's ids: which exported records this account has from before (their fingerprints, with
 * the records they made) and which this import makes, old id → new id per section.
 */
class IdMap {
  imported = 0;
  duplicates = 0;
  private readonly newIds = new Map<string, string>();
  private readonly keeping = new Map<string, string>();

  private constructor(private readonly knownBefore: Map<string, string | null>) {}

  static async load(
    fingerprints: ImportFingerprintsQuery,
    manager: EntityManager,
    userId: string,
    file: Sections,
  ): Promise<IdMap> {
    const all = (['stations', 'vehicles', 'fuelLogs', 'maintenanceRecords', 'reminders', 'documents'] as const).flatMap(
      (section) => file[section].map(({ fields }) => exportedFingerprintOf(section, fields.id)),
    );
    return new IdMap(await fingerprints.recordsOf(manager, userId, all));
  }

  /** The record an earlier import made of this exported one (null: none kept). */
  known(section: ExportSection, oldId: string): string | null {
    return this.knownBefore.get(exportedFingerprintOf(section, oldId)) ?? null;
  }

  /** Those of `entries` no earlier import brought in; the others count as duplicates (and keep their earlier ids). */
  fresh<E extends { fields: { id: string } }>(section: ExportSection, entries: E[]): E[] {
    return entries.filter(({ fields }) => {
      const fingerprint = exportedFingerprintOf(section, fields.id);
      if (!this.knownBefore.has(fingerprint)) return true;
      const earlier = this.knownBefore.get(fingerprint);
      if (earlier) this.newIds.set(`${section}:${fields.id}`, earlier);
      this.duplicates += 1;
      return false;
    });
  }

  keep(section: ExportSection, oldId: string, newId: string, fromBefore: boolean): void {
    this.newIds.set(`${section}:${oldId}`, newId);
    this.keeping.set(exportedFingerprintOf(section, oldId), newId);
    if (fromBefore) this.duplicates += 1;
    else this.imported += 1;
  }

  made(section: ExportSection, entries: { fields: { id: string } }[], newIds: string[]): void {
    entries.forEach(({ fields }, index) => this.keep(section, fields.id, newIds[index], false));
  }

  newIdOf(section: ExportSection): (oldId: string | null) => string | null {
    return (oldId) => (oldId === null ? null : (this.newIds.get(`${section}:${oldId}`) ?? null));
  }

  toKeep(): Map<string, string> {
    return this.keeping;
  }
}

/** Entries grouped by the vehicle they are on (every one is on a vehicle of the file: `refuseUnplaced`). */
function groupByVehicle(vehicles: Map<string, OwnedVehicle>) {
  return <E extends { fields: { vehicleId: string } }>(entries: E[]): Map<OwnedVehicle, E[]> => {
    const groups = new Map<OwnedVehicle, E[]>();
    for (const entry of entries) {
      const vehicle = vehicles.get(entry.fields.vehicleId)!;
      const group = groups.get(vehicle);
      if (group) group.push(entry);
      else groups.set(vehicle, [entry]);
    }
    return groups;
  };
}

/** Records on a vehicle the file does not hold: a hand-edited export; refused by line. */
function refuseUnplaced(file: Sections): void {
  const vehicleIds = new Set(file.vehicles.map(({ fields }) => fields.id));
  const problems: LineFieldProblem[] = [];
  for (const section of ['fuelLogs', 'maintenanceRecords', 'reminders', 'documents'] as const) {
    for (const { line, fields } of file[section]) {
      if (fields.vehicleId !== null && !vehicleIds.has(fields.vehicleId)) {
        problems.push({ line, field: 'vehicleId', message: 'names no vehicle of the file' });
      }
    }
  }
  if (problems.length) throw new LinesRefused(problems);
}

function notFoundAsNull(error: unknown): null {
  if (error instanceof NotFoundException) return null;
  throw error;
}
