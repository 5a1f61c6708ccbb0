import { defineScenario } from '../lib/scenario';
import fuelStats from './fuel-stats';

/**
 * `fuel-stats` with the report cache off (`REPORT_CACHE_MB=0`): what the first read after a change
 * to the vehicle's history costs, every time. For the record: the goal is judged on
 * `fuel-stats`, the read people repeat between changes.
 */
export default defineScenario({
  ...fuelStats,
  name: 'fuel-stats-uncached',
  title: `${fuelStats.title}, report cache off (every read computes)`,
  goal: 'none: the cost of a miss, for the record',
  latencyGoal: undefined,
  apiEnv: { REPORT_CACHE_MB: '0' },
});
