import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A job past its expiry (`$1`: now) or dropped by a refused upload. */
const expired = '(expires_at <= $1 or deleted_at is not null)';

/** Removes expired and dropped import jobs for good (their lines go with them, `on delete cascade`). */
@Injectable()
export class ImportJobsPurgeQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** The jobs `removeExpired(now)` would remove whose files staged documents (our own export's). */
  async expiredWithFiles(now: Date): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `select id from public.import_jobs where ${expired} and format = 'motovaultpro' and status = 'previewed'`,
      [now],
    );
    return rows.map((row) => row.id);
  }

  async removeExpired(now: Date): Promise<number> {
    const [, removed]: [unknown, number] = await this.dataSource.query(
      `delete from public.import_jobs where ${expired}`,
      [now],
    );
    return removed;
  }
}
