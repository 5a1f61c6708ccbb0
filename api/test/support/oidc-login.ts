import { createHash, randomBytes } from 'node:crypto';

/**
 * Sign-up and sign-in through the embedded issuer's real authorization-code + PKCE flow, over
 * HTTP as a browser does it: cookies, redirects, the HTML forms, then the token endpoint. For
 * e2e tests and the bench; no shortcut around the issuer or the guard.
 */

export interface OidcTokens {
  accessToken: string;
  refreshToken: string;
  idToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface NewAccount extends Credentials {
  displayName?: string;
}

export const webClientId = 'motovaultpro-web';
export const apiResource = 'urn:motovaultpro';
export const webScope = 'openid profile email offline_access';

/** Creates an account on the sign-up page and returns the tokens of the sign-in that follows. */
export async function signUp(baseUrl: string, account: NewAccount): Promise<OidcTokens> {
  const browser = new OidcBrowser(baseUrl);
  const flow = await browser.authorize();
  const answer = await browser.submit(`${flow.interactionUrl}/signup`, {
    email: account.email,
    password: account.password,
    displayName: account.displayName ?? '',
  });
  return browser.finish(flow, answer);
}

/** Signs in with email and password and returns the tokens. */
export async function signIn(baseUrl: string, credentials: Credentials): Promise<OidcTokens> {
  const browser = new OidcBrowser(baseUrl);
  const flow = await browser.authorize();
  const answer = await browser.submit(`${flow.interactionUrl}/login`, {
    email: credentials.email,
    password: credentials.password,
  });
  return browser.finish(flow, answer);
}

/** Trades a refresh token for new tokens (the refresh token rotates: use the returned one next). */
export async function refresh(baseUrl: string, refreshToken: string): Promise<OidcTokens> {
  const response = await postForm(`${baseUrl}/auth/token`, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: webClientId,
  });
  return readTokens(response);
}

/** An authorization request in progress: where its sign-in page is and what the code exchange needs. */
export interface AuthorizationFlow {
  interactionUrl: string;
  redirectUri: string;
  state: string;
  codeVerifier: string;
}

/** A minimal browser: a cookie jar and manual redirects. Exported for tests of the flow itself. */
export class OidcBrowser {
  private readonly cookies = new Map<string, { value: string; path: string }>();
  readonly redirectUri: string;

  constructor(readonly baseUrl: string) {
    this.redirectUri = `${baseUrl}/auth-callback`;
  }

  /** Starts an authorization request and follows it to the sign-in page; `extra: { name: '' }` leaves a parameter out. */
  async authorize(extra: Record<string, string> = {}): Promise<AuthorizationFlow> {
    const codeVerifier = randomBytes(32).toString('base64url');
    const state = randomBytes(16).toString('base64url');
    const params = new URLSearchParams({
      client_id: webClientId,
      response_type: 'code',
      redirect_uri: this.redirectUri,
      scope: webScope,
      resource: apiResource,
      state,
      code_challenge: createHash('sha256').update(codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
      ...extra,
    });
    for (const [name, value] of Object.entries(extra)) if (value === '') params.delete(name);
    const landing = await this.follow(await this.request(`${this.baseUrl}/auth/auth?${params}`));
    const match = /\/auth\/interaction\/([^/?#]+)$/.exec(new URL(landing.url).pathname);
    if (!match || landing.response.status !== 200) {
      throw new Error(`The authorization request did not reach a sign-in page: ${await describe(landing)}`);
    }
    return {
      interactionUrl: `${this.baseUrl}/auth/interaction/${match[1]}`,
      redirectUri: this.redirectUri,
      state,
      codeVerifier,
    };
  }

  /** GET with this browser's cookies, no redirects followed. */
  get(url: string): Promise<Response> {
    return this.request(url);
  }

  /** POSTs a form with this browser's cookies, no redirects followed. */
  submit(url: string, form: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** Follows redirects (GET) until a page or our redirect URI; returns the last answer and its URL. */
  async follow(response: Response, from?: string): Promise<{ response: Response; url: string }> {
    let current = response;
    let url = from ?? current.url;
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return { response: current, url };
      url = new URL(location, url).toString();
      if (url.startsWith(this.redirectUri) || !url.startsWith(this.baseUrl)) {
        return { response: current, url };
      }
      current = await this.request(url);
    }
    throw new Error('Too many redirects');
  }

  /** After the form post: follows the flow back to the redirect URI and exchanges the code. */
  async finish(flow: AuthorizationFlow, answer: Response): Promise<OidcTokens> {
    const end = await this.follow(answer, flow.interactionUrl);
    if (!end.url.startsWith(flow.redirectUri)) {
      throw new Error(`Sign-in did not return to the app: ${await describe(end)}`);
    }
    const callback = new URL(end.url);
    if (callback.searchParams.get('state') !== flow.state) throw new Error('The state parameter does not match');
    const code = callback.searchParams.get('code');
    if (!code) throw new Error(`No code in ${end.url}`);
    const response = await postForm(`${this.baseUrl}/auth/token`, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: flow.redirectUri,
      client_id: webClientId,
      code_verifier: flow.codeVerifier,
    });
    return readTokens(response);
  }

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = this.cookieHeader(new URL(url).pathname);
    if (cookie) headers.set('cookie', cookie);
    headers.set('accept', 'text/html,application/json');
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(response);
    return response;
  }

  private cookieHeader(path: string): string {
    return [...this.cookies.entries()]
      .filter(
        ([, cookie]) =>
          path === cookie.path || path.startsWith(cookie.path.endsWith('/') ? cookie.path : `${cookie.path}/`),
      )
      .map(([name, cookie]) => `${name}=${cookie.value}`)
      .join('; ');
  }

  private store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const attribute = (key: string) =>
        attributes.find((item) => item.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attribute('path') ?? '/';
      const expires = attribute('expires');
      const gone =
        attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now()) || !value;
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, { value, path });
    }
  }
}

async function postForm(url: string, form: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
}

async function readTokens(response: Response): Promise<OidcTokens> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`The token endpoint answered ${response.status}: ${JSON.stringify(body)}`);
  return {
    accessToken: String(body.access_token),
    refreshToken: String(body.refresh_token),
    idToken: String(body.id_token),
    expiresIn: Number(body.expires_in),
  };
}

async function describe(end: { response: Response; url: string }): Promise<string> {
  const text = await end.response.text().catch(() => '');
  const alert = /role="alert">([^<]*)</.exec(text)?.[1] ?? /class="field-error"[^>]*>([^<]*)</.exec(text)?.[1];
  const heading = /<h1>([^<]*)</.exec(text)?.[1];
  return `${end.response.status} at ${end.url}${heading ? `: ${heading}` : ''}${alert ? ` (${alert})` : ''}`;
}
