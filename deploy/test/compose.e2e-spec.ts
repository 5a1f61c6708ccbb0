import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composePath, readComposeFile, repoRoot, secretsExampleNames } from './support/deployment-files';

const compose = readComposeFile();
const { services } = compose;

describe('docker-compose.yml', () => {
  it('is a valid compose file with only .env.example-style settings given', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'mvp-compose-'));
    try {
      const envFile = join(scratch, '.env');
      writeFileSync(envFile, 'MVP_DOMAIN=motovaultpro.example.com\nACME_EMAIL=admin@example.com\n');
      execFileSync('docker-compose', ['-f', composePath, '--env-file', envFile, 'config', '-q'], {
        cwd: repoRoot,
        stdio: 'pipe',
      });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('refuses to start without the domain and the ACME e-mail', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'mvp-compose-'));
    try {
      const envFile = join(scratch, '.env');
      writeFileSync(envFile, '');
      const env = { ...process.env, MVP_DOMAIN: '', ACME_EMAIL: '' };
      expect(() =>
        execFileSync('docker-compose', ['-f', composePath, '--env-file', envFile, 'config', '-q'], {
          cwd: repoRoot,
          env,
          stdio: 'pipe',
        }),
      ).toThrow(/set (MVP_DOMAIN|ACME_EMAIL) in \.env/);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('has the six services', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'platform', 'postgres', 'redis', 'traefik', 'web']);
    expect(services.traefik.image).toMatch(/^traefik:v3(\.|$)/);
    expect(services.postgres.image).toMatch(/^postgres:1[7-9]-alpine$/);
    expect(services.redis.image).toMatch(/^redis:7(-alpine)?$/);
    for (const name of ['web', 'api', 'platform']) {
      expect(services[name].image).toBe(`motovaultpro/${name}:\${MVP_VERSION:-latest}`);
    }
  });

  it('joins the networks the architecture names, the database one internal', () => {
    expect(Object.keys(compose.networks).sort()).toEqual(['backend', 'database', 'frontend']);
    expect(compose.networks.database.internal).toBe(true);
    expect(compose.networks.frontend.internal).toBeFalsy();
    expect(compose.networks.backend.internal).toBeFalsy();
    const members = (network: string) =>
      Object.entries(services)
        .filter(([, service]) => service.networks?.includes(network))
        .map(([name]) => name)
        .sort();
    expect(members('frontend')).toEqual(['traefik', 'web']);
    expect(members('backend')).toEqual(['api', 'platform', 'traefik']);
    expect(members('database')).toEqual(['api', 'platform', 'postgres', 'redis']);
  });

  it('publishes ports only for Traefik: 80, 443 and the dashboard on 8080', () => {
    expect(services.traefik.ports).toEqual(['80:80', '443:443', '8080:8080']);
    for (const [name, service] of Object.entries(services)) {
      if (name !== 'traefik') expect({ name, ports: service.ports }).toEqual({ name, ports: undefined });
    }
  });

  it('gives every service a health check and starts each after what it needs is healthy', () => {
    for (const [name, service] of Object.entries(services)) {
      expect({ name, test: service.healthcheck?.test?.length }).toEqual({ name, test: expect.any(Number) });
    }
    const dependencies = Object.fromEntries(
      Object.entries(services).map(([name, service]) => [name, service.depends_on ?? {}]),
    );
    expect(Object.keys(dependencies.api).sort()).toEqual(['platform', 'postgres', 'redis']);
    expect(Object.keys(dependencies.platform).sort()).toEqual(['postgres', 'redis']);
    expect(Object.keys(dependencies.traefik).sort()).toEqual(['api', 'platform', 'web']);
    for (const needs of Object.values(dependencies)) {
      for (const dependency of Object.values(needs)) expect(dependency).toEqual({ condition: 'service_healthy' });
    }
  });

  it('routes by host and path with the priorities: web 10, api 20, platform 25 (prefix stripped)', () => {
    const router = (service: string, name = service) => ({
      rule: services[service].labels?.[`traefik.http.routers.${name}.rule`],
      priority: services[service].labels?.[`traefik.http.routers.${name}.priority`],
      entrypoints: services[service].labels?.[`traefik.http.routers.${name}.entrypoints`],
    });
    const host = 'Host(`${MVP_DOMAIN:?set MVP_DOMAIN in .env}`)';
    expect(router('web')).toEqual({ rule: host, priority: '10', entrypoints: 'websecure' });
    expect(router('api')).toEqual({
      rule: `${host} && (PathPrefix(\`/api\`) || PathPrefix(\`/auth\`))`,
      priority: '20',
      entrypoints: 'websecure',
    });
    expect(router('platform')).toEqual({
      rule: `${host} && PathPrefix(\`/platform\`)`,
      priority: '25',
      entrypoints: 'websecure',
    });
    const platformLabels = services.platform.labels ?? {};
    const stripper = platformLabels['traefik.http.routers.platform.middlewares'];
    expect(platformLabels[`traefik.http.middlewares.${stripper}.stripprefix.prefixes`]).toBe('/platform');
  });

  it('serves TLS from Let’s Encrypt, redirects HTTP, adds security headers and guards the dashboard', () => {
    const command = services.traefik.command ?? [];
    expect(command).toEqual(
      expect.arrayContaining([
        '--providers.docker.exposedbydefault=false',
        '--entrypoints.web.address=:80',
        '--entrypoints.web.http.redirections.entrypoint.to=websecure',
        '--entrypoints.web.http.redirections.entrypoint.scheme=https',
        '--entrypoints.websecure.address=:443',
        '--entrypoints.websecure.http.tls.certresolver=letsencrypt',
        '--entrypoints.websecure.http.middlewares=security-headers@docker',
        '--entrypoints.traefik.address=:8080',
        '--ping=true',
        '--certificatesresolvers.letsencrypt.acme.email=${ACME_EMAIL:?set ACME_EMAIL in .env}',
      ]),
    );
    const labels = services.traefik.labels ?? {};
    const headers = 'traefik.http.middlewares.security-headers.headers';
    expect(Number(labels[`${headers}.stsseconds`])).toBeGreaterThanOrEqual(15_552_000);
    expect(labels[`${headers}.contenttypenosniff`]).toBe('true');
    expect(labels[`${headers}.framedeny`]).toBe('true');
    expect(labels[`${headers}.referrerpolicy`]).toBeTruthy();
    expect(labels['traefik.http.routers.dashboard.entrypoints']).toBe('traefik');
    expect(labels['traefik.http.routers.dashboard.tls.certresolver']).toBe('letsencrypt');
    expect(labels['traefik.http.routers.dashboard.service']).toBe('api@internal');
    const guard = labels['traefik.http.routers.dashboard.middlewares'];
    expect(labels[`traefik.http.middlewares.${guard}.basicauth.usersfile`]).toBe(
      '/run/secrets/traefik-dashboard-users',
    );
    expect(services.traefik.secrets).toEqual(['traefik-dashboard-users']);
  });

  it('mounts only secrets that deploy/secrets.example shows, from deploy/secrets/', () => {
    const examples = secretsExampleNames();
    for (const [name, secret] of Object.entries(compose.secrets)) {
      expect(examples).toContain(name);
      expect(secret.file).toBe(`./deploy/secrets/${name}`);
    }
    const used = new Set(Object.values(services).flatMap((service) => service.secrets ?? []));
    expect([...used].sort()).toEqual(Object.keys(compose.secrets).sort());
    expect(used.has('auth0-client-secret')).toBe(false);
    expect(services.postgres.environment?.POSTGRES_PASSWORD_FILE).toBe('/run/secrets/postgres-password');
  });

  it('keeps state in the named volumes, Redis with its append-only file on', () => {
    expect(services.postgres.volumes).toEqual(['mvp_postgres_data:/var/lib/postgresql/data']);
    expect(services.redis.volumes).toEqual(['mvp_redis_data:/data']);
    expect(services.redis.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
    expect(services.api.volumes).toEqual(['mvp_api_data:/app/data', 'mvp_documents:/app/data/documents']);
    for (const [key, volume] of Object.entries(compose.volumes)) expect(volume?.name).toBe(key);
    expect(Object.keys(compose.volumes)).toEqual(
      expect.arrayContaining(['mvp_postgres_data', 'mvp_redis_data', 'mvp_documents']),
    );
  });

  it('runs the app containers with read-only root file systems', () => {
    for (const name of ['web', 'api', 'platform'])
      expect({ name, readOnly: services[name].read_only }).toEqual({ name, readOnly: true });
  });
});
