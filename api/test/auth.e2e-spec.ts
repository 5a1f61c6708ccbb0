import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { Client } from 'pg';
import { ApiProcess, startApiProcess } from './support/api-process';
import { runCrossUserMatrix } from './support/cross-user-matrix';
import { signIn, signUp } from './support/oidc-login';
import { FakeIssuer, startFakeIssuer } from './support/fake-issuer';
import { ApiSchema, Problem } from './support/json-call';

type CreatedToken = ApiSchema<'CreatedApiTokenDto'>;
type Me = ApiSchema<'MeDto'>;

/** At most this many JWKS fetches a minute (`jwksRequestsPerMinute` in jwt.strategy.ts). */
const jwksRequestsPerMinute = 10;

describe('authentication: JWTs from an external OIDC issuer, and personal API tokens', () => {
  let issuer: FakeIssuer;
  let api: ApiProcess;
  let db: Client;
  let alice: string;

  beforeAll(async () => {
    issuer = await startFakeIssuer();
    api = await startApiProcess({ env: { ...issuer.apiEnv(), SERVE_WEB: 'false' } });
    db = new Client({ connectionString: api.database!.url });
    await db.connect();
    alice = await issuer.sign({ claims: { sub: 'fake|alice', email: 'alice@example.com', name: 'Alice' } });
  });

  afterAll(async () => {
    await db?.end();
    await api?.stop();
    await issuer?.close();
  });

  const call = (path: string, init: { token?: string; method?: string; body?: unknown } = {}) =>
    fetch(`${api.url}${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.token === undefined ? {} : { authorization: `Bearer ${init.token}` }),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });

  /** Everything an accepted bad token could have changed. */
  const snapshot = async () => ({
    users: (await db.query('select id, sub, currency, updated_at from users order by id')).rows,
    tokens: (await db.query('select id, name, revoked_at, deleted_at, updated_at from api_tokens order by id')).rows,
  });

  async function expectProblem(response: Response, status: number) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="MotoVaultPro"/);
    expect((await response.json()) as Problem).toMatchObject({ status, type: 'about:blank' });
  }

  describe('JWKS fetches', () => {
    it('are none before the first token, and one for many requests and many tokens of one key', async () => {
      expect(issuer.jwksFetches).toBe(0);
      const tokens = await Promise.all(
        Array.from({ length: 20 }, (_, index) => issuer.sign({ claims: { sub: `fake|crowd-${index}` } })),
      );
      const answers = await Promise.all(
        [...tokens, ...Array.from({ length: 30 }, () => alice)].map((token) => call('/api/me', { token })),
      );
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
      for (let round = 0; round < 3; round++) {
        expect((await call('/api/me', { token: tokens[round] })).status).toBe(200);
      }
      expect(issuer.jwksFetches).toBe(1);
      expect(issuer.discoveryFetches).toBe(1);
    });

    it('an unknown kid may refetch the key set, but only within the rate limit', async () => {
      const stranger = await generateKeyPair('RS256');
      const answers = await Promise.all(
        Array.from({ length: 30 }, async (_, index) =>
          call('/api/me', {
            token: await issuer.sign({ kid: `unknown-${index}`, keys: stranger, claims: { sub: `fake|x-${index}` } }),
          }),
        ),
      );
      expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 401));
      expect(issuer.jwksFetches).toBeGreaterThan(1);
      expect(issuer.jwksFetches).toBeLessThanOrEqual(jwksRequestsPerMinute);
      expect((await call('/api/me', { token: alice })).status).toBe(200);
    });
  });

  describe('a valid JWT', () => {
    it('is a 200 on /api/me and creates the user row on first sight', async () => {
      const token = await issuer.sign({ claims: { sub: 'fake|bob', email: 'bob@example.com', name: 'Bob' } });
      expect((await db.query(`select 1 from users where sub = 'fake|bob'`)).rowCount).toBe(0);
      const response = await call('/api/me', { token });
      expect(response.status).toBe(200);
      const me = (await response.json()) as Me;
      expect(me).toMatchObject({ email: 'bob@example.com', displayName: 'Bob', localAccount: false });
      const row = await db.query(`select id from users where sub = 'fake|bob'`);
      expect(row.rows[0].id).toBe(me.id);
    });

    it('leaves public routes public', async () => {
      expect((await call('/api/health')).status).toBe(200);
      expect((await call('/health')).status).toBe(200);
      expect((await call('/api/docs-json')).status).toBe(200);
    });
  });

  describe('each refused credential is a 401 problem and changes nothing', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const badTokens: Array<[string, () => Promise<string | undefined>]> = [
      ['no token', async () => undefined],
      ['a malformed token', async () => 'not.a-jwt.at-all'],
      ['a token that is not even dotted', async () => 'garbage'],
      [
        'alg none',
        async () =>
          `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: issuer.url, aud: issuer.audience, sub: 'fake|mallory', exp: now() + 600 })}.`,
      ],
      [
        'HS256 signed with the RSA public key',
        async () => {
          const pem = await exportSPKI(issuer.keys.publicKey);
          return new SignJWT({ iss: issuer.url, aud: issuer.audience, sub: 'fake|mallory', exp: now() + 600 })
            .setProtectedHeader({ alg: 'HS256', kid: issuer.kid })
            .sign(new TextEncoder().encode(pem));
        },
      ],
      ['a wrong iss', () => issuer.sign({ claims: { sub: 'fake|mallory', iss: 'https://evil.example/' } })],
      ['a wrong aud', () => issuer.sign({ claims: { sub: 'fake|mallory', aud: 'another-api' } })],
      ['an expired token', () => issuer.sign({ claims: { sub: 'fake|mallory', iat: now() - 7200, exp: now() - 60 } })],
      ['a token not yet valid', () => issuer.sign({ claims: { sub: 'fake|mallory', nbf: now() + 120 } })],
      ['a token without exp', () => issuer.sign({ claims: { sub: 'fake|mallory' }, noExpiry: true })],
      [
        'an unknown kid',
        async () =>
          issuer.sign({ kid: 'no-such-key', keys: await generateKeyPair('RS256'), claims: { sub: 'fake|mallory' } }),
      ],
      [
        'a payload altered after signing',
        async () => {
          const [header, payload, signature] = alice.split('.');
          const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
          return `${header}.${b64({ ...claims, sub: 'fake|mallory' })}.${signature}`;
        },
      ],
      ['an unknown API token', async () => `mvp_pat_${'A'.repeat(43)}`],
      ['a malformed API token', async () => 'mvp_pat_short'],
    ];

    it.each(badTokens)('%s', async (_name, makeToken) => {
      const token = await makeToken();
      const before = await snapshot();
      await expectProblem(await call('/api/me', { token }), 401);
      await expectProblem(await call('/api/me', { token, method: 'PATCH', body: { currency: 'EUR' } }), 401);
      await expectProblem(
        await call('/api/me/tokens', { token, method: 'POST', body: { name: 'x', access: 'read' } }),
        401,
      );
      expect(await snapshot()).toEqual(before);
    });

    it('a revoked API token', async () => {
      const created = await call('/api/me/tokens', {
        token: alice,
        method: 'POST',
        body: { name: 'cron', access: 'read_write' },
      });
      expect(created.status).toBe(201);
      const { id, token } = (await created.json()) as CreatedToken;
      expect((await call('/api/me', { token })).status).toBe(200);
      expect((await call(`/api/me/tokens/${id}`, { token: alice, method: 'DELETE' })).status).toBe(204);
      const before = await snapshot();
      await expectProblem(await call('/api/me', { token }), 401);
      await expectProblem(await call('/api/me', { token, method: 'PATCH', body: { currency: 'EUR' } }), 401);
      expect(await snapshot()).toEqual(before);
    });
  });

  describe('personal API tokens', () => {
    it('are shown once, listed without the secret, and work as bearer tokens', async () => {
      const created = await call('/api/me/tokens', {
        token: alice,
        method: 'POST',
        body: { name: 'Home Assistant', access: 'read_write' },
      });
      expect(created.status).toBe(201);
      const token = (await created.json()) as CreatedToken;
      expect(token).toMatchObject({ name: 'Home Assistant', access: 'read_write', lastUsedAt: null });
      expect(token.token).toMatch(/^mvp_pat_[A-Za-z0-9_-]{43}$/);
      expect(token.token.startsWith(token.prefix)).toBe(true);

      const stored = await db.query('select token_hash from api_tokens where id = $1', [token.id]);
      expect(stored.rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored.rows[0].token_hash).not.toContain(token.token);

      const me = await call('/api/me', { token: token.token });
      expect(me.status).toBe(200);
      const patched = await call('/api/me', { token: token.token, method: 'PATCH', body: { currency: 'EUR' } });
      expect(patched.status).toBe(200);
      expect(((await patched.json()) as Me).currency).toBe('EUR');

      const listed = (await (await call('/api/me/tokens', { token: alice })).json()) as ApiSchema<'ApiTokenPageDto'>;
      const entry = listed.items.find((item) => item.id === token.id);
      expect(entry).toBeDefined();
      expect(entry).not.toHaveProperty('token');
      expect(JSON.stringify(listed)).not.toContain(token.token);
      expect(entry?.lastUsedAt).not.toBeNull();

      const lastUsed = (await db.query('select last_used_at from api_tokens where id = $1', [token.id])).rows[0];
      await call('/api/me', { token: token.token });
      await call('/api/me', { token: token.token });
      const again = (await db.query('select last_used_at from api_tokens where id = $1', [token.id])).rows[0];
      expect(again.last_used_at).toEqual(lastUsed.last_used_at);
    });

    it('cannot mint, rename or revoke tokens (403): that needs a signed-in user', async () => {
      const created = await call('/api/me/tokens', {
        token: alice,
        method: 'POST',
        body: { name: 'rw', access: 'read_write' },
      });
      const { id, token } = (await created.json()) as CreatedToken;
      const before = await snapshot();
      await expectForbidden(
        await call('/api/me/tokens', { token, method: 'POST', body: { name: 'x', access: 'read' } }),
      );
      await expectForbidden(await call(`/api/me/tokens/${id}`, { token, method: 'PATCH', body: { name: 'y' } }));
      await expectForbidden(await call(`/api/me/tokens/${id}`, { token, method: 'DELETE' }));
      expect(await snapshot()).toEqual(before);
      expect((await call('/api/me/tokens', { token })).status).toBe(200);
    });

    it('a read-only token reads, and every write is a 403 problem that changes nothing', async () => {
      const created = await call('/api/me/tokens', {
        token: alice,
        method: 'POST',
        body: { name: 'ro', access: 'read' },
      });
      const { id, token } = (await created.json()) as CreatedToken;
      expect((await call('/api/me', { token })).status).toBe(200);
      expect((await call('/api/me/tokens', { token })).status).toBe(200);
      const before = await snapshot();
      for (const [method, path, body] of [
        ['PATCH', '/api/me', { currency: 'GBP' }],
        ['POST', '/api/me/tokens', { name: 'x', access: 'read' }],
        ['DELETE', `/api/me/tokens/${id}`, undefined],
      ] as const) {
        const response = await call(path, { token, method, body });
        expect(response.status).toBe(403);
        expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
        expect(response.headers.get('www-authenticate')).toContain('insufficient_scope');
      }
      expect(await snapshot()).toEqual(before);
    });

    it('are scoped to their user: the cross-user matrix', async () => {
      const carol = await issuer.sign({ claims: { sub: 'fake|carol' } });
      await runCrossUserMatrix({
        baseUrl: api.url,
        owner: alice,
        intruder: carol,
        path: '/api/me/tokens',
        createBody: { name: 'alice-only', access: 'read' },
        updateBody: { name: 'carol was here' },
      });
    });
  });

  it('logs a truncated user id with each request, and never a token', async () => {
    const created = await call('/api/me/tokens', {
      token: alice,
      method: 'POST',
      body: { name: 'logged', access: 'read' },
    });
    const { token } = (await created.json()) as CreatedToken;
    expect((await call('/api/me', { token })).status).toBe(200);
    const me = (await (await call('/api/me', { token: alice })).json()) as Me;
    await new Promise((done) => setTimeout(done, 300));
    const lines = api.output().join('\n');
    expect(lines).not.toContain(token);
    expect(lines).not.toContain(alice.split('.')[2]);
    const requests = api.logs().filter((entry) => (entry.req as { url?: string } | undefined)?.url === '/api/me');
    expect(requests.some((entry) => entry.userId === me.id.slice(0, 8))).toBe(true);
  });

  async function expectForbidden(response: Response) {
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(((await response.json()) as Problem).detail).toMatch(/API tokens cannot/);
  }
});

describe('authentication against the embedded issuer (tokens from its real sign-up flow)', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApiProcess({ env: { SERVE_WEB: 'false' } });
  });

  afterAll(() => api?.stop());

  const call = (path: string, token: string, method = 'GET', body?: unknown) =>
    fetch(`${api.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('signs up, reads and changes /api/me, and creates, uses and revokes an API token', async () => {
    const { accessToken } = await signUp(api.url, {
      email: 'erin@example.com',
      password: 'a long passphrase',
      displayName: 'Erin',
    });
    const me = await call('/api/me', accessToken);
    expect(me.status).toBe(200);
    const profile = (await me.json()) as Me;
    expect(profile).toMatchObject({ email: 'erin@example.com', localAccount: true });

    const patched = await call('/api/me', accessToken, 'PATCH', { distanceUnit: 'km', currency: 'EUR' });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({ distanceUnit: 'km', currency: 'EUR' });

    const created = await call('/api/me/tokens', accessToken, 'POST', { name: 'script', access: 'read_write' });
    expect(created.status).toBe(201);
    const token = (await created.json()) as CreatedToken;
    const viaToken = await call('/api/me', token.token);
    expect(viaToken.status).toBe(200);
    expect(((await viaToken.json()) as Me).id).toBe(profile.id);

    expect((await call(`/api/me/tokens/${token.id}`, accessToken, 'DELETE')).status).toBe(204);
    expect((await call('/api/me', token.token)).status).toBe(401);
    expect((await call('/api/me', accessToken)).status).toBe(200);
  });

  it('refuses an embedded access token after a character of its payload changed', async () => {
    const { accessToken } = await signIn(api.url, { email: 'erin@example.com', password: 'a long passphrase' });
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })).toString('base64url')}.${signature}`;
    expect((await call('/api/me', forged)).status).toBe(401);
  });
});
