import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import type { DocumentEntity, DocumentKind } from '../data/document.entity';
import { DocumentsRepository } from '../data/documents.repository';
import { localInstanceId } from '../data/instance-id';
import {
  DOCUMENT_STORAGE,
  DocumentStorage,
  DocumentStorageFullError,
  DocumentTooLargeError,
  documentKey,
} from '../data/storage/document-storage';
import type { DocumentFields } from './document-fields';
import { DocumentLinksService } from './document-links.service';
import { fileTooLarge, quotaExceeded, storageFull, unacceptedContent } from './document-problems';
import { MediaSniffer, UnacceptedContentError } from './media-sniffer';
import type { AcceptedMediaType } from './media-type';

/** A file whose bytes are safe in the storage, waiting for its row (`commit`) or its removal (`discard`). */
export interface StagedFile {
  id: string;
  key: string;
  fileName: string;
  mediaType: AcceptedMediaType;
  sizeBytes: number;
  sha256: string;
}

/**
 * Uploads in two steps that never leave one without the other: `stage` streams the bytes into the
 * storage (capped, typed by content, recorded as an upload in flight), `commit` writes the row in
 * the transaction that ends the upload. Whatever fails removes the bytes; what a killed process
 * left is removed by the next one over the same `DOCUMENTS_DIR` when it starts.
 */
@Injectable()
export class DocumentUploadsService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Documents');
  private owner: string | undefined;

  constructor(
    private readonly repository: DocumentsRepository,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly links: DocumentLinksService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.owner = await localInstanceId(this.config.DOCUMENTS_DIR);
    const removed = await this.discardOwnedBy(this.owner);
    if (removed > 0) this.logger.log(`Removed ${removed} upload(s) a stopped process left unfinished`);
  }

  /**
   * Streams a file into the storage as an upload in flight. `owner` is who removes it if it never
   * gets its row: this process's folder by default (when it restarts), or an import's batch (when
   * the import is committed or expires).
   */
  async stage(scope: RequestScope, fileName: string, source: Readable, owner = this.ownerId()): Promise<StagedFile> {
    const quota = this.config.DOCUMENTS_QUOTA_BYTES;
    const used = await this.repository.usage(scope.userId);
    if (used >= quota) {
      source.resume();
      throw quotaExceeded(used, quota);
    }
    const maxBytes = Math.min(this.config.DOCUMENTS_MAX_BYTES, quota - used);
    const id = randomUUID();
    const key = documentKey(scope.userId, id);
    await this.repository.startUpload(id, scope.userId, owner);
    const sniffer = new MediaSniffer();
    try {
      const stored = await this.storage.put(
        key,
        pipeline(source, sniffer, () => undefined),
        { maxBytes },
      );
      return { id, key, fileName: cleanFileName(fileName), mediaType: sniffer.mediaType!, ...sizeOf(stored) };
    } catch (error) {
      await this.repository.endUpload(id);
      if (error instanceof DocumentTooLargeError) {
        throw maxBytes < this.config.DOCUMENTS_MAX_BYTES ? quotaExceeded(used, quota) : fileTooLarge(maxBytes);
      }
      if (error instanceof UnacceptedContentError) throw unacceptedContent(error);
      if (error instanceof DocumentStorageFullError) {
        this.logger.error(`Upload refused, the documents storage is full: ${error.message}`);
        throw storageFull();
      }
      throw error;
    }
  }

  /** Writes the row of a staged file; on any failure (a bad link, the quota) its bytes are removed. */
  async commit(scope: RequestScope, staged: StagedFile, fields: DocumentFields): Promise<DocumentEntity> {
    try {
      const links = await this.links.resolve(scope, {
        vehicleId: fields.vehicleId ?? null,
        maintenanceRecordId: fields.maintenanceRecordId ?? null,
        fuelLogId: fields.fuelLogId ?? null,
      });
      return await this.repository.withUserLock(scope.userId, async (manager) => {
        const used = await this.repository.usage(scope.userId, manager);
        if (used + staged.sizeBytes > this.config.DOCUMENTS_QUOTA_BYTES) {
          throw quotaExceeded(used, this.config.DOCUMENTS_QUOTA_BYTES);
        }
        const document = await scope.of(this.repository.documents.within(manager)).create(
          {
            title: fields.title ?? titleFrom(staged.fileName),
            kind: fields.kind ?? defaultKind(staged.mediaType),
            fileName: staged.fileName,
            mediaType: staged.mediaType,
            sizeBytes: staged.sizeBytes,
            sha256: staged.sha256,
            expiresOn: fields.expiresOn ?? null,
            notes: fields.notes ?? null,
            ...links,
          },
          staged.id,
        );
        await this.repository.endUpload(staged.id, manager);
        return document;
      });
    } catch (error) {
      await this.discard(staged);
      throw error;
    }
  }

  /** Removes every file staged under `owner` that has no row yet; how many. */
  async discardOwnedBy(owner: string): Promise<number> {
    const uploads = await this.repository.uploadsOf(owner);
    for (const upload of uploads) {
      await this.storage.delete(documentKey(upload.userId, upload.id));
      await this.repository.endUpload(upload.id);
    }
    return uploads.length;
  }

  async discard(staged: StagedFile): Promise<void> {
    await this.storage.delete(staged.key);
    await this.repository.endUpload(staged.id);
  }

  private ownerId(): string {
    if (!this.owner) throw new Error('Uploads start once the application has started');
    return this.owner;
  }
}

function sizeOf(stored: { size: number; sha256: string }): { sizeBytes: number; sha256: string } {
  return { sizeBytes: stored.size, sha256: stored.sha256 };
}

// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/g;

/** The client's file name as given (paths and all: it is only ever shown), without control characters, at most 255 characters. */
export function cleanFileName(fileName: string): string {
  const cleaned = fileName.replace(controlCharacters, '').trim().slice(0, 255);
  return cleaned || 'document';
}

function titleFrom(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const withoutExtension = base.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim();
  return (withoutExtension || base || 'Document').slice(0, 200);
}

function defaultKind(mediaType: AcceptedMediaType): DocumentKind {
  return mediaType.startsWith('image/') ? 'photo' : 'other';
}
