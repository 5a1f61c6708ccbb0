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
      await manager.query("select pg_advisory_xact_lock(hashtext('documents:' || $1))", [userId]);
      return work(manager);
    });
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
}
