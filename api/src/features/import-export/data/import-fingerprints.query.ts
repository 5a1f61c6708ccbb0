import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** The SQL of `import_fingerprints`: what a user has imported already, by fingerprint. */
@Injectable()
export class ImportFingerprintsQuery {
  /** Of `fingerprints`, those the user has imported before. */
  async known(db: EntityManager, userId: string, fingerprints: string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (let start = 0; start < fingerprints.length; start += batchSize) {
      const rows: { fingerprint: string }[] = await db.query(
        `select fingerprint from public.import_fingerprints where user_id = $1 and fingerprint = any($2::char(64)[])`,
        [userId, fingerprints.slice(start, start + batchSize)],
      );
      for (const row of rows) known.add(row.fingerprint);
    }
    return known;
  }

  async add(db: EntityManager, userId: string, fingerprints: string[]): Promise<void> {
    for (let start = 0; start < fingerprints.length; start += batchSize) {
      await db.query(
        `insert into public.import_fingerprints (user_id, fingerprint)
         select $1, unnest($2::char(64)[]) on conflict do nothing`,
        [userId, fingerprints.slice(start, start + batchSize)],
      );
    }
  }
}

const batchSize = 10_000;
