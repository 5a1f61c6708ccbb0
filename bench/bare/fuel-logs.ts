/**
 * Baseline for GET /api/fuel-logs: verifies the same JWT on every request and runs the API's own
 * prepared list statement, economy computation and row mapping, taken from its build (`dist/api`), so
 * both servers do the same database work. The user's economy unit comes from the scenario, as the
 * API has its caller's row cached.
 */
import { join } from 'node:path';
import type * as ListDto from '../../api/src/features/fuel-logs/api/fuel-logs.dto';
import type * as ListQuery from '../../api/src/features/fuel-logs/data/fuel-log-list.query';
import type * as Economies from '../../api/src/features/fuel-logs/domain/fill-up-economies';
import type { LiquidEconomyUnit } from '../../api/src/features/fuel-logs/domain/economy-units';
import { main, runBareServer } from './server';
import { bearerVerifier } from './verified-user';

const fuelLogsBuild = join(__dirname, '../../api/api/src/features/fuel-logs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { fuelLogListQuery } = require(join(fuelLogsBuild, 'data/fuel-log-list.query.js')) as typeof ListQuery;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { listedFillUps } = require(join(fuelLogsBuild, 'domain/fill-up-economies.js')) as typeof Economies;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rowToFuelLogDto } = require(join(fuelLogsBuild, 'api/fuel-logs.dto.js')) as typeof ListDto;

main(() => {
  const userOf = bearerVerifier();
  const economyUnit = (process.env.BENCH_ECONOMY_UNIT ?? 'mpg_us') as LiquidEconomyUnit;
  return runBareServer({}, (app, { pool }) => {
    app.get('/api/fuel-logs', async (request, reply) => {
      const userId = await userOf(request.headers.authorization);
      if (!userId) return reply.code(401).send({ status: 401 });
      const statement = fuelLogListQuery({ userId, page: 1, pageSize: 25 });
      const rows = (await pool.query<ListQuery.FuelLogRow>(statement)).rows;
      return {
        items: listedFillUps(rows, economyUnit).map(rowToFuelLogDto),
        total: rows.length ? Number(rows[0].total) : 0,
        page: 1,
        pageSize: 25,
      };
    });
  });
});
