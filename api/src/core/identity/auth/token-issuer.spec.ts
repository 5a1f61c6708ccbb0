import { tokenIssuerFor } from './token-issuer';

const base = { PUBLIC_URL: 'https://cars.example.com' };
const listening = () => 'http://127.0.0.1:41234';

describe('tokenIssuerFor', () => {
  it('Auth0: issuer with a trailing slash, JWKS at the well-known path', async () => {
    const issuer = tokenIssuerFor({ ...base, AUTH0_DOMAIN: 'tenant.eu.auth0.com', AUTH0_AUDIENCE: 'api' }, listening);
    expect(issuer).toMatchObject({ kind: 'auth0', issuer: 'https://tenant.eu.auth0.com/', audience: 'api' });
    expect(await issuer.jwksUri()).toBe('https://tenant.eu.auth0.com/.well-known/jwks.json');
  });

  it('another OIDC issuer: its URL as iss, the JWKS address from discovery, fetched only when asked', async () => {
    const fetched: string[] = [];
    const issuer = tokenIssuerFor(
      { ...base, OIDC_ISSUER_URL: 'https://id.example.com/realms/home', OIDC_AUDIENCE: 'account' },
      listening,
      async (url) => {
        fetched.push(url);
        return { jwks_uri: 'https://id.example.com/realms/home/protocol/openid-connect/certs' };
      },
    );
    expect(issuer).toMatchObject({ kind: 'oidc', issuer: 'https://id.example.com/realms/home', audience: 'account' });
    expect(fetched).toEqual([]);
    expect(await issuer.jwksUri()).toBe('https://id.example.com/realms/home/protocol/openid-connect/certs');
    expect(fetched).toEqual(['https://id.example.com/realms/home/.well-known/openid-configuration']);
  });

  it('a discovery document without jwks_uri is an error', async () => {
    const issuer = tokenIssuerFor(
      { ...base, OIDC_ISSUER_URL: 'https://id.example.com', OIDC_AUDIENCE: 'a' },
      listening,
      async () => ({}),
    );
    await expect(issuer.jwksUri()).rejects.toThrow(/jwks_uri/);
  });

  it('embedded: PUBLIC_URL/auth as iss, keys over HTTP from the API itself', async () => {
    const issuer = tokenIssuerFor(base, listening);
    expect(issuer).toMatchObject({
      kind: 'embedded',
      issuer: 'https://cars.example.com/auth',
      audience: 'motovaultpro',
    });
    expect(await issuer.jwksUri()).toBe('http://127.0.0.1:41234/auth/jwks');
  });
});
