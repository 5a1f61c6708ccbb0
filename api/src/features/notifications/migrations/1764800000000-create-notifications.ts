import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each user's notification channels (a user table, one live row per user) and every delivery made to them. */
export class CreateNotifications1764800000000 implements MigrationInterface {
  name = 'CreateNotifications1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table public.notification_settings (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        email_enabled boolean not null,
        email_address text check (char_length(email_address) between 3 and 254),
        webhook_enabled boolean not null default false,
        webhook_url text check (webhook_url ~ '^https?://' and char_length(webhook_url) <= 2000),
        check (not webhook_enabled or webhook_url is not null),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz
      )`);
    await queryRunner.query(
      'create index notification_settings_user_id_id on public.notification_settings (user_id, id)',
    );
    await queryRunner.query(
      'create unique index notification_settings_one_per_user on public.notification_settings (user_id) where deleted_at is null',
    );
    await queryRunner.query(`
      create table public.notification_deliveries (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        channel text not null check (channel in ('email', 'webhook')),
        key text not null check (char_length(key) between 1 and 200),
        title text not null,
        message text not null,
        link text,
        data jsonb,
        status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
        attempts integer not null default 0 check (attempts >= 0),
        next_attempt_at timestamptz not null default now(),
        last_error text,
        sent_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz,
        unique (user_id, channel, key)
      )`);
    await queryRunner.query(
      'create index notification_deliveries_user_id_id on public.notification_deliveries (user_id, id)',
    );
    await queryRunner.query(
      'create index notification_deliveries_listing on public.notification_deliveries (user_id, created_at desc)',
    );
    await queryRunner.query(
      "create index notification_deliveries_due on public.notification_deliveries (next_attempt_at) where status = 'pending'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table public.notification_deliveries');
    await queryRunner.query('drop table public.notification_settings');
  }
}
