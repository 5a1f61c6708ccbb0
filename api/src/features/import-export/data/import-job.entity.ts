import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { UserOwned } from '../../../core/identity/scoping/user-scoped-repository';

export const importFormats = ['lubelogger', 'fuelly', 'fuelio', 'drivvo', 'hammond', 'csv', 'motovaultpro'] as const;
export type ImportFormat = (typeof importFormats)[number];

export type ImportJobStatus = 'previewed' | 'committed';

/** An uploaded file, read and waiting to be committed (or committed); its lines are in `import_job_lines`. */
@Entity({ schema: 'public', name: 'import_jobs' })
export class ImportJobEntity implements UserOwned {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') format: ImportFormat;
  /** As the client named it: shown only. */
  @Column('text', { name: 'file_name' }) fileName: string;
  /** The vehicle chosen at upload for records the file does not place. */
  @Column('uuid', { name: 'vehicle_id', nullable: true }) vehicleId: string | null;
  /** What the file was read with (units, zone, currency, date order, the generic CSV's mapping). */
  @Column('jsonb') options: object;
  /** Every vehicle the file names, in the order they first appear. */
  @Column('text', { name: 'vehicle_names', array: true }) vehicleNames: string[];
  @Column('text') status: ImportJobStatus;
  /** Lines read: records and bad lines. */
  @Column('integer') rows: number;
  @Column('integer', { name: 'error_count' }) errorCount: number;
  @Column('integer', { nullable: true }) imported: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'committed_at', nullable: true }) committedAt: Date | null;
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date | null;
}
