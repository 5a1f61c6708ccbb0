import { MigrationInterface, QueryRunner } from 'typeorm';
import { versionTriggersFor } from '../../../core/database/data-versions/version-triggers';

const triggers = versionTriggersFor('public.maintenance_records');

/** Every change to maintenance records bumps their vehicles' data version, which cost reports are cached under. */
export class VersionMaintenanceRecords1765200000200 implements MigrationInterface {
  name = 'VersionMaintenanceRecords1765200000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of triggers.up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of triggers.down) await queryRunner.query(statement);
  }
}
