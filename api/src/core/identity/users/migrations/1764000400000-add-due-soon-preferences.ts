import { MigrationInterface, QueryRunner } from 'typeorm';

/** How near a reminder's due point makes it "due soon": days, and a distance in the user's unit (null: 500 mi / 800 km). */
export class AddDueSoonPreferences1764000400000 implements MigrationInterface {
  name = 'AddDueSoonPreferences1764000400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table public.users
        add column due_soon_days integer not null default 30 check (due_soon_days between 0 and 365),
        add column due_soon_distance numeric(10, 1) check (due_soon_distance between 0 and 100000)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table public.users drop column due_soon_days, drop column due_soon_distance');
  }
}
