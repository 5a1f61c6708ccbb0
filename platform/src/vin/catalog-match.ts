/** Finds the catalog rows (vehicles.makes, models, trims, engines) a decoded vehicle maps to. */

import type { Pool } from 'pg';
import type { DecodedEngine } from '../contract/vin-decode';

export interface CatalogQuery {
  makeId: number | null;
  modelId: number | null;
  year: number | null;
  trimName: string | null;
}

export interface CatalogEngineRow {
  id: number;
  name: string;
  displacementL: number | null;
  cylinders: number | null;
  fuelType: string | null;
  powerHp: number | null;
  trimIds: number[];
}

export interface CatalogMatch {
  /** Set when the make is in the catalog. */
  makeName: string | null;
  /** Set when the catalog has the model in that model year. */
  modelName: string | null;
  trim: { id: number; name: string } | null;
  /** The catalog's engines of the model in that year. */
  engines: CatalogEngineRow[];
}

export const noCatalogMatch: CatalogMatch = { makeName: null, modelName: null, trim: null, engines: [] };

export function catalogQueryKey(query: CatalogQuery): string {
  return `${query.makeId}|${query.modelId}|${query.year}|${query.trimName?.toLowerCase() ?? ''}`;
}

export async function findCatalogMatch(pool: Pool, query: CatalogQuery): Promise<CatalogMatch> {
  if (query.makeId === null && query.modelId === null) return noCatalogMatch;
  const result = await pool.query<{
    make_name: string | null;
    model_name: string | null;
    trim_id: number | null;
    trim_name: string | null;
    engines: CatalogEngineRow[];
  }>(
    `select
       (select name from vehicles.makes where id = $1) as make_name,
       (select m.name from vehicles.models m
        where m.id = $2 and exists (select 1 from vehicles.model_years y where y.model_id = m.id and y.year = $3))
         as model_name,
       t.id as trim_id, t.name as trim_name,
       coalesce((select json_agg(json_build_object(
                   'id', e.id, 'name', e.name, 'displacementL', e.displacement_l, 'cylinders', e.cylinders,
                   'fuelType', e.fuel_type, 'powerHp', e.power_hp,
                   'trimIds', array(select te.trim_id from vehicles.trim_engines te where te.engine_id = e.id)))
                 from vehicles.engines e where e.model_id = $2 and e.year = $3), '[]') as engines
     from (select 1) as one
       left join lateral (
         select id, name from vehicles.trims where model_id = $2 and year = $3 and lower(name) = lower($4)
         order by id limit 1
       ) as t on true`,
    [query.makeId, query.modelId, query.year, query.trimName],
  );
  const row = result.rows[0];
  if (!row?.model_name) return { ...noCatalogMatch, makeName: row?.make_name ?? null };
  return {
    makeName: row.make_name,
    modelName: row.model_name,
    trim: row.trim_id === null || row.trim_name === null ? null : { id: row.trim_id, name: row.trim_name },
    engines: row.engines.map((engine) => ({
      ...engine,
      displacementL: engine.displacementL === null ? null : Number(engine.displacementL),
    })),
  };
}

/**
 * The catalog engine a decoded engine is: the only one with its displacement and cylinders, or
 * among several the one that alone also fits the trim, fuel type and power best. Null when the
 * decoded engine says too little or the candidates cannot be told apart.
 */
export function chooseCatalogEngine(
  engines: readonly CatalogEngineRow[],
  decoded: Omit<DecodedEngine, 'id'> | null,
  trimId: number | null,
): CatalogEngineRow | null {
  if (!decoded || (decoded.displacementL === null && decoded.cylinders === null)) return null;
  const sameSize = engines.filter(
    (engine) =>
      (decoded.displacementL === null || sameDisplacement(engine.displacementL, decoded.displacementL)) &&
      (decoded.cylinders === null || engine.cylinders === decoded.cylinders),
  );
  const ofTrim = sameSize.filter((engine) => trimId !== null && engine.trimIds.includes(trimId));
  const candidates = ofTrim.length > 0 ? ofTrim : sameSize;
  if (candidates.length <= 1) return candidates[0] ?? null;

  const fuel = decoded.fuelType?.toLowerCase();
  const score = (engine: CatalogEngineRow) =>
    (fuel !== undefined && engine.fuelType?.toLowerCase() === fuel ? 2 : 0) +
    (decoded.powerHp !== null && engine.powerHp === decoded.powerHp ? 1 : 0);
  const scores = candidates.map(score);
  const best = Math.max(...scores);
  return scores.filter((value) => value === best).length === 1 ? candidates[scores.indexOf(best)] : null;
}

function sameDisplacement(catalog: number | null, decoded: number): boolean {
  return catalog !== null && Math.abs(catalog - decoded) < 0.05;
}
