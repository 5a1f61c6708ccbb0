import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './deployment-files';

/** The user the images run as stands in for `node` here: root's tests run the app as `nobody`. */
export const imageUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

/** A folder laid out as `/app` in deploy/<service>.Dockerfile's final stage. */
export interface ImageLayout {
  appDir: string;
  remove(): void;
}

/**
 * Copies what the image's final stage copies (package files, config/, the built dist/<service>) and
 * installs production dependencies only: the checkout's node_modules hard-linked (no network, no
 * copy of the files) and pruned with `npm prune --omit=dev`, which unlinks the rest.
 */
export function layOutImage(service: 'api' | 'platform'): ImageLayout {
  const built = join(repoRoot, 'dist', service);
  if (!existsSync(built)) throw new Error(`${built} is missing: run "npx nest build ${service}" first`);
  const appDir = mkdtempSync(join(tmpdir(), `mvp-image-${service}-`));
  const remove = () => rmSync(appDir, { recursive: true, force: true });
  try {
    chmodSync(appDir, 0o755);
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(repoRoot, file), join(appDir, file));
    cpSync(join(repoRoot, 'config'), join(appDir, 'config'), { recursive: true });
    cpSync(built, join(appDir, 'dist', service), { recursive: true });
    copyDependencies(join(repoRoot, 'node_modules'), join(appDir, 'node_modules'));
    // npm rewrites this file in place; unlinked first, the checkout's copy stays as it is.
    unlinkSync(join(appDir, 'node_modules/.package-lock.json'));
    execFileSync('npm', ['prune', '--omit=dev', '--offline', '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: appDir,
      stdio: 'pipe',
    });
    return { appDir, remove };
  } catch (error) {
    remove();
    throw error;
  }
}

/** Hard links where the temporary folder shares the checkout's file system, a copy where it does not. */
function copyDependencies(from: string, to: string): void {
  try {
    execFileSync('cp', ['-al', from, to], { stdio: 'pipe' });
  } catch {
    rmSync(to, { recursive: true, force: true });
    execFileSync('cp', ['-a', from, to], { stdio: 'pipe' });
  }
}

/** A folder the image's user owns, as a volume is: DATA_DIR, documents. */
export function writableFolder(path: string): string {
  mkdirSync(path, { recursive: true });
  if (imageUser) chownSync(path, imageUser.uid, imageUser.gid);
  return path;
}

/** The secret files as `make secrets` makes them in deploy/secrets/, in a scratch folder. */
export interface SecretFiles {
  /** A folder holding the named files only, as compose mounts a service's secrets at /run/secrets. */
  mountFor(names: string[]): string;
  remove(): void;
}

export function generateSecretFiles(): SecretFiles {
  const scratch = mkdtempSync(join(tmpdir(), 'mvp-secrets-'));
  chmodSync(scratch, 0o755);
  const generated = join(scratch, 'generated');
  execFileSync('bash', [join(repoRoot, 'deploy/generate-secrets.sh'), generated], { stdio: 'pipe' });
  let mounts = 0;
  return {
    mountFor: (names) => {
      const folder = join(scratch, `run-secrets-${++mounts}`);
      mkdirSync(folder, { mode: 0o755 });
      for (const name of names) copyFileSync(join(generated, name), join(folder, name));
      return folder;
    },
    remove: () => rmSync(scratch, { recursive: true, force: true }),
  };
}
