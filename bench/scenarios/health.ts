import { defineScenario } from '../lib/scenario';

/** The cheapest real route: what the framework, logging and TypeORM cost around one `select 1`. */
export default defineScenario({
  name: 'health',
  title: 'GET /api/health (select 1, Redis PING if REDIS_URL) vs bare Fastify + pg doing the same',
  goal: 'ours ≥ 0.8 × bare requests/s',
  minRatio: 0.8,
  subject: { label: 'ours', server: 'api', requests: () => [{ path: '/api/health' }] },
  baseline: { label: 'bare', server: { bare: 'health' }, requests: () => [{ path: '/api/health' }] },
});
