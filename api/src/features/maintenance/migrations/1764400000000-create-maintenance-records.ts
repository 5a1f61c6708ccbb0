import { MigrationInterface, QueryRunner } from 'typeorm';

/** Maintenance records (a user table) and their parts, which belong to their record. */
export class CreateMaintenanceRecords1764400000000 implements MigrationInterface {
  name = 'CreateMaintenanceRecords1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table public.maintenance_records (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        vehicle_id uuid not null references public.vehicles (id),
        performed_at date not null,
        odometer numeric(10, 1) not null check (odometer >= 0),
        category text not null check (char_length(category) between 1 and 40),
        title text not null,
        notes text,
        labour_cost numeric(12, 2) check (labour_cost >= 0),
        total_cost numeric(12, 2) check (total_cost >= 0),
        currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
        shop text,
        tags text[] not null default '{}',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz
      )`);
    await queryRunner.query('create index maintenance_records_user_id_id on public.maintenance_records (user_id, id)');
    await queryRunner.query(
      'create index maintenance_records_listing on public.maintenance_records (user_id, vehicle_id, performed_at desc) where deleted_at is null',
    );
    await queryRunner.query(`
      create table public.maintenance_parts (
        id uuid primary key,
        record_id uuid not null references public.maintenance_records (id),
        position integer not null check (position >= 0),
        name text not null,
        part_number text,
        quantity numeric(12, 3) not null check (quantity > 0),
        unit_cost numeric(14, 4) not null check (unit_cost >= 0),
        unique (record_id, position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table public.maintenance_parts');
    await queryRunner.query('drop table public.maintenance_records');
  }
}
