import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fill-ups name their station by `station_id`. The free-text names entered before become saved
 * stations of their user (one per name, whatever its case and spacing; deleted fill-ups' names too),
 * and each fill-up points at its own. `station_name` keeps the text as it was typed.
 */
export class LinkFillUpsToStations1765000000100 implements MigrationInterface {
  name = 'LinkFillUpsToStations1765000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      insert into public.stations (id, user_id, provider, name)
      select gen_random_uuid(), user_id, 'manual', left(min(btrim(station_name)), 120)
      from public.fuel_logs
      where station_id is null and btrim(coalesce(station_name, '')) <> ''
      group by user_id, lower(left(btrim(station_name), 120))
      on conflict do nothing`);
    await queryRunner.query(`
      update public.fuel_logs f set station_id = s.id
      from public.stations s
      where f.station_id is null and btrim(coalesce(f.station_name, '')) <> ''
        and s.user_id = f.user_id and s.provider = 'manual' and s.deleted_at is null
        and lower(s.name) = lower(left(btrim(f.station_name), 120))`);
    await queryRunner.query(
      'alter table public.fuel_logs add constraint fuel_logs_station foreign key (station_id) references public.stations (id)',
    );
    await queryRunner.query(
      'create index fuel_logs_by_station on public.fuel_logs (user_id, station_id, filled_at) where station_id is not null and deleted_at is null',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop index public.fuel_logs_by_station');
    await queryRunner.query('alter table public.fuel_logs drop constraint fuel_logs_station');
    await queryRunner.query('update public.fuel_logs set station_id = null');
    await queryRunner.query("delete from public.stations where provider = 'manual'");
  }
}
