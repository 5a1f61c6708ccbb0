import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imports: a job per uploaded file (a user table) with its read lines, kept until it is committed
 * or expires; and the fingerprints of every record imported, so the same file imports once.
 */
export class CreateImportJobs1765100000000 implements MigrationInterface {
  name = 'CreateImportJobs1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table public.import_jobs (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        format text not null,
        file_name text not null check (char_length(file_name) between 1 and 255),
        vehicle_id uuid references public.vehicles (id),
        options jsonb not null,
        vehicle_names text[] not null default '{}',
        status text not null check (status in ('previewed', 'committed')),
        rows integer not null default 0 check (rows >= 0),
        error_count integer not null default 0 check (error_count >= 0),
        imported integer,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        expires_at timestamptz not null,
        committed_at timestamptz,
        deleted_at timestamptz
      )`);
    await queryRunner.query('create index import_jobs_user_id_id on public.import_jobs (user_id, id)');
    await queryRunner.query('create index import_jobs_expiry on public.import_jobs (expires_at)');
    await queryRunner.query(`
      create table public.import_job_lines (
        job_id uuid not null references public.import_jobs (id) on delete cascade,
        seq integer not null,
        line integer not null,
        record jsonb,
        problems jsonb,
        primary key (job_id, seq),
        check ((record is null) <> (problems is null))
      )`);
    await queryRunner.query(
      'create index import_job_lines_problems on public.import_job_lines (job_id, seq) where problems is not null',
    );
    await queryRunner.query(`
      create table public.import_fingerprints (
        user_id uuid not null references public.users (id),
        fingerprint char(64) not null,
        created_at timestamptz not null default now(),
        primary key (user_id, fingerprint)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table public.import_fingerprints');
    await queryRunner.query('drop table public.import_job_lines');
    await queryRunner.query('drop table public.import_jobs');
  }
}
