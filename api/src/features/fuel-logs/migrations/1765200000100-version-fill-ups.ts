import { MigrationInterface, QueryRunner } from 'typeorm';
import { versionTriggersFor } from '../../../core/database/data-versions/version-triggers';

const triggers = versionTriggersFor('public.fuel_logs');

/** Every change to fill-ups bumps their vehicles' data version, which fuel statistics and costs are cached under. */
export class VersionFillUps1765200000100 implements MigrationInterface {
  name = 'VersionFillUps1765200000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of triggers.up) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of triggers.down) await queryRunner.query(statement);
  }
}
