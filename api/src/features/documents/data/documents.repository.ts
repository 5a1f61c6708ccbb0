import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { UserScopedRepository } from '../../../core/identity/scoping/user-scoped-repository';
import { DocumentEntity, DocumentThumbnailEntity, DocumentUploadEntity } from './document.entity';

/** The documents table (through the user scope) and the uploads in flight, with the queries the services need. */
@Injectable()
export class DocumentsRepository {
  readonly documents: UserScopedRepository<DocumentEntity>;

  constructor(
    @InjectRepository(DocumentEntity) repository: Repository<DocumentEntity>,
    @InjectRepository(DocumentUploadEntity) private readonly uploads: Repository<DocumentUploadEntity>,
    @InjectRepository(DocumentThumbnailEntity) private readonly thumbnails: Repository<DocumentThumbnailEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.documents = new UserScopedRepository(repository, 'No document of yours by that id.');
  }

  /** Bytes of the user's live documents. */
  async usage(userId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await manager.query<{ used: string }[]>(
      'select coalesce(sum(size_bytes), 0) as used from public.documents where user_id = $1 and deleted_at is null',
      [userId],
    );
    return Number(row.used);
  }

  /**
   * Runs `work` in a transaction that holds the user's document lock: two uploads of one user
   * commit one after the other, so both see the other's bytes in the quota.
   */
  withUserLock<T>(userId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockUser(manager, userId);
      return work(manager);
    });
  }

  /** Takes the user's document lock in the caller's transaction (see `withUserLock`). */
  async lockUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.query("select pg_advisory_xact_lock(hashtext('documents:' || $1))", [userId]);
  }

  async startUpload(id: string, userId: string, owner: string): Promise<void> {
    await this.uploads.insert({ id, userId, owner });
  }

  async endUpload(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.delete(DocumentUploadEntity, { id });
  }

  uploadsOf(owner: string): Promise<DocumentUploadEntity[]> {
    return this.uploads.find({ where: { owner } });
  }

  thumbnailOf(documentId: string): Promise<DocumentThumbnailEntity | null> {
    return this.thumbnails.findOne({ where: { documentId } });
  }

  /** Keeps the first thumbnail made of a document (two requests may make one at once). */
  async saveThumbnail(thumbnail: Omit<DocumentThumbnailEntity, 'createdAt'>): Promise<void> {
    await this.thumbnails.createQueryBuilder().insert().values(thumbnail).orIgnore().execute();
  }

  /**
   * The user's latest expiry of each of `kinds` per vehicle (a renewed insurance card replaces the
   * old one), when it falls on or before `until`.
   */
  async latestExpiries(userId: string, kinds: readonly string[], until: string): Promise<DocumentExpiry[]> {
    const rows = await this.dataSource.query<DocumentExpiry[]>(
      `select id, title, kind, "vehicleId", to_char("expiresOn", 'YYYY-MM-DD') as "expiresOn"
         from (select distinct on (vehicle_id, kind)
                      id, title, kind, vehicle_id as "vehicleId", expires_on as "expiresOn"
                 from public.documents
                where user_id = $1 and deleted_at is null and expires_on is not null and kind = any($2)
                order by vehicle_id, kind, expires_on desc) latest
        where "expiresOn" <= $3`,
      [userId, kinds, until],
    );
    return rows;
  }
}

export interface DocumentExpiry {
  id: string;
  title: string;
  kind: string;
  vehicleId: string | null;
  expiresOn: string;
}
