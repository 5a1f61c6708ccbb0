import { randomInt } from 'node:crypto';
import { FuzzTarget, fuzzOperation, prepareFuzzTarget, RouteResult } from '../../api/test/fuzz/fuzz-run';
import { loadOperations } from '../../api/test/fuzz/openapi-operations';
import { startStationProvidersStandIn } from '../../api/test/support/station-providers-stand-in';
import { startCatalogPlatform } from '../lib/platform';
import { defineScriptedScenario } from '../lib/scenario';
import { residentMb } from '../lib/servers';

/** The e2e test (api/test/hostile-input.e2e-spec.ts) sends 16 per route with a fixed seed; this is 20 times that. */
const casesPerRoute = Number(process.env.BENCH_FUZZ_CASES ?? 16 * 20);

/**
 * The hostile-input fuzzer of the e2e suite, longer and with a new seed each run (`BENCH_FUZZ_SEED`
 * replays one): every route of docs/openapi.json, one request at a time, against the built API with
 * the platform behind it. Passes when no request got a 5xx or a 4xx that is not problem+json, none
 * that was refused wrote anything, and the API stayed up.
 */
export default defineScriptedScenario<FuzzTarget & { close(): Promise<void> }>({
  name: 'hostile-input',
  title: `hostile requests to every route of docs/openapi.json, ${casesPerRoute} per route, random seed`,
  goal: 'no 5xx, every 4xx problem+json, nothing written by a refused request, the API up throughout',
  shortGoal: 'no 5xx, 4xx as problems',
  setup: async (context) => {
    const platform = await startCatalogPlatform(context);
    const stationProviders = await startStationProvidersStandIn();
    context.onCleanup(() => stationProviders.close());
    return { apiEnv: { ...platform.apiEnv, ...stationProviders.env } };
  },
  prepare: async ({ apiUrl, databaseUrl, onCleanup, log }) => {
    const target = await prepareFuzzTarget(apiUrl, databaseUrl, () => true);
    onCleanup(() => target.close());
    log('two users seeded with a record of every kind');
    return target;
  },
  run: async ({ apiPid, state, log }) => {
    const seed = Number(process.env.BENCH_FUZZ_SEED ?? randomInt(2 ** 31));
    log(`seed ${seed} (replay with BENCH_FUZZ_SEED=${seed}), ${casesPerRoute} cases per route`);
    const target: FuzzTarget = { ...state, alive: () => residentMb(apiPid) !== undefined };
    const results: RouteResult[] = [];
    for (const operation of loadOperations()) {
      const result = await fuzzOperation(operation, target, { seed, numRuns: casesPerRoute });
      results.push(result);
      if (result.failure) log(`FAILED ${result.failure}`);
    }
    const failures = results.filter((result) => result.failure);
    const total = results.reduce((sum, result) => sum + result.counts.cases, 0);
    return {
      columns: ['Route', 'Cases', '2xx/3xx', '4xx', 'Statuses', 'Result'],
      rows: results.map(({ counts, failure }) => [
        counts.key,
        String(counts.cases),
        String(counts.accepted),
        String(counts.refused),
        [...counts.byStatus.entries()]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' '),
        failure ? 'FAILED' : 'ok',
      ]),
      passed: failures.length === 0,
      verdict: failures.length
        ? `${failures.length} of ${results.length} routes failed (seed ${seed}): ${failures.map((f) => f.counts.key).join(', ')}`
        : `${total} requests to ${results.length} routes, seed ${seed}: no 5xx, every 4xx a problem, nothing written when refused`,
      notes: [
        'One request at a time; each refused request is checked against a digest of both users’ rows taken before it.',
        ...failures.map((failure) => failure.failure!.split('\n').slice(0, 3).join(' | ')),
      ],
      rssEndMb: residentMb(apiPid),
    };
  },
});
