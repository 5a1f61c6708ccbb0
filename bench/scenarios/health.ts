import { defineScenario } from '../lib/scenario';

/**
 * The cheapest real route: what the framework, logging and TypeORM cost around one `select 1`.
 * Goal from issue 18: ≥ 0.9 of bare, since the gap is pure framework cost.
 */
export default defineScenario({
  name: 'health',
  title: 'GET /api/health (select 1, Redis PING if REDIS_URL) vs bare Fastify + pg doing the same',
  goal: 'ours ≥ 0.9 × bare requests/s',
  minRatio: 0.9,
  subject: { label: 'ours', server: 'api', requests: () => [{ path: '/api/health' }] },
  baseline: { label: 'bare', server: { bare: 'health' }, requests: () => [{ path: '/api/health' }] },
});
