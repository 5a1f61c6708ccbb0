import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { UserOwned } from '../../../core/identity/scoping/user-scoped-repository';

export const channels = ['email', 'webhook'] as const;
export type Channel = (typeof channels)[number];

export const deliveryStatuses = ['pending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

/** One notification to one channel of one user; `key` is unique per user and channel, so asking twice sends once. */
@Entity({ schema: 'public', name: 'notification_deliveries' })
export class NotificationDeliveryEntity implements UserOwned {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') channel: Channel;
  @Column('text') key: string;
  @Column('text') title: string;
  @Column('text') message: string;
  @Column('text', { nullable: true }) link: string | null;
  @Column('jsonb', { nullable: true }) data: Record<string, unknown> | null;
  @Column('text') status: DeliveryStatus;
  @Column('integer') attempts: number;
  @Column('timestamptz', { name: 'next_attempt_at' }) nextAttemptAt: Date;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date | null;
}
