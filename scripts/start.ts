import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { apiNodeFlags } from './lib/api-launch';
import { buildIfNeeded, buildTargets, repoRoot } from './lib/build';

/**
 * `npm start`: builds what is missing or stale, then runs the API, which also serves the web app
 * and, with nothing configured, an embedded PostgreSQL under ./data.
 */
function main(): void {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`MotoVaultPro needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
    process.exit(1);
  }
  try {
    buildIfNeeded([buildTargets.api, buildTargets.web]);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }

  // Its own process group, so a terminal's Ctrl+C reaches it once, through us.
  const api = spawn(process.execPath, [...apiNodeFlags, join(repoRoot, buildTargets.api.output)], {
    cwd: repoRoot,
    stdio: 'inherit',
    detached: true,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => api.kill(signal === 'SIGHUP' ? 'SIGTERM' : signal));
  }
  api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main();
