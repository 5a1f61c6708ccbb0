import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A bad line's problem with one field. */
export interface StoredProblem {
  field: string;
  message: string;
}

/**
 * A line as stored: a record (`R`, as the format readers make it) or its problems. `seq` orders
 * them (a Drivvo row with two fuels gives two records on one line).
 */
export interface StoredLine<R = unknown> {
  seq: number;
  line: number;
  record?: R;
  problems?: StoredProblem[];
}

/** The SQL of `import_job_lines`: written in batches as a file is read, read back in file order. */
@Injectable()
export class ImportJobLinesQuery {
  async insert<R>(db: EntityManager, jobId: string, lines: StoredLine<R>[]): Promise<void> {
    if (lines.length === 0) return;
    await db.query(
      `insert into public.import_job_lines (job_id, seq, line, record, problems)
       select $1, x.seq, x.line, x.record, x.problems
         from jsonb_to_recordset($2::jsonb) as x(seq integer, line integer, record jsonb, problems jsonb)`,
      [jobId, JSON.stringify(lines)],
    );
  }

  /** The first `limit` bad lines, in file order. */
  async problems(db: EntityManager, jobId: string, limit: number): Promise<StoredLine[]> {
    const rows: { seq: number; line: number; problems: StoredProblem[] }[] = await db.query(
      `select seq, line, problems from public.import_job_lines
        where job_id = $1 and problems is not null order by seq limit $2`,
      [jobId, limit],
    );
    return rows;
  }

  /** The first `limit` records, in file order. */
  async records<R>(db: EntityManager, jobId: string, limit: number): Promise<StoredLine<R>[]> {
    const rows: { seq: number; line: number; record: R }[] = await db.query(
      `select seq, line, record from public.import_job_lines
        where job_id = $1 and record is not null order by seq limit $2`,
      [jobId, limit],
    );
    return rows;
  }

  /** Every record of the job, in file order, a page at a time (`after`: the last `seq` read). */
  async recordsAfter<R>(db: EntityManager, jobId: string, after: number, limit: number): Promise<StoredLine<R>[]> {
    const rows: { seq: number; line: number; record: R }[] = await db.query(
      `select seq, line, record from public.import_job_lines
        where job_id = $1 and seq > $2 and record is not null order by seq limit $3`,
      [jobId, after, limit],
    );
    return rows;
  }
}
