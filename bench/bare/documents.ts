/**
 * Baseline for GET /api/documents: verifies the same JWT on every request and runs the API's own
 * prepared list statement and row mapping, taken from its build (`dist/api`), so both servers do the
 * same database work.
 */
import { join } from 'node:path';
import type * as ListDto from '../../api/src/features/documents/api/documents.dto';
import type * as ListQuery from '../../api/src/features/documents/data/document-list.query';
import { main, runBareServer } from './server';
import { bearerVerifier } from './verified-user';

const documentsBuild = join(__dirname, '../../api/api/src/features/documents');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { documentListQuery } = require(join(documentsBuild, 'data/document-list.query.js')) as typeof ListQuery;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { rowToDocumentDto } = require(join(documentsBuild, 'api/documents.dto.js')) as typeof ListDto;

main(() => {
  const userOf = bearerVerifier();
  return runBareServer({}, (app, { pool }) => {
    app.get('/api/documents', async (request, reply) => {
      const userId = await userOf(request.headers.authorization);
      if (!userId) return reply.code(401).send({ status: 401 });
      const statement = documentListQuery({ userId, page: 1, pageSize: 25 });
      const rows = (await pool.query<ListQuery.DocumentRow>(statement)).rows;
      return {
        items: rows.map(rowToDocumentDto),
        total: rows.length ? Number(rows[0].total) : 0,
        page: 1,
        pageSize: 25,
      };
    });
  });
});
