import { MigrationInterface, QueryRunner } from 'typeorm';

/** A vehicle's live readings by time: the last reading and the ones before it, for today's odometer estimate. */
export class IndexReadingsByTime1764500000100 implements MigrationInterface {
  name = 'IndexReadingsByTime1764500000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'create index odometer_readings_vehicle_time on public.odometer_readings (vehicle_id, recorded_at desc) where deleted_at is null',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop index public.odometer_readings_vehicle_time');
  }
}
