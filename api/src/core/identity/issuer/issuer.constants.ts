/** The embedded issuer's fixed names: the web app reads them from `GET /api/auth/config`. */
export const embeddedIssuer = {
  /** Mounted here, under PUBLIC_URL: the issuer is `${PUBLIC_URL}/auth`. */
  mountPath: '/auth',
  webClientId: 'motovaultpro-web',
  /** The API as a resource indicator (RFC 8707): tokens for it are RS256 JWTs with `aud: motovaultpro`. */
  resource: 'urn:motovaultpro',
  audience: 'motovaultpro',
  /** The resource's own scope; kept out of the OIDC `scopes`, which would loop consent. */
  resourceScope: 'api',
  webScope: 'openid profile email offline_access',
  /** Paths under PUBLIC_URL the web client may return to. */
  redirectPaths: ['/auth-callback', '/'],
  postLogoutRedirectPaths: ['/'],
} as const;

/** Lifetimes in seconds. Refresh tokens slide: each use rotates them and starts a new 30 days. */
export const issuerLifetimes = {
  accessToken: 15 * 60,
  idToken: 60 * 60,
  authorizationCode: 60,
  refreshToken: 30 * 24 * 60 * 60,
  /** The absolute limit of a sign-in: refresh tokens stop working a year after it. */
  grant: 365 * 24 * 60 * 60,
  session: 30 * 24 * 60 * 60,
  interaction: 60 * 60,
} as const;

/** How often expired rows of `oidc_payloads` are deleted. */
export const purgeIntervalMs = 10 * 60 * 1000;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackUrl(url: string): boolean {
  const parsed = URL.parse(url);
  return parsed?.protocol === 'http:' && loopbackHosts.has(parsed.hostname);
}

/**
 * Whether `uri` is a loopback address (any port, http) with one of the allowed paths and no
 * query or fragment: dev servers and tests run the web app on ports the config cannot know.
 */
export function isAllowedLoopbackRedirect(uri: string, paths: readonly string[]): boolean {
  const parsed = URL.parse(uri);
  if (!parsed || !isLoopbackUrl(uri) || parsed.search || parsed.hash || parsed.username || parsed.password) {
    return false;
  }
  return paths.includes(parsed.pathname);
}
