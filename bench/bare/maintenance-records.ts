/**
 * Baseline for GET /api/maintenance/records: verifies the same JWT on every request and runs the
 * API's own prepared list statement and row mapping, taken from its build (`dist/api`), so both
 * servers do the same database work.
 */
import { join } from 'node:path';
import type * as ListDto from '../../api/src/features/maintenance/api/maintenance-records.dto';
import type * as ListQuery from '../../api/src/features/maintenance/data/maintenance-record-list.query';
import { main, runBareServer } from './server';
import { bearerVerifier } from './verified-user';

const maintenanceBuild = join(__dirname, '../../api/api/src/features/maintenance');
const { maintenanceRecordListQuery } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(maintenanceBuild, 'data/maintenance-record-list.query.js')) as typeof ListQuery;
const { rowToMaintenanceRecordDto } =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(join(maintenanceBuild, 'api/maintenance-records.dto.js')) as typeof ListDto;

main(() => {
  const userOf = bearerVerifier();
  return runBareServer({}, (app, { pool }) => {
    app.get('/api/maintenance/records', async (request, reply) => {
      const userId = await userOf(request.headers.authorization);
      if (!userId) return reply.code(401).send({ status: 401 });
      const statement = maintenanceRecordListQuery({ userId, page: 1, pageSize: 25 });
      const rows = (await pool.query<ListQuery.MaintenanceRecordRow>(statement)).rows;
      return {
        items: rows.map(rowToMaintenanceRecordDto),
        total: rows.length ? Number(rows[0].total) : 0,
        page: 1,
        pageSize: 25,
      };
    });
  });
});
