import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException } from '@mvp/common';
import { randomUUID } from 'node:crypto';
import { pipeline, Readable, Transform } from 'node:stream';
import { DataSource } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { UsersService } from '../../../core/identity/users/users.service';
import { ImportedDocumentsService } from '../../documents';
import { VehiclesService } from '../../vehicles';
import { ImportJobLinesQuery, StoredLine } from '../data/import-job-lines.query';
import { ImportJobEntity } from '../data/import-job.entity';
import type { ImportedRecord } from './formats/imported-records';
import { ImportRequest, ImportOptions } from './import-options';
import { readImport } from './import-readers';
import { ImportJobsService } from './import-jobs.service';

/** A job is kept this long after its upload for the person to look at and commit. */
export const importLifetimeMs = 24 * 60 * 60 * 1000;

/** Lines written to the database together while a file is read. */
const lineBatch = 1000;

export class ImportTooLarge extends ProblemException {
  constructor(maxBytes: number) {
    super(HttpStatus.PAYLOAD_TOO_LARGE, {
      detail: `The file is larger than ${Math.round(maxBytes / 1_048_576)} MB.`,
      maxFileBytes: maxBytes,
    });
  }
}

/**
 * Reads an uploaded file through its format's reader as it arrives and keeps every line (a record
 * or its problems) under a new job, in batches, in one transaction: a file that fails to arrive
 * leaves nothing. What the file does not state comes from the request, else the caller's preferences.
 */
@Injectable()
export class ImportUploadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly vehicles: VehiclesService,
    private readonly jobs: ImportJobsService,
    private readonly lines: ImportJobLinesQuery,
    private readonly documents: ImportedDocumentsService,
  ) {}

  /** The options a request means; its vehicle must be the caller's (a 404 otherwise). */
  async optionsOf(scope: RequestScope, request: ImportRequest): Promise<ImportOptions> {
    if (request.vehicleId) await this.vehicles.get(scope, request.vehicleId);
    const user = await this.users.findCaller(scope);
    return {
      timeZone: request.timeZone ?? user.timeZone,
      distanceUnit: request.distanceUnit ?? user.distanceUnit,
      volumeUnit: request.volumeUnit ?? user.volumeUnit,
      currency: request.currency ?? user.currency,
      ...(request.dateOrder ? { dateOrder: request.dateOrder } : {}),
      ...(request.decimalComma !== undefined ? { decimalComma: request.decimalComma } : {}),
      ...(request.mapping ? { mapping: request.mapping } : {}),
    };
  }

  async read(
    scope: RequestScope,
    request: ImportRequest,
    options: ImportOptions,
    file: { name: string; stream: NodeJS.ReadableStream; maxBytes: number },
  ): Promise<ImportJobEntity> {
    // An upload cut short errors its stream at once, maybe while the job row is still being written and
    // nothing reads the input yet: `pipeline` hears that error on both streams (unheard, it crashed the
    // process) and leaves it on the input, where the reader finds it.
    const input = pipeline(file.stream as Readable, sizeCap(file.maxBytes), () => undefined);
    const jobId = randomUUID();
    try {
      return await this.readInto(scope, jobId, request, options, input, file.name);
    } catch (error) {
      await this.documents.discardBatch(jobId);
      throw error;
    }
  }

  private readInto(
    scope: RequestScope,
    jobId: string,
    request: ImportRequest,
    options: ImportOptions,
    input: NodeJS.ReadableStream,
    fileName: string,
  ): Promise<ImportJobEntity> {
    const stageFile = (name: string, bytes: Readable) => this.documents.stage(scope, jobId, name, bytes);
    return this.dataSource.transaction(async (manager) => {
      const jobs = scope.of(this.jobs.jobs.within(manager));
      const job = await jobs.create(
        {
          format: request.format,
          fileName: fileName.slice(0, 255) || 'import',
          vehicleId: request.vehicleId ?? null,
          options,
          vehicleNames: [],
          status: 'previewed',
          rows: 0,
          errorCount: 0,
          imported: null,
          expiresAt: new Date(Date.now() + importLifetimeMs),
          committedAt: null,
        },
        jobId,
      );
      const vehicleNames = new Set<string>();
      let batch: StoredLine<ImportedRecord>[] = [];
      let rows = 0;
      let errorCount = 0;
      for await (const line of readImport(request.format, input, options, stageFile)) {
        rows += 1;
        if ('problems' in line) {
          errorCount += 1;
          batch.push({ seq: rows, line: line.line, problems: line.problems });
        } else {
          const { record } = line;
          if (record.kind === 'vehicle') vehicleNames.add(record.name);
          else if ((record.kind === 'fill-up' || record.kind === 'service') && record.vehicle) {
            vehicleNames.add(record.vehicle);
          }
          batch.push({ seq: rows, line: line.line, record });
        }
        if (batch.length >= lineBatch) {
          await this.lines.insert(manager, job.id, batch);
          batch = [];
        }
      }
      await this.lines.insert(manager, job.id, batch);
      return jobs.update(job.id, { rows, errorCount, vehicleNames: [...vehicleNames] });
    });
  }
}

/** Passes the bytes on until there are more than `maxBytes`, then fails with a 413. */
function sizeCap(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new ImportTooLarge(maxBytes));
      else done(null, chunk);
    },
  });
}
