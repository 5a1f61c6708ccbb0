import { MigrationInterface, QueryRunner } from 'typeorm';

/** The garage: vehicles, and the odometer readings every capsule reports about them. */
export class CreateVehicles1764200000000 implements MigrationInterface {
  name = 'CreateVehicles1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table public.vehicles (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        vin text check (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
        year smallint check (year between 1886 and 2100),
        make text not null,
        model text not null,
        trim text,
        engine text,
        catalog_make_id integer,
        catalog_model_id integer,
        catalog_trim_id integer,
        catalog_engine_id integer,
        vehicle_type text check (vehicle_type in ('car', 'mpv', 'truck', 'motorcycle', 'other')),
        nickname text,
        color text,
        license_plate text,
        license_region text,
        purchase_date date,
        purchase_price numeric(12, 2) check (purchase_price >= 0),
        odometer_unit text not null check (odometer_unit in ('mi', 'km')),
        initial_odometer numeric(10, 1) not null default 0 check (initial_odometer >= 0),
        current_odometer numeric(10, 1) not null default 0,
        fuel_types text[] not null default '{}',
        tank_capacity numeric(7, 2) check (tank_capacity > 0),
        tank_capacity_unit text check (tank_capacity_unit in ('l', 'gal_us', 'gal_uk', 'kwh')),
        status text not null default 'active' check (status in ('active', 'sold', 'stored')),
        notes text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz
      )`);
    await queryRunner.query('create index vehicles_user_id_id on public.vehicles (user_id, id)');
    await queryRunner.query(
      'create unique index vehicles_user_id_vin_live on public.vehicles (user_id, vin) where deleted_at is null and vin is not null',
    );
    await queryRunner.query(`
      create table public.odometer_readings (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        vehicle_id uuid not null references public.vehicles (id),
        source text not null,
        source_id uuid not null,
        odometer numeric(10, 1) not null check (odometer >= 0),
        recorded_at timestamptz not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz,
        unique (source, source_id)
      )`);
    await queryRunner.query('create index odometer_readings_user_id_id on public.odometer_readings (user_id, id)');
    await queryRunner.query(
      'create index odometer_readings_vehicle_live on public.odometer_readings (vehicle_id, odometer desc) where deleted_at is null',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table public.odometer_readings');
    await queryRunner.query('drop table public.vehicles');
  }
}
