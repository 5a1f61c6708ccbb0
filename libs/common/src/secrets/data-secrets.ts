import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * `DATA_DIR/secrets/`, created 0700 on first use. The data folder itself keeps its mode (the
 * embedded PostgreSQL's user may need to traverse it).
 */
export function dataSecretsDir(dataDir: string): string {
  const secretsDir = join(resolve(dataDir), 'secrets');
  mkdirSync(dirname(secretsDir), { recursive: true });
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  return secretsDir;
}

/** Reads a secret file, or writes a new value first (0600); `wx` keeps a racing second process from overwriting it. */
export function readOrCreateSecretFile(path: string, create: () => string): string {
  if (!existsSync(path)) {
    try {
      writeFileSync(path, create(), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(path, 'utf8').trim();
}

/**
 * The key the API and the platform share, when none is configured: generated into
 * `DATA_DIR/secrets/platform-vehicles-api-key` by whichever starts first.
 */
export function platformApiKeyOf(config: { PLATFORM_VEHICLES_API_KEY?: string; DATA_DIR: string }): string {
  if (config.PLATFORM_VEHICLES_API_KEY) return config.PLATFORM_VEHICLES_API_KEY;
  const path = join(dataSecretsDir(config.DATA_DIR), 'platform-vehicles-api-key');
  return readOrCreateSecretFile(path, () => randomBytes(32).toString('base64url'));
}
