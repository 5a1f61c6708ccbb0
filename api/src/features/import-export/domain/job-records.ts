import { EntityManager } from 'typeorm';
import { ImportJobLinesQuery } from '../data/import-job-lines.query';
import type { ImportedRecord } from './formats/imported-records';

const pageSize = 5000;

/** A job's records in file order, each with its line, read back a page at a time (bad lines left out). */
export async function* jobRecords(
  lines: ImportJobLinesQuery,
  db: EntityManager,
  jobId: string,
): AsyncGenerator<{ line: number; record: ImportedRecord }> {
  for (let after = 0; ;) {
    const page = await lines.recordsAfter<ImportedRecord>(db, jobId, after, pageSize);
    for (const { line, record } of page) if (record) yield { line, record };
    if (page.length < pageSize) return;
    after = page[page.length - 1].seq;
  }
}
