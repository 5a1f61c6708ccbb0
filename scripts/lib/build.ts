import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');

export interface BuildTarget {
  name: string;
  /** The file the build produces; its age decides whether to rebuild. */
  output: string;
  /** Files and folders whose changes make the output stale. */
  sources: string[];
  /** Project binaries to run, in order. */
  commands: string[][];
}

export const buildTargets: Record<'api' | 'platform' | 'web', BuildTarget> = {
  api: {
    name: 'API',
    output: 'dist/api/api/src/main.js',
    sources: [
      'api/src',
      'libs/common/src',
      'platform/src/contract',
      'api/tsconfig.app.json',
      'tsconfig.json',
      'package-lock.json',
    ],
    commands: [['nest', 'build', 'api']],
  },
  platform: {
    name: 'platform service',
    output: 'dist/platform/platform/src/main.js',
    sources: ['platform/src', 'libs/common/src', 'platform/tsconfig.app.json', 'tsconfig.json', 'package-lock.json'],
    commands: [['nest', 'build', 'platform']],
  },
  web: {
    name: 'web app',
    output: 'dist/web/browser/index.html',
    sources: ['web/src', 'web/tsconfig.json', 'web/tsconfig.app.json', 'angular.json', 'package-lock.json'],
    commands: [
      ['ng', 'build', 'web'],
      ['tsx', 'scripts/compress-web.ts'],
    ],
  },
};

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), stats.mtimeMs);
}

export function isStale(target: BuildTarget): boolean {
  const output = join(repoRoot, target.output);
  if (!existsSync(output)) return true;
  const builtAt = statSync(output).mtimeMs;
  return target.sources.some((source) => newestChange(join(repoRoot, source)) > builtAt);
}

/** Runs a project binary from node_modules/.bin; throws with its exit code on failure. */
export function runBin(command: string[], options: { quiet?: boolean } = {}): void {
  const [bin, ...args] = command;
  const result = spawnSync(join(repoRoot, 'node_modules/.bin', bin), args, {
    cwd: repoRoot,
    stdio: options.quiet ? 'pipe' : 'inherit',
    env: { ...process.env, NG_CLI_ANALYTICS: 'false' },
  });
  if (result.status !== 0) {
    if (options.quiet) process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`${command.join(' ')} failed (exit ${result.status ?? result.signal})`);
  }
}

/** Builds each target whose output is missing or older than its sources. */
export function buildIfNeeded(targets: BuildTarget[], options: { force?: boolean } = {}): void {
  for (const target of targets) {
    if (!options.force && !isStale(target)) continue;
    console.log(`Building the ${target.name}…`);
    for (const command of target.commands) runBin(command);
  }
}
