/**
 * `npm run bench [-- <scenario>... --connections 50 --duration 10 --warmup 3]`: each scenario's
 * subject ("ours") and baseline (a bare Fastify + pg server, or another route of ours) under the
 * same autocannon load, one server at a time; prints a table and writes bench/results/latest.md.
 * See bench/README.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { redactUrl } from '@mvp/common/database/database-target';
import { DatabaseServer, openDatabaseServer } from './lib/database';
import { preflight, runLoad } from './lib/load';
import { apiEntry, benchDir, repoRoot, resultsDir } from './lib/paths';
import {
  AnyResult,
  markdown,
  meetsGoals,
  RunInfo,
  ScenarioResult,
  ScriptedResult,
  SideResult,
  textTable,
  verdictLines,
} from './lib/report';
import { isScripted, type Scenario, type ScriptedScenario, type SetupResult, type Side } from './lib/scenario';
import { fileSizeMb, residentMb, RunningServer, startBare, startOurs } from './lib/servers';

// A scenario's state type is its own business; the runner only passes it along.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LoadScenario = Scenario<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyScenario = LoadScenario | ScriptedScenario<any>;

interface Options {
  names: string[];
  connections: number;
  seconds: number;
  /** Whether connections and seconds were asked for (option or environment), not the defaults. */
  given: { connections: boolean; seconds: boolean };
  warmup: number;
  poolSize: number;
  apiEnv: Record<string, string>;
  build: boolean;
  list: boolean;
  out: string;
}

const usage = `Usage: npm run bench -- [scenario...] [options]

  scenario             names from bench/scenarios (default: all); --list shows them
  -c, --connections N  concurrent connections (BENCH_CONNECTIONS, default 50; mixed: 100)
  -d, --duration S     measured seconds per server (BENCH_DURATION, default 10; mixed: 60)
  -w, --warmup S       warm-up seconds per server, not measured (BENCH_WARMUP, default 3)
  --pool N             database pool size of every server (DATABASE_POOL_SIZE, default 10)
  --api-env KEY=VALUE  extra environment for the API process (repeatable), e.g. LOG_LEVEL=warn
  --build              run "npx nest build api" first even if dist/ exists
  --out FILE           Markdown results (default bench/results/latest.md)
  --list               list the scenarios and exit

Environment: DATABASE_URL (else an embedded PostgreSQL in a temp folder), REDIS_URL (else no Redis).`;

const log = (message: string) => console.log(`[bench] ${message}`);
const running = new Set<RunningServer>();
let databaseServer: DatabaseServer | undefined;

async function main(): Promise<number> {
  const options = parseOptions();
  const scenarios = await loadScenarios();
  if (options.list) {
    for (const scenario of scenarios)
      console.log(`${scenario.name.padEnd(20)} ${scenario.title} (goal: ${scenario.goal})`);
    return 0;
  }
  const unknown = options.names.filter((name) => !scenarios.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown scenario: ${unknown.join(', ')}. Known: ${scenarios.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const selected = options.names.length > 0 ? scenarios.filter((s) => options.names.includes(s.name)) : scenarios;

  ensureApiBuilt(options.build);
  mkdirSync(resultsDir, { recursive: true });
  const loadBefore = loadavg()[0];
  const redisUrl = process.env.REDIS_URL || undefined;
  databaseServer = await openDatabaseServer(process.env.DATABASE_URL || undefined, log);
  const cache = redisUrl
    ? `Redis at ${redactUrl(redisUrl)} (REDIS_URL), for the API and the bare servers that use one`
    : 'in-process memory (REDIS_URL unset), no Redis';
  const database = `${databaseServer.description}; a fresh database per scenario, pool size ${options.poolSize} in every server`;
  log(`Database: ${databaseServer.description}`);
  log(`Cache: ${cache}`);

  const results: AnyResult[] = [];
  try {
    for (const scenario of selected) results.push(await runScenario(scenario, options, databaseServer, redisUrl));
  } finally {
    await databaseServer.stop();
    databaseServer = undefined;
  }

  const info: RunInfo = {
    date: new Date().toISOString(),
    commit: gitCommit(),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown'}`,
    loadAverage: `${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)}`,
    database,
    cache,
    settings: describeSettings(options),
  };
  console.log('');
  console.log(textTable(results));
  console.log('');
  const verdicts = verdictLines(results);
  for (const line of verdicts) console.log(line);
  if (verdicts.length === 0) console.log('All goals met.');
  writeFileSync(options.out, markdown(info, results));
  console.log(`\nWritten to ${relative(process.cwd(), options.out) || options.out}`);
  return results.some((result) => result.error) ? 1 : 0;
}

async function runScenario(
  scenario: AnyScenario,
  options: Options,
  server: DatabaseServer,
  redisUrl: string | undefined,
): Promise<AnyResult> {
  if (isScripted(scenario)) {
    const { name, title, goal, shortGoal } = scenario;
    const result: ScriptedResult = { kind: 'scripted', name, title, goal, shortGoal };
    await withScenarioApi(scenario, options, server, result, async ({ ours, idleMb, state }) => {
      result.rssIdleMb = idleMb;
      log(`${scenario.name}: running`);
      const load = {
        connections: options.given.connections
          ? options.connections
          : (scenario.load?.connections ?? options.connections),
        seconds: options.given.seconds ? options.seconds : (scenario.load?.seconds ?? options.seconds),
      };
      const report = await scenario.run({
        apiUrl: ours.url,
        apiPid: ours.pid,
        state,
        load,
        log: scenarioLog(scenario),
      });
      result.report = report;
      await untrack(ours).stop();
      log(`${scenario.name}: ${report.verdict}: ${report.passed ? 'pass' : 'MISSED'}`);
    });
    return result;
  }
  const sides = [scenario.subject, scenario.baseline] as Side<unknown>[];
  const [subject, baseline] = sides.map((side): SideResult => ({
    label: side.label,
    server: side.server === 'api' ? 'api' : `bare/${side.server.bare}`,
  }));
  const result: ScenarioResult = { ...pick(scenario), subject, baseline };
  await withScenarioApi(scenario, options, server, result, (started) =>
    measureSides(scenario, sides, started, options, redisUrl, result),
  );
  return result;
}

/** A scenario's database, its `setup`, the API started on them and `prepare`'s state. */
interface StartedScenario {
  databaseUrl: string;
  setup: SetupResult;
  ours: RunningServer;
  /** The API's resident memory just after it was ready. */
  idleMb: number | undefined;
  logFile: string;
  state: unknown;
}

/**
 * Creates the scenario's database, runs its `setup`, starts the API and runs `prepare`, then `measure`;
 * whatever fails is the result's `error`. Afterwards every server still running is stopped, the
 * scenario's cleanups run and its database is dropped.
 */
async function withScenarioApi(
  scenario: AnyScenario,
  options: Options,
  server: DatabaseServer,
  result: { error?: string },
  measure: (started: StartedScenario) => Promise<void>,
): Promise<void> {
  const cleanups: Array<() => Promise<void> | void> = [];
  const onCleanup = (work: () => Promise<void> | void) => void cleanups.push(work);
  log(`${scenario.name}: ${scenario.title}`);
  let database: Awaited<ReturnType<DatabaseServer['createDatabase']>> | undefined;
  try {
    database = await server.createDatabase(scenario.name);
    const databaseUrl = database.url;
    const setup = (await scenario.setup?.({ databaseUrl, onCleanup, log: scenarioLog(scenario) })) ?? {};

    const logFile = join(resultsDir, `${scenario.name}-api.log`);
    log(`${scenario.name}: starting the API (logs: ${relative(repoRoot, logFile)})`);
    const apiEnv = { ...setup.apiEnv, ...scenario.apiEnv, ...options.apiEnv };
    const ours = track(await startOurs({ databaseUrl, poolSize: options.poolSize, logFile, env: apiEnv }));
    const idleMb = residentMb(ours.pid);
    let state: unknown = undefined;
    const seedPool = new Pool({ connectionString: databaseUrl, max: 2 });
    try {
      if (scenario.prepare) {
        log(`${scenario.name}: preparing`);
        state = await scenario.prepare({
          apiUrl: ours.url,
          databaseUrl,
          apiEnv,
          db: seedPool,
          onCleanup,
          log: scenarioLog(scenario),
        });
      }
    } finally {
      await seedPool.end();
    }
    await measure({ databaseUrl, setup, ours, idleMb, logFile, state });
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    console.error(`[bench] ${scenario.name} FAILED: ${result.error}`);
  } finally {
    for (const server of [...running])
      await untrack(server)
        .stop()
        .catch((error) => console.error(String(error)));
    for (const work of cleanups.reverse()) await Promise.resolve(work()).catch((error) => console.error(String(error)));
    await database?.drop().catch((error) => console.error(`Could not drop the scenario database: ${error}`));
  }
}

/** The sides served by the API under load, then the API stopped and each bare server started and loaded. */
async function measureSides(
  scenario: LoadScenario,
  sides: Side<unknown>[],
  { databaseUrl, setup, ours, idleMb, logFile, state }: StartedScenario,
  options: Options,
  redisUrl: string | undefined,
  result: ScenarioResult,
): Promise<void> {
  const { subject, baseline } = result;
  const warmup = scenario.warmupSeconds ?? options.warmup;
  const connections = scenario.connections ?? options.connections;
  const measure = async (url: string, side: Side<unknown>, pid: number, into: SideResult) => {
    const requests = side.requests(state);
    await preflight(url, requests);
    if (warmup > 0) {
      log(`${scenario.name}: ${side.label} warm-up ${warmup} s`);
      await runLoad(url, requests, { connections, seconds: warmup });
    }
    log(`${scenario.name}: ${side.label} measuring ${options.seconds} s with ${connections} connections`);
    into.measurement = await runLoad(url, requests, { connections, seconds: options.seconds }, pid);
  };

  for (const [index, side] of sides.entries()) {
    if (side.server !== 'api') continue;
    const into = index === 0 ? subject : baseline;
    into.rssIdleMb = idleMb;
    await measure(ours.url, side, ours.pid, into);
  }
  await untrack(ours).stop();
  for (const into of [subject, baseline]) if (into.server === 'api') into.logMb = fileSizeMb(logFile);

  for (const [index, side] of sides.entries()) {
    if (side.server === 'api') continue;
    const into = index === 0 ? subject : baseline;
    log(`${scenario.name}: starting bare server "${side.server.bare}"`);
    const bare = track(
      await startBare(side.server.bare, {
        databaseUrl,
        poolSize: options.poolSize,
        redisUrl,
        env: { ...setup.bareEnv, ...side.server.env?.(state) },
      }),
    );
    into.rssIdleMb = residentMb(bare.pid);
    await measure(bare.url, side, bare.pid, into);
    await untrack(bare).stop();
  }

  result.ratio = subject.measurement!.requestsPerSecond / baseline.measurement!.requestsPerSecond;
  result.passed = meetsGoals(result);
  log(
    `${scenario.name}: ratio ${result.ratio.toFixed(2)} (goal ${scenario.goal}): ${result.passed ? 'pass' : 'MISSED'}`,
  );
}

function scenarioLog(scenario: AnyScenario): (message: string) => void {
  return (message) => log(`${scenario.name}: ${message}`);
}

function pick(scenario: LoadScenario) {
  const { name, title, goal, minRatio, latencyGoal, connections } = scenario;
  return { name, title, goal, minRatio, latencyGoal, connections };
}

function track(server: RunningServer): RunningServer {
  running.add(server);
  return server;
}

function untrack(server: RunningServer): RunningServer {
  running.delete(server);
  return server;
}

function parseOptions(): Options {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      connections: { type: 'string', short: 'c' },
      duration: { type: 'string', short: 'd' },
      warmup: { type: 'string', short: 'w' },
      pool: { type: 'string' },
      'api-env': { type: 'string', multiple: true },
      build: { type: 'boolean' },
      list: { type: 'boolean' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const number = (name: string, given: string | undefined, fallback: number, min: number) => {
    const value = Number(given ?? fallback);
    if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min} (got "${given}")`);
    return value;
  };
  const apiEnv: Record<string, string> = {};
  for (const pair of values['api-env'] ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) throw new Error(`--api-env takes KEY=VALUE (got "${pair}")`);
    apiEnv[pair.slice(0, at)] = pair.slice(at + 1);
  }
  const connectionsGiven = values.connections ?? process.env.BENCH_CONNECTIONS;
  const secondsGiven = values.duration ?? process.env.BENCH_DURATION;
  return {
    names: positionals,
    given: { connections: connectionsGiven !== undefined, seconds: secondsGiven !== undefined },
    connections: Math.round(number('--connections', values.connections ?? process.env.BENCH_CONNECTIONS, 50, 1)),
    seconds: number('--duration', values.duration ?? process.env.BENCH_DURATION, 10, 1),
    warmup: number('--warmup', values.warmup ?? process.env.BENCH_WARMUP, 3, 0),
    poolSize: Math.round(number('--pool', values.pool ?? process.env.DATABASE_POOL_SIZE, 10, 1)),
    apiEnv,
    build: values.build ?? false,
    list: values.list ?? false,
    out: values.out ?? join(resultsDir, 'latest.md'),
  };
}

function describeSettings(options: Options): string {
  const extra = Object.entries(options.apiEnv).map(([key, value]) => `${key}=${value}`);
  return [
    `${options.connections} connections`,
    `${options.warmup} s warm-up + ${options.seconds} s measured per server, one server at a time ` +
      '(a scripted scenario with a load of its own says it in its notes)',
    `API: node dist/ with NODE_ENV=production LOG_LEVEL=info LOG_FORMAT=json (to a file) SERVE_WEB=false` +
      (extra.length > 0 ? ` ${extra.join(' ')}` : ''),
    'bare servers log nothing',
  ].join('; ');
}

/** Every `bench/scenarios/*.ts` file's default export, by file name. */
async function loadScenarios(): Promise<AnyScenario[]> {
  const dir = join(benchDir, 'scenarios');
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .sort();
  const scenarios: AnyScenario[] = [];
  for (const file of files) {
    const loaded = (await import(join(dir, file))) as { default?: AnyScenario | { default?: AnyScenario } };
    // Through tsx a CommonJS module's exports arrive as `default`, so its own default can sit one level down.
    const candidate = loaded.default && 'default' in loaded.default ? loaded.default.default : loaded.default;
    const scenario = candidate as AnyScenario | undefined;
    if (!scenario?.name || !(isScripted(scenario) || (scenario.subject && scenario.baseline))) {
      throw new Error(`bench/scenarios/${file} must export a scenario as default (see bench/README.md)`);
    }
    if (scenarios.some((other) => other.name === scenario.name))
      throw new Error(`Two scenarios are named "${scenario.name}"`);
    scenarios.push(scenario);
  }
  return scenarios;
}

function ensureApiBuilt(force: boolean): void {
  if (force || !existsSync(apiEntry)) {
    log(force ? 'Building the API (--build)' : `${relative(repoRoot, apiEntry)} is missing: building the API`);
    const build = spawnSync('npx', ['nest', 'build', 'api'], { cwd: repoRoot, stdio: 'inherit' });
    if (build.status !== 0) throw new Error(`"npx nest build api" failed (exit ${build.status ?? build.signal})`);
    return;
  }
  const built = statSync(apiEntry).mtimeMs;
  const newer = ['api/src', 'libs/common/src'].some((dir) => newestMtime(join(repoRoot, dir)) > built);
  if (newer) log('Note: sources changed after the last API build; pass --build to measure the current code');
}

function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function gitCommit(): string {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' },
    }).trim();
  let commit: string;
  try {
    commit = git('rev-parse', '--short', 'HEAD');
  } catch {
    return 'none (no commits yet)';
  }
  try {
    return git('status', '--porcelain', '--untracked-files=no') ? `${commit} with uncommitted changes` : commit;
  } catch {
    return commit;
  }
}

async function stopEverything(): Promise<void> {
  for (const server of [...running])
    await untrack(server)
      .stop()
      .catch(() => undefined);
  await databaseServer?.stop().catch(() => undefined);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n[bench] ${signal}: stopping the servers`);
    void stopEverything().finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(`[bench] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopEverything();
    process.exit(1);
  },
);
