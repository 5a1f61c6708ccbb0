import { Column, CreateDateColumn, DeleteDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { UserOwned } from '../scoping/user-scoped-repository';

export const apiTokenAccess = ['read', 'read_write'] as const;
export type ApiTokenAccess = (typeof apiTokenAccess)[number];

/** A personal API token: only its SHA-256 is kept; the secret is shown once, at creation. */
@Entity({ schema: 'public', name: 'api_tokens' })
export class ApiTokenEntity implements UserOwned {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') name: string;
  @Column('text', { name: 'token_hash', select: false }) tokenHash: string;
  /** The token's first characters, to tell tokens apart in a list. */
  @Column('text') prefix: string;
  @Column('text') access: ApiTokenAccess;
  @Column('timestamptz', { name: 'last_used_at', nullable: true }) lastUsedAt: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' }) deletedAt: Date | null;
}
