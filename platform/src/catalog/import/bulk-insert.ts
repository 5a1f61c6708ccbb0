import type { PoolClient } from 'pg';

export interface BulkColumn {
  name: string;
  /** The PostgreSQL array type the values travel as, e.g. `int4[]`, `text[]`, `numeric[]`. */
  arrayType: string;
}

/**
 * Inserts rows in batches through `unnest` of one array per column: one round trip and one
 * plan per batch, and no parameter limit.
 */
export async function bulkInsert(
  client: PoolClient,
  table: string,
  columns: BulkColumn[],
  rows: readonly unknown[][],
  batchSize = 20_000,
): Promise<number> {
  const columnList = columns.map((column) => column.name).join(', ');
  const arrays = columns.map((column, index) => `$${index + 1}::${column.arrayType}`).join(', ');
  const sql = `insert into ${table} (${columnList}) select * from unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const values = columns.map((_, columnIndex) => batch.map((row) => row[columnIndex] ?? null));
    await client.query(sql, values);
  }
  return rows.length;
}
