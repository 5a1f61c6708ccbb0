import { ConflictException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { ProblemException } from '@mvp/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { FuelLogsService } from '../../fuel-logs';
import { MaintenanceRecordsService } from '../../maintenance';
import { StationsService } from '../../stations';
import { OwnedVehicle, VehiclesService } from '../../vehicles';
import { ImportFingerprintsQuery } from '../data/import-fingerprints.query';
import { ImportJobLinesQuery } from '../data/import-job-lines.query';
import { ImportJobEntity } from '../data/import-job.entity';
import type {
  ImportedFillUp,
  ImportedServiceRecord,
  ImportedStation,
  ImportedVehicle,
} from './formats/imported-records';
import { fingerprintOf } from './import-fingerprint';
import { jobRecords } from './job-records';
import { fillUpInput, recordInput } from './imported-inputs';
import { ImportJobsService, noSuchImport } from './import-jobs.service';
import { AccountRestoreService } from './restore/account-restore.service';
import { matchVehicle } from './vehicle-matching';

export interface CommitChoices {
  /** Import the good lines of a file with bad ones (else such a file imports nothing). */
  skipBadRows?: boolean;
  /** Where records the file does not place go (over the upload's choice). */
  vehicleId?: string;
}

export interface CommitOutcome {
  /** Fill-ups, service records and stations written. */
  imported: number;
  /** Records imported before (the same fingerprint), left out. */
  duplicates: number;
  /** Bad lines left out (`skipBadRows`). */
  skipped: number;
}

/** The job's records, read back in file order, each with its line. */
interface JobRecords {
  vehicles: ImportedVehicle[];
  fillUps: { line: number; record: ImportedFillUp }[];
  services: { line: number; record: ImportedServiceRecord }[];
  stations: ImportedStation[];
}

/**
 * Commits a job all or nothing, in one transaction: the vehicles the file names (matched, else
 * created), its stations, then fill-ups and service records through fuel-logs and maintenance, by
 * their rules. Records imported before (by fingerprint) are left out, so a file imports once.
 */
@Injectable()
export class ImportCommitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: ImportJobsService,
    private readonly lines: ImportJobLinesQuery,
    private readonly fingerprints: ImportFingerprintsQuery,
    private readonly vehicles: VehiclesService,
    private readonly stations: StationsService,
    private readonly fuelLogs: FuelLogsService,
    private readonly maintenance: MaintenanceRecordsService,
    private readonly restore: AccountRestoreService,
  ) {}

  async commit(scope: RequestScope, id: string, choices: CommitChoices): Promise<CommitOutcome> {
    const { format } = await this.jobs.get(scope, id);
    if (format === 'motovaultpro') {
      const outcome = await this.restore.whilePreferencesPinned(scope, () => this.commitJob(scope, id, choices));
      await this.restore.afterCommit(id);
      return outcome;
    }
    return this.commitJob(scope, id, choices);
  }

  private commitJob(scope: RequestScope, id: string, choices: CommitChoices): Promise<CommitOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const job = await this.claim(manager, scope, id);
      if (job.errorCount > 0 && !choices.skipBadRows) {
        throw new ProblemException(HttpStatus.CONFLICT, {
          title: 'The file has bad lines',
          detail: `${job.errorCount} line${job.errorCount === 1 ? '' : 's'} of the file cannot be imported: fix the file, or import with skipBadRows to leave them out.`,
          errorCount: job.errorCount,
        });
      }
      const outcome =
        job.format === 'motovaultpro'
          ? await this.restore.restoreWithin(manager, scope, job.id)
          : await this.importRecords(manager, scope, job, choices);
      await scope
        .of(this.jobs.jobs.within(manager))
        .update(job.id, { status: 'committed', imported: outcome.imported, committedAt: new Date() });
      return { ...outcome, skipped: job.errorCount };
    });
  }

  /** Another app's file: its vehicles matched or made, its stations, fill-ups and service records. */
  private async importRecords(
    manager: EntityManager,
    scope: RequestScope,
    job: ImportJobEntity,
    choices: CommitChoices,
  ): Promise<{ imported: number; duplicates: number }> {
    const records = await this.recordsOf(manager, job.id);
    const vehicleOf = await this.vehiclesFor(manager, scope, records, choices.vehicleId ?? job.vehicleId);
    let imported = 0;
    for (const station of records.stations) {
      const { created } = await this.stations.create(scope, { ...station, name: station.name }, manager);
      if (created) imported += 1;
    }
    const seen = await this.newRecords(manager, scope, records, vehicleOf);
    for (const [vehicle, fillUps] of groupBy(seen.fillUps, (entry) => vehicleOf(entry.record.vehicle))) {
      const inputs = fillUps.map(({ line, record }) => fillUpInput(line, record, vehicle.odometerUnit));
      imported += (await this.fuelLogs.importFillUps(scope, vehicle.id, inputs, manager)).length;
    }
    for (const [vehicle, services] of groupBy(seen.services, (entry) => vehicleOf(entry.record.vehicle))) {
      const inputs = services.map(({ line, record }) => recordInput(line, record, vehicle.odometerUnit));
      imported += (await this.maintenance.importRecords(scope, vehicle.id, inputs, manager)).length;
    }
    await this.fingerprints.add(manager, scope.userId, seen.fingerprints);
    return { imported, duplicates: seen.duplicates };
  }

  /** The job, locked for this commit: a second commit waits, then finds it committed (409). */
  private async claim(manager: EntityManager, scope: RequestScope, id: string): Promise<ImportJobEntity> {
    const job = await manager.findOne(ImportJobEntity, {
      where: { id, userId: scope.userId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!job) throw new NotFoundException(noSuchImport);
    if (job.status === 'committed') throw new ConflictException('This import has been committed already.');
    return job;
  }

  private async recordsOf(manager: EntityManager, jobId: string): Promise<JobRecords> {
    const records: JobRecords = { vehicles: [], fillUps: [], services: [], stations: [] };
    for await (const { line, record } of jobRecords(this.lines, manager, jobId)) {
      if (record.kind === 'vehicle') records.vehicles.push(record);
      else if (record.kind === 'fill-up') records.fillUps.push({ line, record });
      else if (record.kind === 'service') records.services.push({ line, record });
      else if (record.kind === 'station') records.stations.push(record);
    }
    return records;
  }

  /**
   * The vehicle of each name the file uses: the caller's vehicle it matches, else one made from the
   * file's description of it. Records that name none go to the chosen vehicle, or to the file's one
   * vehicle when it describes exactly one; with neither, a 400.
   */
  private async vehiclesFor(
    manager: EntityManager,
    scope: RequestScope,
    records: JobRecords,
    chosenId: string | null,
  ): Promise<(name: string | undefined) => OwnedVehicle> {
    const owned = await this.vehicles.allOwned(scope);
    const described = new Map(records.vehicles.map((vehicle) => [vehicle.name, vehicle]));
    const names = new Set([
      ...described.keys(),
      ...[...records.fillUps, ...records.services].flatMap(({ record }) => (record.vehicle ? [record.vehicle] : [])),
    ]);
    const byName = new Map<string, OwnedVehicle>();
    for (const name of names) {
      byName.set(
        name,
        matchVehicle(name, owned) ?? (await this.createVehicle(manager, scope, name, described.get(name))),
      );
    }
    const chosen = chosenId ? await this.vehicles.get(scope, chosenId, manager) : undefined;
    const fallback = chosen ?? (described.size === 1 ? byName.get([...described.keys()][0]) : undefined);
    const unplaced = [...records.fillUps, ...records.services].some(({ record }) => !record.vehicle);
    if (unplaced && !fallback) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, {
        title: 'Which vehicle?',
        detail: 'The file does not say which vehicle its records are for: choose one (vehicleId).',
        errors: [{ field: 'vehicleId', message: 'is needed for this file' }],
      });
    }
    return (name) => (name ? byName.get(name)! : fallback!);
  }

  /**
   * A vehicle the file names and the caller has not: its nickname the file's name, make and model
   * the file's (else that name too). A VIN the vehicles rules refuse (a mistyped check digit) is
   * kept in the notes rather than failing the import.
   */
  private async createVehicle(
    manager: EntityManager,
    scope: RequestScope,
    name: string,
    described: ImportedVehicle | undefined,
  ): Promise<OwnedVehicle> {
    const fields = {
      nickname: name,
      make: described?.make ?? name,
      model: described?.model ?? name,
      year: described?.year,
      licensePlate: described?.licensePlate,
      odometerUnit: described?.odometerUnit,
      notes: described?.notes,
    };
    const vin = described?.vin;
    if (!vin) return this.vehicles.createWithin(manager, scope, fields);
    try {
      return await this.vehicles.createWithin(manager, scope, { ...fields, vin });
    } catch (error) {
      const refusedVin =
        error instanceof ProblemException && error.problem.errors?.some((problem) => problem.field === 'vin');
      if (!refusedVin) throw error;
      const notes = [described?.notes, `VIN in the imported file: ${vin}`].filter(Boolean).join('\n');
      return this.vehicles.createWithin(manager, scope, { ...fields, notes });
    }
  }

  /** The records not imported before (nor twice in this file), and their fingerprints to keep. */
  private async newRecords(
    manager: EntityManager,
    scope: RequestScope,
    records: JobRecords,
    vehicleOf: (name: string | undefined) => OwnedVehicle,
  ) {
    const printed = <T extends ImportedFillUp | ImportedServiceRecord>(entries: { line: number; record: T }[]) =>
      entries.map((entry) => ({
        ...entry,
        fingerprint: fingerprintOf(vehicleOf(entry.record.vehicle).id, entry.record),
      }));
    const fillUps = printed(records.fillUps);
    const services = printed(records.services);
    const known = await this.fingerprints.known(manager, scope.userId, [
      ...fillUps.map((entry) => entry.fingerprint),
      ...services.map((entry) => entry.fingerprint),
    ]);
    let duplicates = 0;
    const isNew = (entry: { fingerprint: string }) => {
      if (known.has(entry.fingerprint)) {
        duplicates += 1;
        return false;
      }
      known.add(entry.fingerprint);
      return true;
    };
    const freshFillUps = fillUps.filter(isNew);
    const freshServices = services.filter(isNew);
    const fingerprints = [...freshFillUps, ...freshServices].map((entry) => entry.fingerprint);
    return { fillUps: freshFillUps, services: freshServices, fingerprints, duplicates };
  }
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
