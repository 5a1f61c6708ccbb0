import type { Pool } from 'pg';

/**
 * The versions of every source of each of these vehicles as one short text (`vehicle/source:version,…`,
 * in source order), in one statement: equal texts mean no row of theirs changed in between. A vehicle
 * with no version yet maps to ''; its first change gives it one, so the text still differs.
 */
export async function readDataVersionKeys(pool: Pool, vehicleIds: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ vehicle_id: string; key: string }>({
    name: 'dataVersions.keys',
    text: `select vehicle_id, string_agg(vehicle_id || '/' || source || ':' || version, ',' order by source) as key
             from public.data_versions
            where vehicle_id = any($1::uuid[])
            group by vehicle_id`,
    values: [vehicleIds],
  });
  const keys = new Map<string, string>(vehicleIds.map((id) => [id, '']));
  for (const row of rows) keys.set(row.vehicle_id, row.key);
  return keys;
}
