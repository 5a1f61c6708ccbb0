/**
 * Baseline for GET /api/vehicles: verifies the same RS256 JWT (issuer, audience, signature against
 * the same keys, on every request: no cache of verified tokens) and runs the API's own prepared list
 * statement and row mapping, taken from its build (`dist/api`), so both servers do the same database work.
 */
import { createLocalJWKSet, jwtVerify } from 'jose';
import { join } from 'node:path';
import type * as ListDto from '../../api/src/features/vehicles/api/vehicles.dto';
import type * as ListQuery from '../../api/src/features/vehicles/data/vehicle-list.query';
import { main, runBareServer } from './server';

const vehiclesBuild = join(__dirname, '../../api/api/src/features/vehicles');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { vehicleListQuery, vehicleRowsOf } = require(
  join(vehiclesBuild, 'data/vehicle-list.query.js'),
) as typeof ListQuery;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rowToVehicleDto } = require(join(vehiclesBuild, 'api/vehicles.dto.js')) as typeof ListDto;

main(() => {
  const keys = createLocalJWKSet(JSON.parse(process.env.BENCH_JWKS ?? '{"keys":[]}'));
  const issuer = process.env.BENCH_ISSUER;
  const audience = process.env.BENCH_AUDIENCE;
  return runBareServer({}, (app, { pool }) => {
    app.get('/api/vehicles', async (request, reply) => {
      const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
      let userId: string;
      try {
        const { payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['RS256'] });
        userId = String(payload.sub);
      } catch {
        return reply.code(401).send({ status: 401 });
      }
      const statement = vehicleListQuery({ userId, sort: 'name', page: 1, pageSize: 25 });
      const rows = vehicleRowsOf(await pool.query<unknown[]>(statement));
      return {
        items: rows.map(rowToVehicleDto),
        total: rows.length ? Number(rows[0].total) : 0,
        page: 1,
        pageSize: 25,
      };
    });
  });
});
