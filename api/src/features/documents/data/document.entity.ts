import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { numericAsNumber } from '../../../core/database/numeric-transformer';
import type { UserOwned } from '../../../core/identity/scoping/user-scoped-repository';

export const documentKinds = ['insurance', 'registration', 'receipt', 'manual', 'photo', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** A stored file's description; its bytes are in the document storage at `documentKey(userId, id)`. */
@Entity({ schema: 'public', name: 'documents' })
export class DocumentEntity implements UserOwned {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') title: string;
  @Column('text') kind: DocumentKind;
  /** As the client named it: shown and offered on download, never used as a path. */
  @Column('text', { name: 'file_name' }) fileName: string;
  /** Decided from the content, never from the name or the client's Content-Type. */
  @Column('text', { name: 'media_type' }) mediaType: string;
  @Column('bigint', { name: 'size_bytes', transformer: numericAsNumber }) sizeBytes: number;
  @Column('char', { length: 64 }) sha256: string;
  /** 'YYYY-MM-DD'. */
  @Column('date', { name: 'expires_on', nullable: true }) expiresOn: string | null;
  @Column('text', { nullable: true }) notes: string | null;
  @Column('uuid', { name: 'vehicle_id', nullable: true }) vehicleId: string | null;
  @Column('uuid', { name: 'maintenance_record_id', nullable: true }) maintenanceRecordId: string | null;
  @Column('uuid', { name: 'fuel_log_id', nullable: true }) fuelLogId: string | null;
  /** Set by `documents:check --fix` when the storage has no bytes for this row. */
  @Column('timestamptz', { name: 'file_missing_at', nullable: true }) fileMissingAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date | null;
}

/** An upload in flight: its bytes may be in the storage without a document row yet. */
@Entity({ schema: 'public', name: 'document_uploads' })
export class DocumentUploadEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  /** The storage instance that runs it (`DocumentStorage.instanceId`), which cleans it up if it dies. */
  @Column('text') owner: string;
  @Column('timestamptz', { name: 'started_at', default: () => 'now()' }) startedAt: Date;
}

/** A small WebP of an image document, made on first request and kept. */
@Entity({ schema: 'public', name: 'document_thumbnails' })
export class DocumentThumbnailEntity {
  @PrimaryColumn('uuid', { name: 'document_id' }) documentId: string;
  @Column('text', { name: 'media_type' }) mediaType: string;
  @Column('integer') width: number;
  @Column('integer') height: number;
  @Column('bytea') bytes: Buffer;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
