import { MigrationInterface, QueryRunner } from 'typeorm';

/** The embedded issuer's state (sessions, interactions, grants, codes, refresh tokens), one row per artifact. */
export class CreateOidcPayloads1764000200000 implements MigrationInterface {
  name = 'CreateOidcPayloads1764000200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table public.oidc_payloads (
        id text not null,
        type text not null,
        payload jsonb not null,
        grant_id text,
        user_code text,
        uid text,
        expires_at timestamptz,
        consumed_at timestamptz,
        primary key (type, id)
      )`);
    await queryRunner.query(
      'create index oidc_payloads_grant_id_idx on public.oidc_payloads (grant_id) where grant_id is not null',
    );
    await queryRunner.query(
      'create index oidc_payloads_uid_idx on public.oidc_payloads (type, uid) where uid is not null',
    );
    await queryRunner.query(
      'create index oidc_payloads_user_code_idx on public.oidc_payloads (type, user_code) where user_code is not null',
    );
    await queryRunner.query(
      'create index oidc_payloads_expires_at_idx on public.oidc_payloads (expires_at) where expires_at is not null',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table public.oidc_payloads');
  }
}
