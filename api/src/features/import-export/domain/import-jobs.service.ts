import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { UserScopedRepository } from '../../../core/identity/scoping/user-scoped-repository';
import { VehiclesService } from '../../vehicles';
import { ImportJobLinesQuery } from '../data/import-job-lines.query';
import { ImportJobEntity } from '../data/import-job.entity';
import type { ImportedRecord } from './formats/imported-records';
import { ImportJobView, shownErrors, shownRecords } from './import-job-view';
import { previewOf } from './restore/restored-preview';
import { matchVehicle } from './vehicle-matching';

export const noSuchImport = 'No import of yours by that id (an import expires a day after its upload).';

/** The caller's import jobs as they are shown: the first bad lines, the first records, the vehicles named. */
@Injectable()
export class ImportJobsService {
  readonly jobs: UserScopedRepository<ImportJobEntity>;

  constructor(
    @InjectRepository(ImportJobEntity) repository: Repository<ImportJobEntity>,
    private readonly dataSource: DataSource,
    private readonly lines: ImportJobLinesQuery,
    private readonly vehicles: VehiclesService,
  ) {
    this.jobs = new UserScopedRepository(repository, noSuchImport);
  }

  /** The caller's live job, or a 404 (another user's, expired, or none). */
  async get(scope: RequestScope, id: string): Promise<ImportJobEntity> {
    const job = await scope.of(this.jobs).findOne(id);
    if (job.expiresAt.getTime() <= Date.now()) throw new NotFoundException(noSuchImport);
    return job;
  }

  /** Drops a job the upload refused after reading it; the hourly purge removes it for good. */
  async discard(scope: RequestScope, id: string): Promise<void> {
    await scope.of(this.jobs).softDelete(id);
  }

  async view(scope: RequestScope, job: ImportJobEntity): Promise<ImportJobView> {
    const db = this.dataSource.manager;
    const [bad, records, owned] = await Promise.all([
      this.lines.problems(db, job.id, shownErrors),
      this.lines.records<ImportedRecord>(db, job.id, shownRecords),
      job.vehicleNames.length ? this.vehicles.allOwned(scope) : [],
    ]);
    const errors = bad
      .flatMap(({ line, problems }) => (problems ?? []).map((problem) => ({ line, ...problem })))
      .slice(0, shownErrors);
    return {
      id: job.id,
      format: job.format,
      fileName: job.fileName,
      status: job.status,
      rows: job.rows,
      errorCount: job.errorCount,
      errors,
      preview: records.map(({ line, record }) => ({ line, record: previewOf(record!) })),
      vehicles: job.vehicleNames.map((name) => ({ name, existingVehicleId: matchVehicle(name, owned)?.id ?? null })),
      vehicleId: job.vehicleId,
      imported: job.imported,
      createdAt: job.createdAt,
      expiresAt: job.expiresAt,
    };
  }
}
