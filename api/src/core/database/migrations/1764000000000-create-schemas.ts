import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSchemas1764000000000 implements MigrationInterface {
  name = 'CreateSchemas1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('create schema if not exists public');
    await queryRunner.query('create schema if not exists vehicles');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop schema if exists vehicles');
  }
}
