import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type {
  CatalogEngine,
  CatalogMake,
  CatalogModel,
  CatalogTrim,
  EnginesQuery,
  MakesQuery,
  ModelsQuery,
  TrimsQuery,
} from '../contract';
import { PlatformFault } from '../core/platform-fault';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../core/runtime';
import { CatalogCache } from './catalog-cache';

interface EngineRow {
  id: number;
  name: string;
  displacement_l: string | null;
  cylinders: number | null;
  fuel_type: string | null;
  power_hp: number | null;
}

/** The catalog hierarchy: years → makes → models → trims → engines, each list cached. */
@Injectable()
export class CatalogService {
  private readonly pool: Pool;

  constructor(
    @Inject(PLATFORM_RUNTIME) runtime: PlatformRuntime,
    private readonly cache: CatalogCache,
  ) {
    this.pool = runtime.pool;
  }

  years(): Promise<number[]> {
    return this.cache.through(['years'], async () => {
      const result = await this.pool.query<{ year: number }>(
        'select distinct year from vehicles.model_years order by year desc',
      );
      return result.rows.map((row) => row.year);
    });
  }

  makes({ year }: MakesQuery): Promise<CatalogMake[]> {
    return this.cache.through([year, 'makes'], async () => {
      const result = await this.pool.query<CatalogMake>(
        `select m.id, m.name from vehicles.makes m
          where exists (select 1 from vehicles.model_years y where y.year = $1 and y.make_id = m.id)
          order by m.name`,
        [year],
      );
      return result.rows;
    });
  }

  models({ year, makeId }: ModelsQuery): Promise<CatalogModel[]> {
    return this.cache.through([year, makeId, 'models'], async () => {
      const result = await this.pool.query<CatalogModel>(
        `select m.id, m.name, m.vehicle_type as "vehicleType"
           from vehicles.model_years y join vehicles.models m on m.id = y.model_id
          where y.year = $1 and y.make_id = $2
          order by m.name`,
        [year, makeId],
      );
      if (result.rows.length === 0) await this.mustExist('makes', makeId, 'make');
      return result.rows;
    });
  }

  trims({ year, modelId }: TrimsQuery): Promise<CatalogTrim[]> {
    return this.cache.through([year, modelId, 'trims'], async () => {
      const result = await this.pool.query<CatalogTrim>(
        'select id, name from vehicles.trims where model_id = $1 and year = $2 order by name',
        [modelId, year],
      );
      if (result.rows.length === 0) await this.mustExist('models', modelId, 'model');
      return result.rows;
    });
  }

  /** A trim's engines when the data links them, else every engine of the model-year. */
  engines({ year, modelId, trimId }: EnginesQuery): Promise<CatalogEngine[]> {
    return this.cache.through([year, modelId, trimId ?? 'all', 'engines'], async () => {
      if (trimId !== undefined) {
        const trim = await this.pool.query(
          'select 1 from vehicles.trims where id = $1 and model_id = $2 and year = $3',
          [trimId, modelId, year],
        );
        if (trim.rowCount === 0)
          throw new PlatformFault('not_found', `The ${year} model ${modelId} has no trim ${trimId}`);
        const linked = await this.pool.query<EngineRow>(
          `select e.id, e.name, e.displacement_l, e.cylinders, e.fuel_type, e.power_hp
             from vehicles.trim_engines te join vehicles.engines e on e.id = te.engine_id
            where te.trim_id = $1 order by e.name`,
          [trimId],
        );
        if (linked.rows.length > 0) return linked.rows.map(toEngine);
      }
      const result = await this.pool.query<EngineRow>(
        `select id, name, displacement_l, cylinders, fuel_type, power_hp
           from vehicles.engines where model_id = $1 and year = $2 order by name`,
        [modelId, year],
      );
      if (result.rows.length === 0) await this.mustExist('models', modelId, 'model');
      return result.rows.map(toEngine);
    });
  }

  /** An empty list is an answer; an id the catalog never had is `not_found`. */
  private async mustExist(table: 'makes' | 'models', id: number, noun: string): Promise<void> {
    const found = await this.pool.query(`select 1 from vehicles.${table} where id = $1`, [id]);
    if (found.rowCount === 0) throw new PlatformFault('not_found', `The catalog has no ${noun} ${id}`);
  }
}

function toEngine(row: EngineRow): CatalogEngine {
  return {
    id: row.id,
    name: row.name,
    displacementL: row.displacement_l === null ? null : Number(row.displacement_l),
    cylinders: row.cylinders,
    fuelType: row.fuel_type,
    powerHp: row.power_hp,
  };
}
