import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiProcess, startApiProcess } from './support/api-process';
import { freePort } from './support/free-port';
import { OidcBrowser, OidcTokens, refresh, signIn, signUp } from './support/oidc-login';
import { createTestDatabase } from './support/test-database';

interface Jwk {
  kid: string;
  kty: string;
  alg?: string;
  use?: string;
  [member: string]: unknown;
}

function decodePart(token: string, index: 0 | 1): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function jwksOf(url: string): Promise<Jwk[]> {
  const response = await fetch(`${url}/auth/jwks`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { keys: Jwk[] }).keys;
}

/** Checks the RS256 signature against the issuer's published keys and returns the payload. */
async function verifiedClaims(url: string, token: string): Promise<Record<string, unknown>> {
  const header = decodePart(token, 0);
  expect(header.alg).toBe('RS256');
  const key = (await jwksOf(url)).find((candidate) => candidate.kid === header.kid);
  if (!key) throw new Error(`kid ${String(header.kid)} is not in the JWKS`);
  const [head, payload, signature] = token.split('.');
  const publicKey = createPublicKey({ key: key as never, format: 'jwk' });
  expect(verify('RSA-SHA256', Buffer.from(`${head}.${payload}`), publicKey, Buffer.from(signature, 'base64url'))).toBe(
    true,
  );
  return decodePart(token, 1);
}

let counter = 0;
const newEmail = () => `driver-${process.pid}-${Date.now()}-${counter++}@example.com`;
const password = 'correct horse battery staple';

async function meWith(url: string, accessToken: string): Promise<Response> {
  return fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${accessToken}` } });
}

function formValue(html: string, name: string): string | undefined {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
}

describe('embedded issuer', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApiProcess();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('publishes its discovery document and RS256 public keys', async () => {
    const response = await fetch(`${api.url}/auth/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: `${api.url}/auth`,
      jwks_uri: `${api.url}/auth/jwks`,
      authorization_endpoint: `${api.url}/auth/auth`,
      token_endpoint: `${api.url}/auth/token`,
      end_session_endpoint: `${api.url}/auth/session/end`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'email', 'profile', 'offline_access']),
    );

    expect(response.headers.get('x-request-id')).toBeTruthy();

    const miss = await fetch(`${api.url}/auth/nothing`, { headers: { 'x-request-id': 'issuer-miss' } });
    expect(miss.status).toBe(404);
    expect(await miss.json()).toMatchObject({ status: 404, instance: '/auth/nothing', requestId: 'issuer-miss' });

    const keys = await jwksOf(api.url);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(key.d).toBeUndefined();
    }
  });

  it('tells the web app how to sign in', async () => {
    const response = await fetch(`${api.url}/api/auth/config`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      issuer: `${api.url}/auth`,
      clientId: 'motovaultpro-web',
      audience: 'motovaultpro',
      resource: 'urn:motovaultpro',
      scope: 'openid profile email offline_access',
      registration: 'open',
      embedded: true,
    });
  });

  it('signs up and signs in through the real code + PKCE flow, giving RS256 JWTs for the API', async () => {
    const email = newEmail();
    const first = await signUp(api.url, { email, password, displayName: 'Dana Driver' });
    const me = await meWith(api.url, first.accessToken);
    expect(me.status).toBe(200);
    const profile = (await me.json()) as { id: string; email: string; displayName: string; localAccount: boolean };
    expect(profile).toMatchObject({ email, displayName: 'Dana Driver', localAccount: true });

    const tokens = await signIn(api.url, { email, password });
    expect(tokens.expiresIn).toBe(900);
    const claims = await verifiedClaims(api.url, tokens.accessToken);
    expect(claims).toMatchObject({ iss: `${api.url}/auth`, aud: 'motovaultpro', sub: profile.id });
    expect(decodePart(tokens.accessToken, 0).typ).toBe('at+jwt');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);

    const idClaims = await verifiedClaims(api.url, tokens.idToken);
    expect(idClaims).toMatchObject({
      iss: `${api.url}/auth`,
      aud: 'motovaultpro-web',
      sub: profile.id,
      email,
      name: 'Dana Driver',
    });
  });

  it('gives API tokens when the app names no resource, and after a refresh', async () => {
    const email = newEmail();
    await signUp(api.url, { email, password });
    const browser = new OidcBrowser(api.url);
    const flow = await browser.authorize({ resource: '' });
    const tokens = await browser.finish(
      flow,
      await browser.submit(`${flow.interactionUrl}/login`, { email, password }),
    );
    expect((await verifiedClaims(api.url, tokens.accessToken)).aud).toBe('motovaultpro');
    const refreshed = await refresh(api.url, tokens.refreshToken);
    expect((await verifiedClaims(api.url, refreshed.accessToken)).aud).toBe('motovaultpro');
  });

  it('refreshes, rotating the refresh token and refusing the old one', async () => {
    const email = newEmail();
    const first = await signUp(api.url, { email, password });
    const second = await refresh(api.url, first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await verifiedClaims(api.url, second.accessToken)).aud).toBe('motovaultpro');
    expect((await meWith(api.url, second.accessToken)).status).toBe(200);

    const third = await refresh(api.url, second.refreshToken);
    expect(third.refreshToken).not.toBe(second.refreshToken);

    await expect(refresh(api.url, first.refreshToken)).rejects.toThrow(/400.*invalid_grant/);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const email = newEmail();
    await signUp(api.url, { email, password });

    const attempt = async (tryEmail: string) => {
      const browser = new OidcBrowser(api.url);
      const flow = await browser.authorize();
      const started = performance.now();
      const response = await browser.submit(`${flow.interactionUrl}/login`, {
        email: tryEmail,
        password: 'not the password',
      });
      const elapsed = performance.now() - started;
      const body = (await response.text()).replaceAll(
        flow.interactionUrl.replace(api.url, ''),
        '/auth/interaction/UID',
      );
      return { status: response.status, body: body.replace(`value="${tryEmail}"`, 'value="EMAIL"'), elapsed };
    };

    const wrongPassword = await attempt(email);
    const unknownEmail = await attempt(newEmail());
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(wrongPassword.status);
    expect(unknownEmail.body).toBe(wrongPassword.body);
    expect(wrongPassword.body).toContain('Wrong email or password.');

    // Both verify an argon2id hash (a decoy for the unknown email): similar time, not a fast path.
    const times: Array<[number, number]> = [];
    for (let round = 0; round < 3; round++) {
      times.push([(await attempt(email)).elapsed, (await attempt(newEmail())).elapsed]);
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1];
    const known = median(times.map(([value]) => value));
    const unknown = median(times.map(([, value]) => value));
    expect(unknown / known).toBeGreaterThan(0.5);
    expect(unknown / known).toBeLessThan(2);
  });

  it('checks the sign-up form and shows its errors inline', async () => {
    const browser = new OidcBrowser(api.url);
    const flow = await browser.authorize();
    const page = await browser.get(`${flow.interactionUrl}/signup`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('Create an account');

    const invalid = await browser.submit(`${flow.interactionUrl}/signup`, {
      email: 'not-an-email',
      password: 'short',
      displayName: '<b>me</b>',
    });
    expect(invalid.status).toBe(400);
    const html = await invalid.text();
    expect(html).toContain('Enter a valid email address');
    expect(html).toContain('Use at least 10 characters.');
    expect(html).toContain('&lt;b&gt;me&lt;/b&gt;');
    expect(html).not.toContain('<b>me</b>');

    const email = newEmail();
    await signUp(api.url, { email, password });
    const again = await browser.submit(`${flow.interactionUrl}/signup`, { email, password, displayName: '' });
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('already exists');
  });

  it('sends the user back to the app with access_denied when they cancel', async () => {
    const browser = new OidcBrowser(api.url);
    const flow = await browser.authorize();
    const end = await browser.follow(await browser.get(`${flow.interactionUrl}/abort`), flow.interactionUrl);
    const callback = new URL(end.url);
    expect(`${callback.origin}${callback.pathname}`).toBe(flow.redirectUri);
    expect(callback.searchParams.get('error')).toBe('access_denied');
  });

  it('shows an HTML page, not a redirect, for an unknown or expired sign-in', async () => {
    const response = await fetch(`${api.url}/auth/interaction/no-such-interaction`, {
      headers: { accept: 'text/html' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('Sign-in expired');
  });

  it('accepts loopback redirect URIs on other ports, and refuses foreign ones', async () => {
    const port = await freePort();
    const local = new OidcBrowser(`http://localhost:${port}`);
    const params = (redirectUri: string) =>
      new URLSearchParams({
        client_id: 'motovaultpro-web',
        response_type: 'code',
        redirect_uri: redirectUri,
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      });
    const loopback = await fetch(`${api.url}/auth/auth?${params(`${local.baseUrl}/auth-callback`)}`, {
      redirect: 'manual',
    });
    expect(loopback.status).toBe(303);
    expect(loopback.headers.get('location')).toMatch(/^\/auth\/interaction\//);

    const foreign = await fetch(`${api.url}/auth/auth?${params('https://evil.example.com/auth-callback')}`, {
      redirect: 'manual',
    });
    expect(foreign.status).toBe(400);
    expect(await foreign.text()).toContain('redirect_uri');

    const withoutPkce = params(`${api.url}/auth-callback`);
    withoutPkce.delete('code_challenge');
    withoutPkce.delete('code_challenge_method');
    const noPkce = await fetch(`${api.url}/auth/auth?${withoutPkce}`, { redirect: 'manual' });
    expect(noPkce.status).toBe(303);
    expect(noPkce.headers.get('location')).toContain('error=invalid_request');
  });

  it('ends the session on logout and revokes the refresh token', async () => {
    const email = newEmail();
    await signUp(api.url, { email, password });
    const browser = new OidcBrowser(api.url);
    const flow = await browser.authorize();
    const tokens: OidcTokens = await browser.finish(
      flow,
      await browser.submit(`${flow.interactionUrl}/login`, { email, password }),
    );

    const silent = async () => {
      const params = new URLSearchParams({
        client_id: 'motovaultpro-web',
        response_type: 'code',
        redirect_uri: browser.redirectUri,
        scope: 'openid',
        prompt: 'none',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      });
      const end = await browser.follow(await browser.get(`${api.url}/auth/auth?${params}`));
      return new URL(end.url).searchParams;
    };
    expect((await silent()).get('code')).toBeTruthy();

    const logoutParams = new URLSearchParams({
      id_token_hint: tokens.idToken,
      post_logout_redirect_uri: `${api.url}/`,
    });
    const confirm = await browser.get(`${api.url}/auth/session/end?${logoutParams}`);
    expect(confirm.status).toBe(200);
    const html = await confirm.text();
    expect(html).toContain('Sign out of MotoVaultPro');
    const xsrf = formValue(html, 'xsrf');
    expect(xsrf).toBeTruthy();
    const done = await browser.submit(`${api.url}/auth/session/end/confirm`, { xsrf: xsrf!, logout: 'yes' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${api.url}/`);

    expect((await silent()).get('error')).toBe('login_required');

    // The web app revokes its refresh token on sign-out (refresh tokens outlive the browser session).
    const revoked = await fetch(`${api.url}/auth/token/revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: tokens.refreshToken, client_id: 'motovaultpro-web' }).toString(),
    });
    expect(revoked.status).toBe(200);
    await expect(refresh(api.url, tokens.refreshToken)).rejects.toThrow(/invalid_grant/);
  });
});

describe('embedded issuer with sign-up closed and tight limits', () => {
  let api: ApiProcess;

  beforeAll(async () => {
    api = await startApiProcess({
      env: { AUTH_REGISTRATION: 'closed', AUTH_SIGN_IN_LIMIT_PER_MINUTE: '3', AUTH_SIGN_UP_LIMIT_PER_MINUTE: '2' },
    });
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('refuses sign-up and says so', async () => {
    const config = (await (await fetch(`${api.url}/api/auth/config`)).json()) as { registration: string };
    expect(config.registration).toBe('closed');

    const browser = new OidcBrowser(api.url);
    const flow = await browser.authorize();
    const signInPage = await (await browser.get(flow.interactionUrl)).text();
    expect(signInPage).not.toContain('/signup');

    const page = await browser.get(`${flow.interactionUrl}/signup`);
    expect(await page.text()).toContain('Sign-up is closed');
    const post = await browser.submit(`${flow.interactionUrl}/signup`, {
      email: newEmail(),
      password,
      displayName: '',
    });
    expect(post.status).toBe(403);
    expect(post.headers.get('content-type')).toContain('text/html');

    await expect(signUp(api.url, { email: newEmail(), password })).rejects.toThrow(/403|429/);
  });

  it('throttles sign-in and sign-up attempts per client with a 429 page', async () => {
    const browser = new OidcBrowser(api.url);
    const flow = await browser.authorize();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      const response = await browser.submit(`${flow.interactionUrl}/login`, { email: newEmail(), password });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(response.headers.get('content-type')).toContain('text/html');
        expect(await response.text()).toContain('Too many attempts');
      }
    }
    expect(statuses).toEqual([401, 401, 401, 429]);

    // Sign-up has its own, smaller budget (2 a minute here; the test before used it up).
    const signUpStatuses: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      const response = await browser.submit(`${flow.interactionUrl}/signup`, { email: newEmail(), password });
      signUpStatuses.push(response.status);
    }
    expect(signUpStatuses.at(-1)).toBe(429);
    // Other routes are not throttled.
    expect((await fetch(`${api.url}/health`)).status).toBe(200);
  });
});

describe('embedded issuer keys', () => {
  it('keeps its signing keys across restarts: tokens issued before still verify', async () => {
    const database = await createTestDatabase('issuer_keys');
    const dataDir = mkdtempSync(join(tmpdir(), 'mvp-issuer-'));
    const port = String(await freePort());
    const options = { databaseUrl: database.url, dataDir, env: { PORT: port, PUBLIC_URL: `http://127.0.0.1:${port}` } };
    try {
      let api = await startApiProcess(options);
      const tokens = await signUp(api.url, { email: newEmail(), password });
      const keysBefore = await jwksOf(api.url);
      await api.stop();

      const secrets = join(dataDir, 'secrets');
      expect(statSync(secrets).mode & 0o777).toBe(0o700);
      expect(statSync(join(secrets, 'oidc-jwks.json')).mode & 0o777).toBe(0o600);
      expect(statSync(join(secrets, 'oidc-cookie-keys.json')).mode & 0o777).toBe(0o600);

      api = await startApiProcess(options);
      try {
        expect(await jwksOf(api.url)).toEqual(keysBefore);
        await verifiedClaims(api.url, tokens.accessToken);
        expect((await meWith(api.url, tokens.accessToken)).status).toBe(200);
        const refreshed = await refresh(api.url, tokens.refreshToken);
        expect((await meWith(api.url, refreshed.accessToken)).status).toBe(200);
      } finally {
        await api.stop();
      }
    } finally {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
