import { defineScenario, Scenario } from './scenario';

/**
 * A report scenario again with the report cache off (`REPORT_CACHE_MB=0`): what the first read after a
 * change to the report's data costs, every time. For the record, with no goal of its own: the goal is
 * judged on the read people repeat between changes.
 */
export function withoutReportCache<State>(scenario: Scenario<State>): Scenario<State> {
  return defineScenario({
    ...scenario,
    name: `${scenario.name}-uncached`,
    title: `${scenario.title}, report cache off (every read computes)`,
    goal: 'none: the cost of a miss, for the record',
    latencyGoal: undefined,
    apiEnv: { ...scenario.apiEnv, REPORT_CACHE_MB: '0' },
  });
}
