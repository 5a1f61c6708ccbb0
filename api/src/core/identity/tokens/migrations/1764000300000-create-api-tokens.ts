import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApiTokens1764000300000 implements MigrationInterface {
  name = 'CreateApiTokens1764000300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table public.api_tokens (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        name text not null,
        token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
        prefix text not null,
        access text not null check (access in ('read', 'read_write')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        last_used_at timestamptz,
        revoked_at timestamptz,
        deleted_at timestamptz
      )`);
    await queryRunner.query('create index api_tokens_user_id_id_idx on public.api_tokens (user_id, id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table public.api_tokens');
  }
}
