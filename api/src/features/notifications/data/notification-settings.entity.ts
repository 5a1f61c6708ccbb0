import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { UserOwned } from '../../../core/identity/scoping/user-scoped-repository';

/** A user's channels; no row yet means the defaults (e-mail on when the account has an address, no webhook). */
@Entity({ schema: 'public', name: 'notification_settings' })
export class NotificationSettingsEntity implements UserOwned {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('boolean', { name: 'email_enabled' }) emailEnabled: boolean;
  /** null: the account's own address (`users.email`). */
  @Column('text', { name: 'email_address', nullable: true }) emailAddress: string | null;
  @Column('boolean', { name: 'webhook_enabled' }) webhookEnabled: boolean;
  @Column('text', { name: 'webhook_url', nullable: true }) webhookUrl: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date | null;
}
