import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents (a user table) described here, their bytes in the document storage; the uploads in
 * flight, so a process that dies mid-upload can remove what it left; and image thumbnails.
 */
export class CreateDocuments1764900000000 implements MigrationInterface {
  name = 'CreateDocuments1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table public.documents (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        title text not null check (char_length(title) between 1 and 200),
        kind text not null check (kind in ('insurance', 'registration', 'receipt', 'manual', 'photo', 'other')),
        file_name text not null check (char_length(file_name) between 1 and 255),
        media_type text not null,
        size_bytes bigint not null check (size_bytes >= 0),
        sha256 char(64) not null check (sha256 ~ '^[0-9a-f]{64}$'),
        expires_on date,
        notes text check (char_length(notes) <= 2000),
        vehicle_id uuid references public.vehicles (id),
        maintenance_record_id uuid references public.maintenance_records (id),
        fuel_log_id uuid references public.fuel_logs (id),
        file_missing_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        deleted_at timestamptz
      )`);
    await queryRunner.query('create index documents_user_id_id on public.documents (user_id, id)');
    await queryRunner.query(
      'create index documents_listing on public.documents (user_id, created_at desc) where deleted_at is null',
    );
    await queryRunner.query(
      'create index documents_by_vehicle on public.documents (user_id, vehicle_id) where deleted_at is null and vehicle_id is not null',
    );
    await queryRunner.query(
      'create index documents_by_record on public.documents (maintenance_record_id) where maintenance_record_id is not null',
    );
    await queryRunner.query(
      'create index documents_by_fill_up on public.documents (fuel_log_id) where fuel_log_id is not null',
    );
    await queryRunner.query(
      'create index documents_expiring on public.documents (user_id, expires_on) where deleted_at is null and expires_on is not null',
    );
    await queryRunner.query(
      'create index documents_deleted on public.documents (deleted_at) where deleted_at is not null',
    );
    await queryRunner.query(`
      create table public.document_uploads (
        id uuid primary key,
        user_id uuid not null references public.users (id),
        owner text not null,
        started_at timestamptz not null default now()
      )`);
    await queryRunner.query('create index document_uploads_owner on public.document_uploads (owner)');
    await queryRunner.query(`
      create table public.document_thumbnails (
        document_id uuid primary key references public.documents (id) on delete cascade,
        media_type text not null,
        width integer not null check (width > 0),
        height integer not null check (height > 0),
        bytes bytea not null,
        created_at timestamptz not null default now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table public.document_thumbnails');
    await queryRunner.query('drop table public.document_uploads');
    await queryRunner.query('drop table public.documents');
  }
}
