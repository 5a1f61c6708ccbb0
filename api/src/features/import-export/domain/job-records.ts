import { EntityManager } from 'typeorm';
import { ImportJobLinesQuery, RecordsOfVehicles, StoredLine } from '../data/import-job-lines.query';
import type { ImportedRecord } from './formats/imported-records';

const defaultPageSize = 5000;

/**
 * A job's records in file order, a page at a time, each with its line (bad lines left out); with
 * `only`, those of one kind placed on one vehicle. Each call reads the next page (undefined after the
 * last), keeping nothing but where it is: once its caller lets a page go, it is garbage.
 */
export function jobRecordReader<R extends ImportedRecord = ImportedRecord>(
  lines: ImportJobLinesQuery,
  db: EntityManager,
  jobId: string,
  only?: RecordsOfVehicles,
  pageSize = defaultPageSize,
): () => Promise<{ line: number; record: R }[] | undefined> {
  let after: number | undefined = 0;
  return async () => {
    while (after !== undefined) {
      const page: StoredLine<R>[] = await lines.recordsAfter<R>(db, jobId, after, pageSize, only);
      after = page.length < pageSize ? undefined : page[page.length - 1].seq;
      const records = page.flatMap(({ line, record }) => (record ? [{ line, record }] : []));
      if (records.length) return records;
    }
    return undefined;
  };
}

/** What `read` gives, call after call, as an async iterable, until it gives undefined. */
export function pagesOf<T>(read: () => Promise<T | undefined>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]: () => ({
      next: async (): Promise<IteratorResult<T, undefined>> => {
        const value = await read();
        return value === undefined ? { done: true, value: undefined } : { done: false, value };
      },
    }),
  };
}

/** A job's records in file order, each with its line, read back a page at a time (bad lines left out). */
export async function* jobRecords(
  lines: ImportJobLinesQuery,
  db: EntityManager,
  jobId: string,
): AsyncGenerator<{ line: number; record: ImportedRecord }> {
  const read = jobRecordReader(lines, db, jobId);
  for (let page = await read(); page; page = await read()) yield* page;
}
