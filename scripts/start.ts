import { ConfigError, EmbeddedDatabaseInUse, EmbeddedOwnerLock, isDatabaseConfigured } from '@mvp/common';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadApiConfig } from '../api/src/core/config/api.config';
import { apiNodeFlags } from './lib/api-launch';
import { buildIfNeeded, buildTargets, repoRoot } from './lib/build';

/**
 * `npm start`: builds what is missing or stale, then runs the API (which also serves the web app
 * and, with nothing configured, an embedded PostgreSQL under ./data) and the platform service
 * beside it. The API is the app: when it ends, everything ends. The platform is restarted if it
 * stops on its own; meanwhile the API answers catalog calls with a 503.
 */
function main(): void {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`MotoVaultPro needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }
  refuseWhenAlreadyRunning();
  try {
    buildIfNeeded([buildTargets.api, buildTargets.platform, buildTargets.web]);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }

  let stopping = false;
  let platform: ChildProcess | undefined;
  const api = launch(buildTargets.api.output, apiNodeFlags);
  const startPlatform = () => {
    platform = launch(buildTargets.platform.output, apiNodeFlags);
    platform.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`The platform service stopped (${signal ?? `exit ${code}`}); starting it again in 5 s`);
      setTimeout(() => stopping || startPlatform(), 5_000);
    });
  };
  startPlatform();

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      stopping = true;
      const forwarded = signal === 'SIGHUP' ? 'SIGTERM' : signal;
      platform?.kill(forwarded);
      api.kill(forwarded);
    });
  }
  api.on('exit', (code, signal) => {
    stopping = true;
    if (!platform || platform.exitCode !== null || platform.signalCode !== null) process.exit(code ?? (signal ? 1 : 0));
    platform.once('exit', () => process.exit(code ?? (signal ? 1 : 0)));
    platform.kill('SIGTERM');
  });
}

/**
 * A second `npm start` on the same data folder says who runs it and touches nothing: no rebuild of
 * the files the running app serves, no platform started beside it. (The API refuses too, when
 * started some other way.)
 */
function refuseWhenAlreadyRunning(): void {
  let config: ReturnType<typeof loadApiConfig>;
  try {
    config = loadApiConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  if (isDatabaseConfigured(config)) return;
  const owner = new EmbeddedOwnerLock(config.DATA_DIR).liveOwner();
  if (!owner) return;
  console.error(new EmbeddedDatabaseInUse(owner, config.DATA_DIR).message);
  process.exit(1);
}

/** Each service in its own process group, so a terminal's Ctrl+C reaches it once, through us. */
function launch(output: string, nodeFlags: string[]): ChildProcess {
  return spawn(process.execPath, [...nodeFlags, join(repoRoot, output)], {
    cwd: repoRoot,
    stdio: 'inherit',
    detached: true,
  });
}

main();
