import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1764000100000 implements MigrationInterface {
  name = 'CreateUsers1764000100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table public.users (
        id uuid primary key,
        sub text not null unique,
        email text,
        display_name text,
        password_hash text,
        distance_unit text not null default 'mi' check (distance_unit in ('mi', 'km')),
        volume_unit text not null default 'gal_us' check (volume_unit in ('l', 'gal_us', 'gal_uk')),
        economy_unit text not null default 'mpg_us'
          check (economy_unit in ('mpg_us', 'mpg_uk', 'l_per_100km', 'km_per_l')),
        currency text not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
        locale text not null default 'en-US',
        time_zone text not null default 'UTC',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz
      )`);
    await queryRunner.query(
      'create unique index users_local_email_key on public.users (lower(email)) where password_hash is not null',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table public.users');
  }
}
