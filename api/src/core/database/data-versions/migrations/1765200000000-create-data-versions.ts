import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data versions: per vehicle and source table, the last value of one global sequence a change to
 * that vehicle's rows took. Tables opt in with `versionTriggersFor`. The sequence belongs to no
 * table, so `truncate ... restart identity` never resets it: a version is never issued twice.
 */
export class CreateDataVersions1765200000000 implements MigrationInterface {
  name = 'CreateDataVersions1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('create sequence public.data_version_seq as bigint');
    await queryRunner.query(`
      create table public.data_versions (
        vehicle_id uuid not null,
        source text not null,
        version bigint not null,
        primary key (vehicle_id, source)
      )`);
    // One row per vehicle touched, however many rows the statement changed; in vehicle order, so
    // two statements over the same vehicles take their row locks in the same order.
    await queryRunner.query(`
      create function public.bump_data_versions() returns trigger language plpgsql as $$
      begin
        if tg_op = 'TRUNCATE' then
          update public.data_versions set version = nextval('public.data_version_seq') where source = tg_table_name;
        elsif tg_op = 'INSERT' then
          insert into public.data_versions (vehicle_id, source, version)
            select vehicle_id, tg_table_name, nextval('public.data_version_seq')
              from (select distinct vehicle_id from new_rows) as touched
             order by vehicle_id
          on conflict (vehicle_id, source) do update set version = excluded.version;
        elsif tg_op = 'UPDATE' then
          insert into public.data_versions (vehicle_id, source, version)
            select vehicle_id, tg_table_name, nextval('public.data_version_seq')
              from (select vehicle_id from old_rows union select vehicle_id from new_rows) as touched
             order by vehicle_id
          on conflict (vehicle_id, source) do update set version = excluded.version;
        else
          insert into public.data_versions (vehicle_id, source, version)
            select vehicle_id, tg_table_name, nextval('public.data_version_seq')
              from (select distinct vehicle_id from old_rows) as touched
             order by vehicle_id
          on conflict (vehicle_id, source) do update set version = excluded.version;
        end if;
        return null;
      end
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop function public.bump_data_versions()');
    await queryRunner.query('drop table public.data_versions');
    await queryRunner.query('drop sequence public.data_version_seq');
  }
}
