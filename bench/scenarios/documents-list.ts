import { defineScenario } from '../lib/scenario';
import { listUser } from '../lib/list-user';

const vehicles = 3;
const documentsCount = 300;

/**
 * The documents page's call: GET /api/documents (the first 25 of 300 documents, most on one of 3
 * vehicles, some on none), against a bare Fastify + pg server that verifies the same JWT on every
 * request and runs the API's own list statement and row mapping. Only rows: listing reads no file.
 */
export default defineScenario({
  name: 'documents-list',
  title: `GET /api/documents, 25 of ${documentsCount} documents, JWT vs bare Fastify + pg + jose, same statement`,
  goal: 'ours ≥ 0.8 × bare requests/s',
  minRatio: 0.8,
  prepare: async ({ apiUrl, db, log }) => {
    const user = await listUser(apiUrl, vehicles);
    const kinds = ['insurance', 'registration', 'receipt', 'manual', 'photo', 'other'];
    await db.query(
      `insert into public.documents (id, user_id, title, kind, file_name, media_type, size_bytes, sha256, expires_on,
                                     notes, vehicle_id, created_at, updated_at)
       select gen_random_uuid(), $1, 'Document ' || n, ($3::text[])[1 + n % 6], 'document-' || n || '.pdf',
              case when n % 6 = 4 then 'image/jpeg' else 'application/pdf' end, 20000 + n * 37,
              encode(sha256(n::text::bytea), 'hex'), case when n % 6 < 2 then date '2027-01-01' + n end,
              case when n % 4 = 0 then 'Scanned at home' end,
              case when n % 5 = 0 then null else ($2::uuid[])[1 + n % 3] end,
              timestamptz '2024-01-01' + n * interval '1 day', timestamptz '2024-01-01' + n * interval '1 day'
         from generate_series(1, $4::int) as n`,
      [user.userId, user.vehicleIds, kinds, documentsCount],
    );
    // Planner statistics, as autovacuum would have them for a user of some months.
    await db.query('analyze public.vehicles, public.documents');
    log(`${documentsCount} documents on ${vehicles} vehicles`);
    return { headers: user.headers, bareEnv: user.bareEnv };
  },
  subject: {
    label: 'ours',
    server: 'api',
    requests: ({ headers }) => [{ path: '/api/documents', headers }],
  },
  baseline: {
    label: 'bare',
    server: { bare: 'documents', env: ({ bareEnv }) => bareEnv },
    requests: ({ headers }) => [{ path: '/api/documents', headers }],
  },
});
