import { EmbeddedPostgresServer } from '@mvp/common';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../api/test/support/free-port';
import { buildIfNeeded, buildTargets, repoRoot } from './lib/build';

/**
 * `npm test`: lint, build, then the unit, API end-to-end, fault and browser suites against real
 * PostgreSQL (DATABASE_URL, else an embedded server) and Redis (REDIS_URL, else those tests
 * say why they did not run). Ends with one line: `N passed, N failed, N skipped`.
 * `tsx scripts/test.ts <phase>…` runs only those phases (lint, unit, e2e, faults, browser).
 */

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const onlyPhases = process.argv.slice(2);

function wanted(phase: string): boolean {
  return onlyPhases.length === 0 || onlyPhases.includes(phase);
}

function check(name: string, command: string[]): void {
  const result = spawnSync(join(repoRoot, 'node_modules/.bin', command[0]), command.slice(1), {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  const ok = result.status === 0;
  tally[ok ? 'passed' : 'failed'] += 1;
  console.log(`${ok ? '✔' : '✘'} ${name}`);
}

interface JestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numRuntimeErrorTestSuites: number;
}

function jest(project: string, env: NodeJS.ProcessEnv): void {
  const reportFile = join(tmpdir(), `mvp-jest-${project}-${process.pid}.json`);
  rmSync(reportFile, { force: true });
  const result = spawnSync(
    join(repoRoot, 'node_modules/.bin/jest'),
    // --forceExit: once every test has finished, anything a failed test left running (a poll loop,
    // a timer) must not keep the run, and CI, waiting forever. The report is written before it exits.
    ['--selectProjects', project, '--ci', '--json', `--outputFile=${reportFile}`, '--passWithNoTests', '--forceExit'],
    { cwd: repoRoot, stdio: 'inherit', env },
  );
  if (!existsSync(reportFile)) {
    console.log(`✘ jest ${project} produced no report (exit ${result.status})`);
    tally.failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as JestReport;
  rmSync(reportFile, { force: true });
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
  tally.skipped += report.numPendingTests + report.numTodoTests;
}

async function testDatabaseUrl(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.DATABASE_URL) {
    return { url: process.env.DATABASE_URL, stop: async () => undefined };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'mvp-test-db-'));
  const quiet = { info: () => undefined, warn: console.warn, debug: () => undefined };
  const server = new EmbeddedPostgresServer({
    dataDir,
    port: await freePort(),
    database: 'postgres',
    log: quiet,
    command: 'test',
  });
  console.log('DATABASE_URL is not set: running the tests on an embedded PostgreSQL');
  await server.start();
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian packages the suites drive: the browser, and the deployment checks' tools (no container engine needed). */
const debianTools = [
  { binary: '/usr/bin/chromium', pkg: 'chromium', for: 'the browser tests' },
  { binary: '/usr/bin/docker-compose', pkg: 'docker-compose', for: 'validating docker-compose.yml' },
  { binary: '/usr/bin/kubectl', pkg: 'kubernetes-client', for: 'rendering the Kubernetes manifests' },
];

const redisServerTool = { binary: '/usr/bin/redis-server', pkg: 'redis-server', for: 'the fault tests' };

/** On a fresh machine (as root) installs what is missing from Debian; true when every tool is there. */
function ensureDebianTools(tools = debianTools): boolean {
  const missing = tools.filter((tool) => !existsSync(tool.binary));
  if (missing.length === 0) return true;
  const packages = missing.map((tool) => tool.pkg).join(' ');
  if (process.getuid?.() !== 0) {
    for (const tool of missing)
      console.log(`✘ ${tool.binary} is missing (${tool.for}): sudo apt-get install ${tool.pkg}`);
    return false;
  }
  console.log(`Installing ${packages} from Debian for ${missing.map((tool) => tool.for).join(', ')}…`);
  const install = spawnSync(
    'sh',
    ['-c', `apt-get update -q && apt-get install -y -q --no-install-recommends ${packages}`],
    {
      stdio: 'inherit',
    },
  );
  return install.status === 0 && missing.every((tool) => existsSync(tool.binary));
}

async function main(): Promise<void> {
  if (wanted('lint')) {
    check('eslint', ['eslint', '.', '--max-warnings=0']);
    check('prettier', ['prettier', '--check', '.', '--log-level=warn']);
    check('typecheck', ['tsc', '-p', 'tsconfig.spec.json']);
  }

  const needsServers = wanted('e2e') || wanted('faults') || wanted('browser');
  if (needsServers) {
    try {
      // The web app too: the browser tests drive it, and e2e tests check the headers it is served with.
      buildIfNeeded([buildTargets.api, buildTargets.platform, buildTargets.web]);
    } catch (error) {
      console.log(`✘ build: ${(error as Error).message}`);
      tally.failed += 1;
      return;
    }
  }

  if (!process.env.REDIS_URL) console.log('REDIS_URL is not set: the Redis-store tests will be skipped');
  const database = needsServers ? await testDatabaseUrl() : undefined;
  const env = { ...process.env, DATABASE_URL: database?.url, NODE_ENV: 'test' };
  const toolsReady = wanted('e2e') || wanted('browser') ? ensureDebianTools() : true;
  // The fault tests run their own Redis (and stop it): redis-server must be installed.
  const redisReady = wanted('faults') ? ensureDebianTools([redisServerTool]) : true;
  if (!redisReady) tally.failed += 1;
  if (!toolsReady) tally.failed += 1;
  try {
    if (wanted('unit')) jest('unit', env);
    if (wanted('e2e') && toolsReady) jest('e2e', env);
    if (wanted('faults') && redisReady) jest('faults', env);
    if (wanted('browser') && toolsReady) jest('browser', env);
  } finally {
    await database?.stop();
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    tally.failed += 1;
  })
  .finally(() => {
    console.log(`${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
    process.exit(tally.failed > 0 ? 1 : 0);
  });
