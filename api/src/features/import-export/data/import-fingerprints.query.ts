import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The SQL of `import_fingerprints`: what a user has imported already, by fingerprint. */
@Injectable()
export class ImportFingerprintsQuery {
  /** Of `fingerprints`, those the user has imported before, with the record each made (null: not kept). */
  async recordsOf(db: EntityManager, userId: string, fingerprints: string[]): Promise<Map<string, string | null>> {
    const known = new Map<string, string | null>();
    for (let start = 0; start < fingerprints.length; start += batchSize) {
      const rows: { fingerprint: string; record_id: string | null }[] = await db.query(
        `select fingerprint, record_id from public.import_fingerprints
          where user_id = $1 and fingerprint = any($2::char(64)[])`,
        [userId, fingerprints.slice(start, start + batchSize)],
      );
      for (const row of rows) known.set(row.fingerprint, row.record_id);
    }
    return known;
  }

  /** Keeps `fingerprints` (each once); of them, those the user had not imported before. */
  async addNew(db: EntityManager, userId: string, fingerprints: string[]): Promise<Set<string>> {
    const added = new Set<string>();
    for (let start = 0; start < fingerprints.length; start += batchSize) {
      const rows: { fingerprint: string }[] = await db.query(
        `insert into public.import_fingerprints (user_id, fingerprint)
         select $1, unnest($2::char(64)[]) on conflict do nothing returning fingerprint`,
        [userId, fingerprints.slice(start, start + batchSize)],
      );
      for (const row of rows) added.add(row.fingerprint);
    }
    return added;
  }

  /** Keeps fingerprints with the record each made; a fingerprint kept before takes the new record. */
  async addWithRecords(db: EntityManager, userId: string, made: Map<string, string>): Promise<void> {
    const entries = [...made];
    for (let start = 0; start < entries.length; start += batchSize) {
      const batch = entries.slice(start, start + batchSize);
      await db.query(
        `insert into public.import_fingerprints (user_id, fingerprint, record_id)
         select $1, fingerprint, record_id from unnest($2::char(64)[], $3::uuid[]) as made (fingerprint, record_id)
         on conflict (user_id, fingerprint) do update set record_id = excluded.record_id`,
        [userId, batch.map(([fingerprint]) => fingerprint), batch.map(([, recordId]) => recordId)],
      );
    }
  }
}

const batchSize = 10_000;
