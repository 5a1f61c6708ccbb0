import { MigrationInterface, QueryRunner } from 'typeorm';
import { versionTriggersFor } from '../../../core/database/data-versions/version-triggers';

const triggers = versionTriggersFor('public.odometer_readings');

/** Every change to odometer readings bumps their vehicles' data version, which cost reports (distance driven) are cached under. */
export class VersionOdometerReadings1765200000300 implements MigrationInterface {
  name = 'VersionOdometerReadings1765200000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of triggers.up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of triggers.down) await queryRunner.query(statement);
  }
}
