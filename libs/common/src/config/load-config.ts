import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from './config-error';

/** Secret files whose names do not follow the key's own kebab-case name. */
const secretFileAliases: Record<string, string[]> = {
  DATABASE_PASSWORD: ['postgres-password'],
};

export interface LoadConfigOptions {
  /** Names the defaults file `config/<service>.yml`. */
  service: string;
  env?: NodeJS.ProcessEnv;
  /** Folder that holds `config/`; found by walking up from this file when omitted. */
  rootDir?: string;
}

type RawValues = Record<string, unknown>;

/**
 * Builds one validated config object: defaults from `config/<service>.yml`, then the file at
 * CONFIG_PATH, then secret files in SECRETS_DIR, then environment variables.
 */
export function loadConfig<Shape extends z.ZodRawShape>(
  shape: Shape,
  options: LoadConfigOptions,
): z.infer<z.ZodObject<Shape>> {
  const env = options.env ?? process.env;
  const rootDir = options.rootDir ?? findRootDir(options.service);
  const keys = Object.keys(shape);

  const defaults = readYaml(join(rootDir, 'config', `${options.service}.yml`), 'defaults file');
  const configPath = env.CONFIG_PATH?.trim();
  const fromFile = configPath ? readYaml(resolve(configPath), 'CONFIG_PATH') : {};
  const fromSecrets = readSecrets(secretsDirOf(env), keys);
  const fromEnv = pickDefined(env, keys);

  const merged = { ...defaults, ...fromFile, ...fromSecrets, ...fromEnv };
  for (const key of Object.keys(merged)) {
    if (merged[key] === '' || merged[key] === null) delete merged[key];
  }

  const unknownKey = Object.keys({ ...defaults, ...fromFile }).find((key) => !keys.includes(key));
  if (unknownKey) throw new ConfigError(unknownKey, 'is not a known setting');

  const result = z.object(shape).safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue.path.map(String).join('.') || 'config';
    const given = merged[key];
    const shown = given === undefined ? 'it is missing' : `got ${JSON.stringify(isSecretKey(key) ? '…' : given)}`;
    throw new ConfigError(key, `${lowerFirst(issue.message)} (${shown})`);
  }
  return result.data;
}

/** The folder of secret files: SECRETS_DIR, by default `/run/secrets` (where Docker and Kubernetes mount them). */
export function secretsDirOf(env: NodeJS.ProcessEnv = process.env): string {
  return env.SECRETS_DIR?.trim() || '/run/secrets';
}

function readYaml(path: string, label: string): RawValues {
  if (!existsSync(path)) {
    if (label === 'CONFIG_PATH') throw new ConfigError('CONFIG_PATH', `points to ${path}, which does not exist`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new ConfigError(label === 'CONFIG_PATH' ? 'CONFIG_PATH' : path, `is not valid YAML: ${reason}`);
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(label === 'CONFIG_PATH' ? 'CONFIG_PATH' : path, 'must hold a mapping of KEY: value');
  }
  return Object.fromEntries(
    Object.entries(parsed as RawValues).map(([key, value]) => [key.toUpperCase(), stringifyScalar(value)]),
  );
}

function stringifyScalar(value: unknown): unknown {
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
}

function readSecrets(secretsDir: string, keys: string[]): RawValues {
  if (!existsSync(secretsDir)) return {};
  const present = new Set(readdirSync(secretsDir));
  const values: RawValues = {};
  for (const key of keys) {
    const name = secretFileNames(key).find((candidate) => present.has(candidate));
    if (name) values[key] = readFileSync(join(secretsDir, name), 'utf8').trim();
  }
  return values;
}

/** The secret files a key is read from, first found wins: its name in kebab-case, then any alias. */
export function secretFileNames(key: string): string[] {
  return [key.toLowerCase().replaceAll('_', '-'), ...(secretFileAliases[key] ?? [])];
}

function pickDefined(env: NodeJS.ProcessEnv, keys: string[]): RawValues {
  return Object.fromEntries(keys.filter((key) => env[key]?.trim()).map((key) => [key, env[key]]));
}

function isSecretKey(key: string): boolean {
  return /PASSWORD|SECRET|TOKEN|KEY|_URL$/.test(key);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The project folder: the nearest ancestor of this file that has `config/<service>.yml`. */
export function findRootDir(service: string, from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'config', `${service}.yml`))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** The version in the project's package.json. */
export function readAppVersion(service: string): string {
  const manifest = JSON.parse(readFileSync(join(findRootDir(service), 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}
