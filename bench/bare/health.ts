/**
 * Baseline for /api/health: the same probes as the API's health check (`select 1` on the pool, and a
 * Redis PING when REDIS_URL is set, both at once) and a small JSON body.
 */
import { main, runBareServer } from './server';

main(() =>
  runBareServer({ redis: true }, (app, { pool, redis }) => {
    app.get('/api/health', async () => {
      await Promise.all([pool.query('select 1'), redis?.ping()]);
      return { status: 'ok', checks: { database: { status: 'up' }, cache: { status: 'up' } } };
    });
  }),
);
