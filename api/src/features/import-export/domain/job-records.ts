import { EntityManager } from 'typeorm';
import { ImportJobLinesQuery, RecordsOfVehicles, StoredLine } from '../data/import-job-lines.query';
import type { ImportedRecord } from './formats/imported-records';

const defaultPageSize = 5000;

/**
 * A job's records in file order, a page at a time, each with its line (bad lines left out); with
 * `only`, those of one kind placed on one vehicle. Only the page being read is held.
 */
export async function* jobRecordPages<R extends ImportedRecord = ImportedRecord>(
  lines: ImportJobLinesQuery,
  db: EntityManager,
  jobId: string,
  only?: RecordsOfVehicles,
  pageSize = defaultPageSize,
): AsyncGenerator<{ line: number; record: R }[]> {
  for (let after = 0; ;) {
    const page: StoredLine<R>[] = await lines.recordsAfter<R>(db, jobId, after, pageSize, only);
    const last = page.length < pageSize ? undefined : page[page.length - 1].seq;
    const records = page.flatMap(({ line, record }) => (record ? [{ line, record }] : []));
    if (records.length) yield records;
    if (last === undefined) return;
    after = last;
  }
}

/** A job's records in file order, each with its line, read back a page at a time (bad lines left out). */
export async function* jobRecords(
  lines: ImportJobLinesQuery,
  db: EntityManager,
  jobId: string,
): AsyncGenerator<{ line: number; record: ImportedRecord }> {
  for await (const page of jobRecordPages(lines, db, jobId)) yield* page;
}
