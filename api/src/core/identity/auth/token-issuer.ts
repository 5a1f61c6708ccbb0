import type { ApiConfig } from '../../config/api.config';

/** Whose JWTs the guard accepts: the `iss` and `aud` they must carry and where their keys are. */
export interface TokenIssuer {
  kind: 'auth0' | 'oidc' | 'embedded';
  issuer: string;
  audience: string;
  /** Resolved on first use: the embedded issuer's URL is known only after listen, OIDC's needs discovery. */
  jwksUri(): Promise<string>;
}

/** The embedded issuer's audience: what its JWT access tokens carry in `aud`. */
export const embeddedAudience = 'motovaultpro';

export function tokenIssuerFor(
  config: Pick<ApiConfig, 'AUTH0_DOMAIN' | 'AUTH0_AUDIENCE' | 'OIDC_ISSUER_URL' | 'OIDC_AUDIENCE' | 'PUBLIC_URL'>,
  listeningUrl: () => string,
  fetchJson: (url: string) => Promise<unknown> = defaultFetchJson,
): TokenIssuer {
  if (config.AUTH0_DOMAIN && config.AUTH0_AUDIENCE) {
    const domain = config.AUTH0_DOMAIN.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    return {
      kind: 'auth0',
      issuer: `https://${domain}/`,
      audience: config.AUTH0_AUDIENCE,
      jwksUri: async () => `https://${domain}/.well-known/jwks.json`,
    };
  }
  if (config.OIDC_ISSUER_URL && config.OIDC_AUDIENCE) {
    const issuer = config.OIDC_ISSUER_URL;
    return {
      kind: 'oidc',
      issuer,
      audience: config.OIDC_AUDIENCE,
      jwksUri: async () => {
        const discoveryUrl = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
        const discovery = (await fetchJson(discoveryUrl)) as { jwks_uri?: unknown };
        if (typeof discovery.jwks_uri !== 'string') throw new Error(`${discoveryUrl} names no jwks_uri`);
        return discovery.jwks_uri;
      },
    };
  }
  return {
    kind: 'embedded',
    issuer: `${config.PUBLIC_URL.replace(/\/+$/, '')}/auth`,
    audience: embeddedAudience,
    // Over HTTP from ourselves, like any external issuer: the same path Auth0's keys take.
    jwksUri: async () => `${listeningUrl()}/auth/jwks`,
  };
}

async function defaultFetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}
