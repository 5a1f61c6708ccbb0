import type { PoolClient } from 'pg';

/**
 * Inserts rows in batches through `unnest` of one array per column: one round trip and one
 * plan per batch, and no parameter limit.
 */
export async function bulkInsert(
  client: PoolClient,
  table: string,
  /** Each column with the PostgreSQL array type its values travel as, e.g. `{ id: 'int4[]', name: 'text[]' }`. */
  columns: Record<string, string>,
  rows: readonly unknown[][],
  batchSize = 20_000,
): Promise<number> {
  const names = Object.keys(columns);
  const columnList = names.join(', ');
  const arrays = names.map((name, index) => `$${index + 1}::${columns[name]}`).join(', ');
  const sql = `insert into ${table} (${columnList}) select * from unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const values = names.map((_, columnIndex) => batch.map((row) => row[columnIndex] ?? null));
    await client.query(sql, values);
  }
  return rows.length;
}
