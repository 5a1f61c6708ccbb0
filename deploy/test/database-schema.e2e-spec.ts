import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase } from '../../api/test/support/test-database';
import {
  migrateFreshDatabase,
  parseSchemaDoc,
  readSchema,
  schemaDifferences,
  schemaDocPath,
  SchemaTable,
} from '../../scripts/database-schema-doc';

describe('docs/DATABASE-SCHEMA.md', () => {
  let database: TestDatabase;
  let migrated: SchemaTable[];

  beforeAll(async () => {
    database = await createTestDatabase('schema_doc');
    await migrateFreshDatabase(database.url);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      migrated = await readSchema(client);
    } finally {
      await client.end();
    }
  });

  afterAll(() => database?.drop());

  it('documents every table, column, key and index the migrations make, and nothing else', () => {
    const documented = parseSchemaDoc(readFileSync(schemaDocPath, 'utf8'));
    expect(documented.length).toBeGreaterThan(0);
    const differences = schemaDifferences(migrated, documented);
    if (differences.length) {
      const regenerate = 'regenerate the tables: npx tsx scripts/database-schema-doc.ts --write (see the page)';
      throw new Error(`The page and the migrations disagree (${regenerate}):\n- ${differences.join('\n- ')}`);
    }
  });

  it('names the differences it finds', () => {
    const documented = parseSchemaDoc(readFileSync(schemaDocPath, 'utf8'));
    const vehicles = documented.find((table) => table.name === 'public.vehicles');
    if (!vehicles) throw new Error('public.vehicles is not documented');
    const altered: SchemaTable[] = [
      ...documented.filter((table) => table !== vehicles && table.name !== 'public.users'),
      {
        ...vehicles,
        columns: [
          ...vehicles.columns
            .filter((column) => column.name !== 'nickname')
            .map((column) => (column.name === 'vin' ? { ...column, nullable: false } : column)),
          { name: 'colour', type: 'text', nullable: true, default: null },
        ],
        keys: vehicles.keys.filter((key) => key.name !== 'vehicles_user_id_id'),
      },
      { name: 'public.cars', columns: [], keys: [] },
    ];
    expect(schemaDifferences(migrated, altered).sort()).toEqual(
      [
        'public.cars: documented, but no migration creates it',
        'public.users: in the database, not documented',
        'public.vehicles.colour: documented, but not in the database',
        'public.vehicles.nickname: in the database, not documented',
        'public.vehicles.vin: documented as text, not null, default none; the database has text, null, default none',
        'public.vehicles: key or index vehicles_user_id_id in the database, not documented',
      ].sort(),
    );
  });
});
