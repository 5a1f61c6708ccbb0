import { ForbiddenException, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { Repository } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { RequestScope } from '../scoping/request-scope';
import { Page, UserScopedRepository } from '../scoping/user-scoped-repository';
import { ApiTokenAccess, ApiTokenEntity } from './api-token.entity';
import { displayPrefixOf, hashApiToken, isApiTokenShape, newApiTokenSecret } from './api-token-secret';
import { pgPoolOf } from '@mvp/common';

export interface NewApiToken {
  name: string;
  access: ApiTokenAccess;
}

/** `last_used_at` is written at most this often per token, never on every request. */
const lastUsedResolutionMs = 60_000;
const maxTrackedTokens = 10_000;

interface TokenRow {
  id: string;
  user_id: string;
  access: ApiTokenAccess;
  last_used_at: Date | null;
  sub: string;
}

/**
 * Personal API tokens for scripts and home automation: created and revoked by a signed-in user
 * (a token cannot mint or revoke tokens), stored as SHA-256, accepted by the guard beside JWTs.
 */
@Injectable()
export class ApiTokensService {
  private readonly logger = new Logger('ApiTokens');
  private readonly tokens: UserScopedRepository<ApiTokenEntity>;
  /** token id → when we last wrote (or saw) its last_used_at, epoch ms. */
  private readonly lastUsedWrites = new Map<string, number>();

  constructor(@InjectRepository(ApiTokenEntity) repository: Repository<ApiTokenEntity>) {
    this.tokens = new UserScopedRepository(repository, 'No such API token.');
  }

  list(scope: RequestScope, page?: number, pageSize?: number): Promise<Page<ApiTokenEntity>> {
    return scope.of(this.tokens).list({ page, pageSize });
  }

  get(scope: RequestScope, id: string): Promise<ApiTokenEntity> {
    return scope.of(this.tokens).findOne(id);
  }

  /** The new token's record and its secret, which is never stored or shown again. */
  create(scope: RequestScope, token: NewApiToken): Promise<{ record: ApiTokenEntity; secret: string }> {
    this.mustBeSignedIn(scope);
    return this.issue(scope.userId, token);
  }

  /** Creates a token for a user without asking who is calling: for `npm run admin -- token:create`. */
  async issue(userId: string, token: NewApiToken): Promise<{ record: ApiTokenEntity; secret: string }> {
    const secret = newApiTokenSecret();
    const record = await this.tokens.forUser(userId).create({
      name: token.name.trim(),
      access: token.access,
      tokenHash: hashApiToken(secret),
      prefix: displayPrefixOf(secret),
    });
    return { record, secret };
  }

  async rename(scope: RequestScope, id: string, name: string): Promise<ApiTokenEntity> {
    this.mustBeSignedIn(scope);
    return scope.of(this.tokens).update(id, { name: name.trim() });
  }

  /** Revoked tokens stop working at once and leave the list. */
  async revoke(scope: RequestScope, id: string): Promise<void> {
    this.mustBeSignedIn(scope);
    const tokens = scope.of(this.tokens);
    await tokens.update(id, { revokedAt: new Date() });
    await tokens.softDelete(id);
  }

  /** The caller a bearer token stands for, or undefined when it is unknown, revoked or malformed. */
  async authenticate(secret: string): Promise<AuthenticatedUser | undefined> {
    if (!isApiTokenShape(secret)) return undefined;
    // Straight on the pg pool as a named statement: this runs on every request made with a token.
    const { rows } = await this.pool.query<TokenRow>({
      name: 'api_tokens.authenticate',
      text: `select t.id, t.user_id, t.access, t.last_used_at, u.sub
               from public.api_tokens t join public.users u on u.id = t.user_id
              where t.token_hash = $1 and t.revoked_at is null and t.deleted_at is null and u.deleted_at is null`,
      values: [hashApiToken(secret)],
    });
    const row = rows[0];
    if (!row) return undefined;
    this.noteUse(row.id, row.last_used_at);
    return { userId: row.user_id, sub: row.sub, via: 'api-token', access: row.access, tokenId: row.id };
  }

  private noteUse(id: string, lastUsedAt: Date | null): void {
    const now = Date.now();
    const last = Math.max(lastUsedAt?.getTime() ?? 0, this.lastUsedWrites.get(id) ?? 0);
    if (now - last < lastUsedResolutionMs) return;
    if (this.lastUsedWrites.size >= maxTrackedTokens) this.lastUsedWrites.clear();
    this.lastUsedWrites.set(id, now);
    this.pool
      .query(
        `update public.api_tokens set last_used_at = now()
          where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
        [id],
      )
      .catch((error: Error) => this.logger.warn(`Could not record a token's last use: ${error.message}`));
  }

  private get pool(): Pool {
    return pgPoolOf(this.tokens.repository.manager.connection);
  }

  private mustBeSignedIn(scope: RequestScope): void {
    if (scope.caller.via === 'api-token') {
      throw new ForbiddenException('API tokens cannot create, rename or revoke API tokens: sign in to do that.');
    }
  }
}
