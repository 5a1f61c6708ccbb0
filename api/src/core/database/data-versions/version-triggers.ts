import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SQL that makes a table bump its vehicles' data versions (`public.bump_data_versions()`) on
 * every change: one statement-level trigger per event, since PostgreSQL allows transition tables only
 * on a trigger of a single event. The table needs a `vehicle_id` column. Each capsule installs them
 * on its own tables, in a migration of its own; `up` also gives the vehicles already in the table a
 * version, so a later `truncate` changes theirs too.
 */
export function versionTriggersFor(table: `${string}.${string}`): { up: string[]; down: string[] } {
  const name = table.split('.')[1];
  const trigger = (event: string) => `${name}_data_versions_${event}`;
  return {
    up: [
      `create trigger ${trigger('insert')} after insert on ${table}
         referencing new table as new_rows for each statement execute function public.bump_data_versions()`,
      `create trigger ${trigger('update')} after update on ${table}
         referencing old table as old_rows new table as new_rows for each statement execute function public.bump_data_versions()`,
      `create trigger ${trigger('delete')} after delete on ${table}
         referencing old table as old_rows for each statement execute function public.bump_data_versions()`,
      `create trigger ${trigger('truncate')} after truncate on ${table}
         for each statement execute function public.bump_data_versions()`,
      `insert into public.data_versions (vehicle_id, source, version)
         select vehicle_id, '${name}', nextval('public.data_version_seq')
           from (select distinct vehicle_id from ${table}) as present
          order by vehicle_id
       on conflict (vehicle_id, source) do nothing`,
    ],
    down: [
      ...['insert', 'update', 'delete', 'truncate'].map((event) => `drop trigger ${trigger(event)} on ${table}`),
      `delete from public.data_versions where source = '${name}'`,
    ],
  };
}

/** A capsule's migration that installs `versionTriggersFor(table)`: TypeORM runs it as a class of its own. */
export function versionTriggersMigration(name: string, table: `${string}.${string}`): new () => MigrationInterface {
  const triggers = versionTriggersFor(table);
  return class implements MigrationInterface {
    name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      for (const statement of triggers.up) await queryRunner.query(statement);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      for (const statement of triggers.down) await queryRunner.query(statement);
    }
  };
}
