import { secretFileNames } from '@mvp/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { apiConfigKeys } from '../../api/src/core/config/api.config';
import { healthRoutes } from '../../api/src/core/health/health.controller';
import { platformConfigKeys } from '../../platform/src/platform.config';
import { readComposeFile, repoRoot, secretsExampleNames, volumeMountedAt } from './support/deployment-files';

const { services, networks, volumes } = readComposeFile();
const defaultsOf = (service: string) =>
  parseYaml(readFileSync(join(repoRoot, 'config', `${service}.yml`), 'utf8')) as Record<string, string | number>;
const apiDefaults = defaultsOf('api');
const platformDefaults = defaultsOf('platform');

/** Secret files read by something other than a config key. */
const secretFilesBeyondConfig = {
  // The embedded issuer's signing and cookie keys (api/src/core/identity/issuer).
  api: ['auth-signing-key', 'auth-cookie-key'],
  // Only with DATABASE_SSL: the CA that signed a managed PostgreSQL's certificate.
  database: ['postgres-ca.crt'],
  traefik: ['traefik-dashboard-users'],
};

const keyReadFrom = (secret: string, keys: string[]) => keys.find((key) => secretFileNames(key).includes(secret));
const apiKeys = Object.keys(apiConfigKeys);
const platformKeys = Object.keys(platformConfigKeys);
const healthPortOf = (service: string) =>
  /127\.0\.0\.1:(\d+)\/health/.exec(services[service].healthcheck?.test.join(' ') ?? '')?.[1];

describe('the names in docker-compose.yml against what the services read', () => {
  it.each([
    ['api', apiKeys],
    ['platform', platformKeys],
  ])('%s: every environment key is a setting of its config', (service, keys) => {
    const environment = Object.keys(services[service].environment ?? {});
    expect(environment.length).toBeGreaterThan(0);
    expect(environment.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it.each([
    ['api', apiKeys, secretFilesBeyondConfig.api],
    ['platform', platformKeys, []],
  ])('%s: every mounted secret is read as a config key or by the issuer', (service, keys, beyond) => {
    for (const secret of services[service].secrets ?? []) {
      expect({ secret, readAs: keyReadFrom(secret, keys) ?? (beyond.includes(secret) ? secret : undefined) }).toEqual({
        secret,
        readAs: expect.any(String),
      });
    }
  });

  it('reads each secret of the example folder somewhere', () => {
    const known = [...Object.values(secretFilesBeyondConfig).flat()];
    for (const secret of secretsExampleNames()) {
      const readAs = keyReadFrom(secret, [...apiKeys, ...platformKeys]) ?? known.find((name) => name === secret);
      expect({ secret, readAs }).toEqual({ secret, readAs: expect.any(String) });
    }
    expect(keyReadFrom('postgres-password', apiKeys)).toBe('DATABASE_PASSWORD');
    expect(keyReadFrom('postgres-password', platformKeys)).toBe('DATABASE_PASSWORD');
  });

  it('gives Traefik and PostgreSQL their secrets where they read them', () => {
    const traefikLabels = Object.entries(services.traefik.labels ?? {});
    expect(traefikLabels).toContainEqual([
      expect.stringMatching(/\.basicauth\.usersfile$/),
      '/run/secrets/traefik-dashboard-users',
    ]);
    expect(services.postgres.secrets).toEqual(['postgres-password']);
    expect(services.postgres.environment?.POSTGRES_PASSWORD_FILE).toBe('/run/secrets/postgres-password');
  });

  it('points the API and the platform at the database, the cache and each other by service name', () => {
    for (const service of ['api', 'platform']) {
      const environment = services[service].environment ?? {};
      expect(environment.DATABASE_HOST).toBe('postgres');
      expect(environment.DATABASE_USER).toBe(services.postgres.environment?.POSTGRES_USER);
      expect(environment.DATABASE_NAME).toBe(services.postgres.environment?.POSTGRES_DB);
      expect(environment.DATABASE_PASSWORD).toBeUndefined();
      expect(environment.REDIS_URL).toBe('redis://redis:6379');
      expect(environment.DATA_DIR).toBe('/app/data');
    }
    expect(apiDefaults.DATABASE_PORT).toBe(5432);
    expect(services.api.environment?.PLATFORM_HOST).toBe('platform');
    expect(services.platform.environment?.PLATFORM_HOST).toBe('0.0.0.0');
    expect(apiDefaults.PLATFORM_TCP_PORT).toBe(platformDefaults.PLATFORM_TCP_PORT);
    expect(services.api.environment?.SERVE_WEB).toBe('false');
    expect(services.api.environment?.PUBLIC_URL).toBe('https://${MVP_DOMAIN:?set MVP_DOMAIN in .env}');
  });

  it('probes and routes to the ports and health paths the configs default to', () => {
    expect(healthRoutes).toContain('/health');
    expect(String(apiDefaults.PORT)).toBe('3001');
    expect(healthPortOf('api')).toBe(String(apiDefaults.PORT));
    expect(services.api.labels?.['traefik.http.services.api.loadbalancer.server.port']).toBe(String(apiDefaults.PORT));
    expect(String(platformDefaults.PLATFORM_HTTP_PORT)).toBe('8000');
    expect(healthPortOf('platform')).toBe(String(platformDefaults.PLATFORM_HTTP_PORT));
    expect(services.platform.labels?.['traefik.http.services.platform.loadbalancer.server.port']).toBe(
      String(platformDefaults.PLATFORM_HTTP_PORT),
    );
    expect(healthPortOf('web')).toBe('8080');
    expect(services.web.labels?.['traefik.http.services.web.loadbalancer.server.port']).toBe('8080');
    for (const service of ['api', 'platform']) {
      const environment = services[service].environment ?? {};
      for (const key of ['PORT', 'PLATFORM_HTTP_PORT', 'PLATFORM_TCP_PORT']) expect(environment[key]).toBeUndefined();
    }
  });

  it('keeps DATA_DIR in volumes, the documents in mvp_documents where DOCUMENTS_DIR defaults to', () => {
    expect(services.api.environment?.DOCUMENTS_DIR).toBeUndefined();
    expect(volumeMountedAt(services.api, `${services.api.environment?.DATA_DIR}/documents`)).toBe('mvp_documents');
    expect(volumeMountedAt(services.api, services.api.environment?.DATA_DIR ?? '')).toBe('mvp_api_data');
    expect(volumeMountedAt(services.platform, services.platform.environment?.DATA_DIR ?? '')).toBe('mvp_platform_data');
  });

  it('names the networks and volumes as the deployment docs do', () => {
    expect(Object.fromEntries(Object.entries(networks).map(([key, network]) => [key, network.name]))).toEqual({
      frontend: 'mvp_frontend',
      backend: 'mvp_backend',
      database: 'mvp_database',
    });
    expect(Object.keys(volumes).sort()).toEqual([
      'mvp_api_data',
      'mvp_documents',
      'mvp_platform_data',
      'mvp_postgres_data',
      'mvp_redis_data',
      'mvp_traefik_acme',
    ]);
  });
});
