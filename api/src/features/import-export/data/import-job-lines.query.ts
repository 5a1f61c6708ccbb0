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

  /**
   * Every record of the job, in file order, a page at a time (`after`: the last `seq` read); with
   * `only`, those of one kind naming one of `vehicles` (or none, when `unnamed`).
   */
  async recordsAfter<R>(
    db: EntityManager,
    jobId: string,
    after: number,
    limit: number,
    only?: RecordsOfVehicles,
  ): Promise<StoredLine<R>[]> {
    const rows: { seq: number; line: number; record: R }[] = only
      ? await db.query(
          `select seq, line, record from public.import_job_lines
            where job_id = $1 and seq > $2 and record->>'kind' = $4
              and (record->>'vehicle' = any($5::text[]) or ($6 and record->>'vehicle' is null))
            order by seq limit $3`,
          [jobId, after, limit, only.kind, only.vehicles, only.unnamed],
        )
      : await db.query(
          `select seq, line, record from public.import_job_lines
            where job_id = $1 and seq > $2 and record is not null order by seq limit $3`,
          [jobId, after, limit],
        );
    return rows;
  }

  /** The job's records of `kinds`, in file order (the few a file describes: vehicles, stations). */
  async recordsOfKinds<R>(db: EntityManager, jobId: string, kinds: string[]): Promise<{ line: number; record: R }[]> {
    const rows: { line: number; record: R }[] = await db.query(
      `select line, record from public.import_job_lines
        where job_id = $1 and record->>'kind' = any($2::text[]) order by seq`,
      [jobId, kinds],
    );
    return rows;
  }

  /** Each vehicle name (null: none) the job's records of `kinds` use, once, in the order they first appear. */
  async vehicleNames(
    db: EntityManager,
    jobId: string,
    kinds: string[],
  ): Promise<{ kind: string; name: string | null }[]> {
    return db.query(
      `select record->>'kind' as kind, record->>'vehicle' as name from public.import_job_lines
        where job_id = $1 and record->>'kind' = any($2::text[])
        group by 1, 2 order by min(seq)`,
      [jobId, kinds],
    );
  }
}

/** Records of one kind placed on one vehicle: those naming it by one of `vehicles`, and the unnamed ones when `unnamed`. */
export interface RecordsOfVehicles {
  kind: string;
  vehicles: string[];
  unnamed: boolean;
}
