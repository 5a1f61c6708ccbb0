import type { DataSource } from 'typeorm';

/** What oidc-provider stores per artifact; the fields the adapter indexes are named here. */
export interface OidcPayload {
  grantId?: string;
  userCode?: string;
  uid?: string;
  consumed?: unknown;
  [member: string]: unknown;
}

interface PayloadRow {
  payload: OidcPayload;
  consumed_at: Date | null;
}

/**
 * oidc-provider's storage adapter on PostgreSQL (`public.oidc_payloads`): one instance per model
 * name (Session, Interaction, Grant, AuthorizationCode, RefreshToken, …). Expired rows are never
 * returned and are purged by `purgeExpiredOidcPayloads`.
 */
export class PostgresOidcAdapter {
  constructor(
    private readonly type: string,
    private readonly db: DataSource,
  ) {}

  async upsert(id: string, payload: OidcPayload, expiresIn?: number): Promise<void> {
    const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
    await this.db.query(
      `insert into public.oidc_payloads (id, type, payload, grant_id, user_code, uid, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (type, id) do update set payload = excluded.payload, grant_id = excluded.grant_id,
         user_code = excluded.user_code, uid = excluded.uid, expires_at = excluded.expires_at`,
      [id, this.type, payload, payload.grantId ?? null, payload.userCode ?? null, payload.uid ?? null, expiresAt],
    );
  }

  find(id: string): Promise<OidcPayload | undefined> {
    return this.findWhere('id = $2', id);
  }

  findByUid(uid: string): Promise<OidcPayload | undefined> {
    return this.findWhere('uid = $2', uid);
  }

  findByUserCode(userCode: string): Promise<OidcPayload | undefined> {
    return this.findWhere('user_code = $2', userCode);
  }

  async consume(id: string): Promise<void> {
    await this.db.query('update public.oidc_payloads set consumed_at = now() where type = $1 and id = $2', [
      this.type,
      id,
    ]);
  }

  async destroy(id: string): Promise<void> {
    await this.db.query('delete from public.oidc_payloads where type = $1 and id = $2', [this.type, id]);
  }

  /** Every artifact of the grant, whatever its type: what revoking a grant means. */
  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db.query('delete from public.oidc_payloads where grant_id = $1', [grantId]);
  }

  private async findWhere(condition: string, value: string): Promise<OidcPayload | undefined> {
    const rows = (await this.db.query(
      `select payload, consumed_at from public.oidc_payloads
       where type = $1 and ${condition} and (expires_at is null or expires_at > now()) limit 1`,
      [this.type, value],
    )) as PayloadRow[];
    const row = rows[0];
    if (!row) return undefined;
    return row.consumed_at ? { ...row.payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) } : row.payload;
  }
}

/** Deletes artifacts that expired; returns how many. */
export async function purgeExpiredOidcPayloads(db: DataSource): Promise<number> {
  const result = (await db.query('delete from public.oidc_payloads where expires_at < now()')) as [unknown[], number];
  return result[1] ?? 0;
}
