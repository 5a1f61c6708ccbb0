import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The record an imported fingerprint made (our own export's vehicles and stations): importing a
 * later export of the same account places its new records on the vehicles the first one made.
 */
export class FingerprintRecords1765100000100 implements MigrationInterface {
  name = 'FingerprintRecords1765100000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table public.import_fingerprints add column record_id uuid');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table public.import_fingerprints drop column record_id');
  }
}
