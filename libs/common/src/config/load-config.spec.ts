import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { databaseKeys, flag, nonEmpty, port } from './config-keys';
import { loadConfig } from './load-config';

const shape = { PORT: port(), NAME: nonEmpty(), VERBOSE: flag(), ...databaseKeys };

function project(defaults: string): string {
  const root = mkdtempSync(join(tmpdir(), 'mvp-config-'));
  mkdirSync(join(root, 'config'));
  writeFileSync(join(root, 'config', 'svc.yml'), defaults);
  return root;
}

const baseDefaults = [
  'PORT: 3001',
  'NAME: from-defaults',
  'VERBOSE: false',
  'DATABASE_PORT: 5432',
  'DATABASE_USER: postgres',
  'DATABASE_NAME: motovaultpro',
  'DATABASE_SSL: false',
  'DATABASE_POOL_SIZE: 10',
  'EMBEDDED_DB_PORT: 54329',
].join('\n');

function load(env: NodeJS.ProcessEnv, defaults = baseDefaults) {
  return loadConfig(shape, {
    service: 'svc',
    rootDir: project(defaults),
    env: { SECRETS_DIR: '/nonexistent', ...env },
  });
}

function errorOf(work: () => unknown): ConfigError {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads typed defaults from config/<service>.yml', () => {
    const config = load({});
    expect(config).toMatchObject({ PORT: 3001, NAME: 'from-defaults', VERBOSE: false, DATABASE_POOL_SIZE: 10 });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('layers CONFIG_PATH over defaults, secret files over that, and environment variables over all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mvp-layers-'));
    writeFileSync(join(dir, 'override.yml'), 'name: from-file\nport: 4000\ndatabase_user: file-user\n');
    mkdirSync(join(dir, 'secrets'));
    writeFileSync(join(dir, 'secrets', 'postgres-password'), 's3cret\n');
    writeFileSync(join(dir, 'secrets', 'database-user'), 'secret-user\n');
    const config = load({ CONFIG_PATH: join(dir, 'override.yml'), SECRETS_DIR: join(dir, 'secrets'), PORT: '5000' });
    expect(config.NAME).toBe('from-file');
    expect(config.PORT).toBe(5000);
    expect(config.DATABASE_USER).toBe('secret-user');
    expect(config.DATABASE_PASSWORD).toBe('s3cret');
  });

  it('treats an empty environment variable as unset', () => {
    expect(load({ NAME: '' }).NAME).toBe('from-defaults');
  });

  it('accepts the usual words for booleans', () => {
    expect(load({ VERBOSE: 'yes' }).VERBOSE).toBe(true);
    expect(load({ VERBOSE: 'OFF' }).VERBOSE).toBe(false);
  });

  it('names the key and what is wrong in one line', () => {
    const error = errorOf(() => load({ PORT: 'abc' }));
    expect(error.message).toBe('Configuration error: PORT must be a port number (got "abc")');
    expect(error.message).not.toContain('\n');
  });

  it('reports a missing required value', () => {
    const error = errorOf(() => load({}, baseDefaults.replace('NAME: from-defaults\n', '')));
    expect(error.message).toBe('Configuration error: NAME must be text (it is missing)');
  });

  it('rejects a database URL of another scheme without echoing it', () => {
    const error = errorOf(() => load({ DATABASE_URL: 'mysql://root:hunter2@db/app' }));
    expect(error.key).toBe('DATABASE_URL');
    expect(error.message).toContain('must be a postgres:// URL');
    expect(error.message).not.toContain('hunter2');
  });

  it('rejects unknown keys in YAML, which are usually typos', () => {
    const error = errorOf(() => load({}, `${baseDefaults}\nPROT: 1`));
    expect(error.message).toBe('Configuration error: PROT is not a known setting');
  });

  it('says when CONFIG_PATH points nowhere or holds bad YAML', () => {
    expect(errorOf(() => load({ CONFIG_PATH: '/nonexistent/app.yml' })).key).toBe('CONFIG_PATH');
    const dir = mkdtempSync(join(tmpdir(), 'mvp-bad-yaml-'));
    writeFileSync(join(dir, 'bad.yml'), 'PORT: [1, 2\n');
    expect(errorOf(() => load({ CONFIG_PATH: join(dir, 'bad.yml') })).message).toMatch(
      /^Configuration error: CONFIG_PATH is not valid YAML/,
    );
  });
});
