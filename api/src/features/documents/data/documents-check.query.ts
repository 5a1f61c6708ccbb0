import { DataSource } from 'typeorm';

/** A document row as the consistency check sees it: where its bytes should be, and whether they were found missing. */
export interface DocumentRowState {
  id: string;
  userId: string;
  deleted: boolean;
  fileMissingAt: Date | null;
}

/** An upload recorded as in flight (`document_uploads`). */
export interface UploadInFlight {
  id: string;
  userId: string;
  owner: string;
  startedAt: Date;
}

/** A stored file's place: `<userId>/<documentId>`. */
export interface StoredPlace {
  userId: string;
  documentId: string;
}

interface RowStateRow {
  id: string;
  user_id: string;
  deleted: boolean;
  file_missing_at: Date | null;
}

const toState = (row: RowStateRow): DocumentRowState => ({
  id: row.id,
  userId: row.user_id,
  deleted: row.deleted,
  fileMissingAt: row.file_missing_at,
});

/** The queries of `documents:check`, on a plain DataSource (it runs in the admin command, beside the app). */
export class DocumentsCheckQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** Every document row, deleted ones too: they own their bytes until the purge. */
  async allRows(): Promise<DocumentRowState[]> {
    const rows = await this.dataSource.query<RowStateRow[]>(
      'select id, user_id, deleted_at is not null as deleted, file_missing_at from public.documents order by created_at, id',
    );
    return rows.map(toState);
  }

  /**
   * Those of `ids` that still have a row now. A row being purged (held `for update` while its bytes
   * go) is left out: `for key share` clashes only with that lock, not with ordinary updates.
   */
  async rowsNow(ids: string[]): Promise<DocumentRowState[]> {
    if (ids.length === 0) return [];
    const rows = await this.dataSource.query<RowStateRow[]>(
      `select id, user_id, deleted_at is not null as deleted, file_missing_at
         from public.documents where id = any($1::uuid[])
          for key share skip locked`,
      [ids],
    );
    return rows.map(toState);
  }

  /** Of these places, the ones a document row or an upload in flight owns now, as `<userId>/<documentId>`. */
  async ownedNow(places: StoredPlace[]): Promise<Set<string>> {
    if (places.length === 0) return new Set();
    const rows = await this.dataSource.query<{ key: string }[]>(
      `with place (user_id, id) as (select * from unnest($1::uuid[], $2::uuid[]))
       select place.user_id || '/' || place.id as key
         from place
        where exists (select 1 from public.documents d where d.id = place.id and d.user_id = place.user_id)
           or exists (select 1 from public.document_uploads u where u.id = place.id and u.user_id = place.user_id)`,
      [places.map((place) => place.userId), places.map((place) => place.documentId)],
    );
    return new Set(rows.map((row) => row.key));
  }

  /** Sets `file_missing_at` on those of `ids` that have none yet; returns how many it set. */
  async markFileMissing(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [, count] = await this.dataSource.query<[unknown, number]>(
      'update public.documents set file_missing_at = now() where id = any($1::uuid[]) and file_missing_at is null',
      [ids],
    );
    return count;
  }

  /** Clears `file_missing_at` of those of `ids` whose bytes are back; returns how many it cleared. */
  async clearFileMissing(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [, count] = await this.dataSource.query<[unknown, number]>(
      'update public.documents set file_missing_at = null where id = any($1::uuid[]) and file_missing_at is not null',
      [ids],
    );
    return count;
  }

  /** Uploads recorded as in flight since before `startedBefore`. */
  async uploadsStartedBefore(startedBefore: Date): Promise<UploadInFlight[]> {
    const rows = await this.dataSource.query<{ id: string; user_id: string; owner: string; started_at: Date }[]>(
      'select id, user_id, owner, started_at from public.document_uploads where started_at < $1 order by started_at, id',
      [startedBefore],
    );
    return rows.map((row) => ({ id: row.id, userId: row.user_id, owner: row.owner, startedAt: row.started_at }));
  }

  /** Ends the record of an upload that never finished; false when it is gone (or finished) meanwhile. */
  async endUpload(id: string): Promise<boolean> {
    const [, count] = await this.dataSource.query<[unknown, number]>(
      `delete from public.document_uploads
        where id = $1 and not exists (select 1 from public.documents where id = $1)`,
      [id],
    );
    return count > 0;
  }
}
