import { ConflictException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import { ProblemException } from '@mvp/common';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { FillUpToImport, FuelLogsService } from '../../fuel-logs';
import { MaintenanceRecordsService, RecordToImport } from '../../maintenance';
import { StationsService } from '../../stations';
import { OdometerUnit, OwnedVehicle, VehiclesService } from '../../vehicles';
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
import { jobRecordReader, pagesOf } from './job-records';
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

/**
 * Records read back per page while committing: a page's records and inputs are all the commit holds
 * of them. Pages of 1,000 held a little less (+130 MB against +139 MB in the bench) but took 1.5–3 s
 * longer in round trips; pages of 5,000 commit about as fast as holding the whole file did.
 */
const commitPageSize = 5000;

/** Where a commit is: its transaction, caller, job, the vehicle being written and the duplicates met so far. */
interface FreshAt {
  manager: EntityManager;
  scope: RequestScope;
  jobId: string;
  vehicle: OwnedVehicle;
  counts: { duplicates: number };
}

/** Where a kind of record goes: per vehicle, the names (null: none) that place records on it. */
type Placements = Map<string, { vehicle: OwnedVehicle; names: (string | null)[] }>;

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

  /**
   * Another app's file: its vehicles matched or made, its stations, fill-ups and service records.
   * The records are read back a page at a time for each vehicle, so only a page of them is held.
   */
  private async importRecords(
    manager: EntityManager,
    scope: RequestScope,
    job: ImportJobEntity,
    choices: CommitChoices,
  ): Promise<{ imported: number; duplicates: number }> {
    const described = await this.lines.recordsOfKinds<ImportedVehicle | ImportedStation>(manager, job.id, [
      'vehicle',
      'station',
    ]);
    const used = await this.lines.vehicleNames(manager, job.id, ['fill-up', 'service']);
    const vehicleOf = await this.vehiclesFor(
      manager,
      scope,
      described.flatMap(({ record }) => (record.kind === 'vehicle' ? [record] : [])),
      used.map(({ name }) => name),
      choices.vehicleId ?? job.vehicleId,
    );
    let imported = 0;
    for (const { record: station } of described) {
      if (station.kind !== 'station') continue;
      const { created } = await this.stations.create(scope, { ...station, name: station.name }, manager);
      if (created) imported += 1;
    }
    const placements = (kind: string): Placements => {
      const placed: Placements = new Map();
      for (const { name } of used.filter((entry) => entry.kind === kind)) {
        const vehicle = vehicleOf(name ?? undefined);
        const entry = placed.get(vehicle.id) ?? { vehicle, names: [] };
        entry.names.push(name);
        placed.set(vehicle.id, entry);
      }
      return placed;
    };
    const counts = { duplicates: 0 };
    for (const { vehicle, names } of placements('fill-up').values()) {
      const pages = this.freshInputs<ImportedFillUp, FillUpToImport>(
        { manager, scope, jobId: job.id, vehicle, counts },
        { kind: 'fill-up', names },
        fillUpInput,
      );
      imported += (await this.fuelLogs.importFillUps(scope, vehicle.id, pages, manager)).length;
    }
    for (const { vehicle, names } of placements('service').values()) {
      const inputs: RecordToImport[] = [];
      const pages = this.freshInputs<ImportedServiceRecord, RecordToImport>(
        { manager, scope, jobId: job.id, vehicle, counts },
        { kind: 'service', names },
        recordInput,
      );
      for await (const page of pages) inputs.push(...page);
      imported += (await this.maintenance.importRecords(scope, vehicle.id, inputs, manager)).length;
    }
    return { imported, duplicates: counts.duplicates };
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

  /**
   * The vehicle of each name the file uses: the caller's vehicle it matches, else one made from the
   * file's description of it. Records that name none go to the chosen vehicle, or to the file's one
   * vehicle when it describes exactly one; with neither, a 400.
   */
  private async vehiclesFor(
    manager: EntityManager,
    scope: RequestScope,
    vehicles: ImportedVehicle[],
    used: (string | null)[],
    chosenId: string | null,
  ): Promise<(name: string | undefined) => OwnedVehicle> {
    const owned = await this.vehicles.allOwned(scope, manager);
    const described = new Map(vehicles.map((vehicle) => [vehicle.name, vehicle]));
    const names = new Set([...described.keys(), ...used.flatMap((name) => (name === null ? [] : [name]))]);
    const byName = new Map<string, OwnedVehicle>();
    for (const name of names) {
      byName.set(
        name,
        matchVehicle(name, owned) ?? (await this.createVehicle(manager, scope, name, described.get(name))),
      );
    }
    const chosen = chosenId ? await this.vehicles.get(scope, chosenId, manager) : undefined;
    const fallback = chosen ?? (described.size === 1 ? byName.get([...described.keys()][0]) : undefined);
    if (used.includes(null) && !fallback) {
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

  /**
   * The records of one kind placed on `vehicle` that were not imported before (nor earlier in this
   * file), a page at a time, as the capsule writing them takes them (`inputOf`); their fingerprints
   * are kept as each page goes, so the next page sees them. Left out records count in `duplicates`.
   */
  private freshInputs<R extends ImportedFillUp | ImportedServiceRecord, Input>(
    at: FreshAt,
    only: { kind: R['kind']; names: (string | null)[] },
    inputOf: (line: number, record: R, unit: OdometerUnit) => Input,
  ): AsyncIterable<Input[]> {
    const filter = {
      kind: only.kind,
      vehicles: only.names.flatMap((name) => (name === null ? [] : [name])),
      unnamed: only.names.includes(null),
    };
    const nextPage = jobRecordReader<R>(this.lines, at.manager, at.jobId, filter, commitPageSize);
    return pagesOf(async () => {
      const page = await nextPage();
      return page && (await this.freshOf(at, page, inputOf));
    });
  }

  /**
   * Of one page, the records not imported before (nor earlier in the file), as inputs: their
   * fingerprints are kept in one statement, which says which were new.
   */
  private async freshOf<R extends ImportedFillUp | ImportedServiceRecord, Input>(
    { manager, scope, vehicle, counts }: FreshAt,
    page: { line: number; record: R }[],
    inputOf: (line: number, record: R, unit: OdometerUnit) => Input,
  ): Promise<Input[]> {
    const printed = page.map((entry) => ({ ...entry, fingerprint: fingerprintOf(vehicle.id, entry.record) }));
    const added = await this.fingerprints.addNew(
      manager,
      scope.userId,
      printed.map((entry) => entry.fingerprint),
    );
    const fresh = printed.filter((entry) => {
      if (added.delete(entry.fingerprint)) return true;
      counts.duplicates += 1;
      return false;
    });
    return fresh.map(({ line, record }) => inputOf(line, record, vehicle.odometerUnit));
  }
}
