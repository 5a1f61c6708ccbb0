import { MigrationInterface, QueryRunner } from 'typeorm';

/** Fill-ups: as entered (units with their values), scoped to a user and one of their vehicles. */
export class CreateFuelLogs1764300000000 implements MigrationInterface {
  name = 'CreateFuelLogs1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table public.fuel_logs (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        vehicle_id uuid not null references public.vehicles (id),
        filled_at timestamptz not null,
        odometer numeric(10, 1) not null check (odometer >= 0),
        quantity numeric(10, 3) not null check (quantity > 0),
        quantity_unit text not null check (quantity_unit in ('l', 'gal_us', 'gal_uk', 'kwh')),
        price_per_unit numeric(12, 4) not null check (price_per_unit >= 0),
        total_cost numeric(12, 2) not null check (total_cost >= 0),
        currency text not null check (currency ~ '^[A-Z]{3}$'),
        fuel_type text,
        fuel_grade text,
        is_full boolean not null default true,
        missed_previous boolean not null default false,
        station_id uuid,
        station_name text,
        notes text,
        tags text[] not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz
      )`);
    await queryRunner.query('create index fuel_logs_user_id_id on public.fuel_logs (user_id, id)');
    await queryRunner.query(
      'create index fuel_logs_vehicle_filled_at on public.fuel_logs (vehicle_id, filled_at, odometer, id) where deleted_at is null',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table public.fuel_logs');
  }
}
