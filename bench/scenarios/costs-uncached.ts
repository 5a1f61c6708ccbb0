import { defineScenario } from '../lib/scenario';
import costs from './costs';

/**
 * `costs` with the report cache off (`REPORT_CACHE_MB=0`): what the first read after a change to the
 * vehicle's fill-ups, services or readings costs, every time. For the record: the goal is judged on
 * `costs`, the read people repeat between changes.
 */
export default defineScenario({
  ...costs,
  name: 'costs-uncached',
  title: `${costs.title}, report cache off (every read computes)`,
  goal: 'none: the cost of a miss, for the record',
  latencyGoal: undefined,
  apiEnv: { REPORT_CACHE_MB: '0' },
});
