import { Inject, Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { RequestScope } from '../../../../core/identity/scoping/request-scope';
import { DOCUMENT_STORAGE, documentKey } from '../../../documents';
import type { DocumentStorage } from '../../../documents';
import {
  documentColumns,
  documentPath,
  exportFormatVersion,
  fillUpColumns,
  jsonDocument,
  jsonRecord,
  jsonServiceRecord,
  reminderColumns,
  serviceRecordColumns,
  stationColumns,
  vehicleColumns,
} from './export-layout';
import { ExportSources, ExportedPreferences, VehicleNames } from './export-sources.service';
import { csvText, ExportRecord, motovaultproJson } from './export-text';

/** A zip on its way out: what to call it, and its bytes as they are made. */
export interface ExportDownload {
  fileName: string;
  stream: Readable;
}

interface ExportHead {
  exportedAt: Date;
  preferences: ExportedPreferences;
  vehicles: VehicleNames;
}

/**
 * The export zip of everything a user owns: `motovaultpro.json`, a CSV per record type and each
 * document's bytes. It is written as it is read: each table a page at a time, each file streamed
 * from the storage, nothing whole in memory. A failure part way destroys the stream (a truncated zip
 * fails to open rather than looking complete).
 */
@Injectable()
export class ExportService {
  private readonly logger = new Logger('Export');

  constructor(
    private readonly sources: ExportSources,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  /** Reads the preferences and vehicles before anything is sent (a failure here is still an error response). */
  async open(scope: RequestScope, exportedAt = new Date()): Promise<ExportDownload> {
    const head: ExportHead = {
      exportedAt,
      preferences: await this.sources.preferences(scope),
      vehicles: await this.sources.vehicleNames(scope),
    };
    const zip = new ZipFile();
    const stream = zip.outputStream as Readable;
    const fail = (error: Error) => {
      if (stream.destroyed) return;
      this.logger.error(`The export stopped part way: ${error.message}`, error.stack);
      stream.destroy(error);
    };
    zip.on('error', fail);
    this.fill(zip, scope, head, fail).catch(fail);
    return { fileName: `motovaultpro-export-${dayIn(head.preferences.timeZone, exportedAt)}.zip`, stream };
  }

  private async fill(zip: ZipFile, scope: RequestScope, head: ExportHead, fail: (error: Error) => void) {
    const entry = (path: string, open: () => Promise<Readable>, compress = true) =>
      zip.addReadStreamLazy(path, { compress, mtime: head.exportedAt }, (done) => {
        open().then(
          (readable) => done(null, readable.on('error', fail)),
          (error: Error) => fail(error),
        );
      });
    const text = (path: string, pieces: () => AsyncIterable<string>) =>
      entry(path, () => Promise.resolve(Readable.from(pieces(), { objectMode: false })));

    const missing = await this.addDocumentFiles(scope, head, (path, key) =>
      entry(path, async () => (await this.storage.get(key)).stream, false),
    );
    const pathOf = (document: { id: string; fileName: string }) =>
      missing.has(document.id) ? null : documentPath(document);
    const { vehicles } = head;

    text('motovaultpro.json', () =>
      motovaultproJson(
        {
          format: 'motovaultpro',
          version: exportFormatVersion,
          exportedAt: head.exportedAt.toISOString(),
          preferences: head.preferences,
        },
        [
          { key: 'vehicles', records: mapped(this.sources.vehicles(scope), jsonRecord) },
          { key: 'odometerReadings', records: mapped(this.sources.readings(scope, vehicles), jsonRecord) },
          { key: 'fuelLogs', records: mapped(this.sources.fillUps(scope, vehicles), jsonRecord) },
          { key: 'maintenanceRecords', records: mapped(this.sources.records(scope, vehicles), jsonServiceRecord) },
          { key: 'reminders', records: mapped(this.sources.reminders(scope, vehicles), jsonRecord) },
          { key: 'stations', records: mapped(this.sources.stations(scope), jsonRecord) },
          {
            key: 'documents',
            records: mapped(this.sources.documents(scope, vehicles), (document) =>
              jsonDocument(document, pathOf(document)),
            ),
          },
        ],
      ),
    );
    text('csv/vehicles.csv', () => csvText(vehicleColumns(vehicles), this.sources.vehicles(scope)));
    text('csv/fuel-logs.csv', () => csvText(fillUpColumns(vehicles), this.sources.fillUps(scope, vehicles)));
    text('csv/maintenance-records.csv', () =>
      csvText(serviceRecordColumns(vehicles), this.sources.records(scope, vehicles)),
    );
    text('csv/reminders.csv', () => csvText(reminderColumns(vehicles), this.sources.reminders(scope, vehicles)));
    text('csv/stations.csv', () => csvText(stationColumns, this.sources.stations(scope)));
    text('csv/documents.csv', () =>
      csvText(documentColumns(vehicles, pathOf), this.sources.documents(scope, vehicles)),
    );
    zip.end();
  }

  /**
   * Adds an entry for each document whose bytes the storage has (read only when the zip gets to it),
   * and returns the ids of those it has not: their descriptions are exported without a path.
   */
  private async addDocumentFiles(
    scope: RequestScope,
    head: ExportHead,
    add: (path: string, key: string) => void,
  ): Promise<Set<string>> {
    const missing = new Set<string>();
    for await (const document of this.sources.documents(scope, head.vehicles)) {
      const key = documentKey(document.userId, document.id);
      if (document.fileMissingAt === null && (await this.storage.stat(key))) add(documentPath(document), key);
      else missing.add(document.id);
    }
    return missing;
  }
}

async function* mapped<T>(records: AsyncIterable<T>, map: (record: T) => ExportRecord): AsyncGenerator<ExportRecord> {
  for await (const record of records) yield map(record);
}

/** 'YYYY-MM-DD' of `at` in the user's time zone. */
function dayIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
