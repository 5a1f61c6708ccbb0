import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved stations (a user table). A provider's station is saved once per user (live or deleted: saving
 * it again brings it back); a hand-named one once per name, whatever its case.
 */
export class CreateStations1765000000000 implements MigrationInterface {
  name = 'CreateStations1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table public.stations (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        provider text not null check (provider in ('osm', 'google', 'manual')),
        provider_id text check (char_length(provider_id) between 1 and 300),
        name text not null check (char_length(name) between 1 and 120),
        brand text check (char_length(brand) <= 120),
        address text check (char_length(address) <= 300),
        latitude numeric(9, 6) check (latitude between -90 and 90),
        longitude numeric(9, 6) check (longitude between -180 and 180),
        fuel_types text[] not null default '{}',
        is_favorite boolean not null default false,
        notes text check (char_length(notes) <= 2000),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz,
        check ((provider = 'manual') = (provider_id is null)),
        check ((latitude is null) = (longitude is null))
      )`);
    await queryRunner.query('create index stations_user_id_id on public.stations (user_id, id)');
    await queryRunner.query(
      'create unique index stations_provider_ref on public.stations (user_id, provider, provider_id) where provider_id is not null',
    );
    await queryRunner.query(
      "create unique index stations_manual_name on public.stations (user_id, lower(name)) where provider = 'manual' and deleted_at is null",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table public.stations');
  }
}
