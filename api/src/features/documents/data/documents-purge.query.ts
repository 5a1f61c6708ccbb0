import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A deleted document whose retention is over. */
export interface PurgeableDocument {
  id: string;
  userId: string;
}

/** The purge's queries: deleted documents past their retention, claimed one at a time and deleted for good. */
@Injectable()
export class DocumentsPurgeQuery {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction that holds the row of one document deleted more than
   * `retentionDays` ago (the longest deleted first, none of `passedOver`), and resolves to it; to
   * null when there is none. A row another transaction holds (another replica's purge, a restore)
   * is skipped, and a restore waits for the lock and then finds the row gone.
   */
  claimPurgeable(
    retentionDays: number,
    passedOver: string[],
    work: (document: PurgeableDocument, manager: EntityManager) => Promise<void>,
  ): Promise<PurgeableDocument | null> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ id: string; user_id: string }[]>(
        `select id, user_id from public.documents
          where deleted_at < now() - make_interval(days => $1) and id <> all($2::uuid[])
          order by deleted_at
          limit 1
          for update skip locked`,
        [retentionDays, passedOver],
      );
      if (!row) return null;
      const document = { id: row.id, userId: row.user_id };
      await work(document, manager);
      return document;
    });
  }

  /** Deletes the row for good (its thumbnail goes with it). */
  async deleteForGood(manager: EntityManager, id: string): Promise<void> {
    await manager.query('delete from public.documents where id = $1', [id]);
  }
}
