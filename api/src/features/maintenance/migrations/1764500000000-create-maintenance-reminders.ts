import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (a user table), and the service key that ties a record to the kind of service a
 * reminder counts (so a cabin filter record does not restart the engine air filter reminder).
 */
export class CreateMaintenanceReminders1764500000000 implements MigrationInterface {
  name = 'CreateMaintenanceReminders1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table public.maintenance_records
        add column service_key text check (service_key ~ '^[a-z][a-z0-9_]{0,39}$')`);
    await queryRunner.query(`
      create table public.maintenance_reminders (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        vehicle_id uuid not null references public.vehicles (id),
        title text not null check (char_length(title) between 1 and 100),
        category text not null check (char_length(category) between 1 and 40),
        service_key text check (service_key ~ '^[a-z][a-z0-9_]{0,39}$'),
        interval_months integer check (interval_months between 1 and 600),
        interval_distance numeric(10, 1) check (interval_distance > 0),
        due_date date,
        due_odometer numeric(10, 1) check (due_odometer >= 0),
        start_date date not null,
        start_odometer numeric(10, 1) not null check (start_odometer >= 0),
        notes text,
        completed_at timestamptz,
        completed_record_id uuid references public.maintenance_records (id),
        alerted_status text not null default 'ok' check (alerted_status in ('ok', 'due_soon', 'overdue')),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz,
        check ((interval_months is null and interval_distance is null) <> (due_date is null and due_odometer is null))
      )`);
    await queryRunner.query(
      'create index maintenance_reminders_user_id_id on public.maintenance_reminders (user_id, id)',
    );
    await queryRunner.query(
      'create index maintenance_reminders_vehicle on public.maintenance_reminders (user_id, vehicle_id) where deleted_at is null',
    );
    await queryRunner.query(
      `create index maintenance_records_latest on public.maintenance_records
         (user_id, vehicle_id, category, service_key, performed_at desc, odometer desc) where deleted_at is null`,
    );
    await queryRunner.query(`
      create table public.maintenance_calendar_feeds (
        user_id uuid primary key references public.users (id),
        token text not null unique check (char_length(token) >= 32),
        created_at timestamptz not null default now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table public.maintenance_calendar_feeds');
    await queryRunner.query('drop index public.maintenance_records_latest');
    await queryRunner.query('drop table public.maintenance_reminders');
    await queryRunner.query('alter table public.maintenance_records drop column service_key');
  }
}
