import { authConfigFor } from './auth-config.controller';

describe('authConfigFor', () => {
  const base = { PUBLIC_URL: 'https://vehicles.example.com', AUTH_REGISTRATION: 'open' as const };

  it('describes the embedded issuer when nothing else is configured', () => {
    expect(authConfigFor(base)).toEqual({
      issuer: 'https://vehicles.example.com/auth',
      clientId: 'motovaultpro-web',
      audience: 'motovaultpro',
      resource: 'urn:motovaultpro',
      scope: 'openid profile email offline_access',
      registration: 'open',
      embedded: true,
    });
  });

  it('describes Auth0 by its domain', () => {
    expect(
      authConfigFor({
        ...base,
        AUTH0_DOMAIN: 'https://tenant.eu.auth0.com/',
        AUTH0_AUDIENCE: 'https://vehicles.example.com/api',
        AUTH_WEB_CLIENT_ID: 'abc123',
      }),
    ).toEqual({
      issuer: 'https://tenant.eu.auth0.com/',
      clientId: 'abc123',
      audience: 'https://vehicles.example.com/api',
      scope: 'openid profile email offline_access',
      registration: 'closed',
      embedded: false,
    });
  });

  it('describes another OIDC issuer by its URL', () => {
    expect(
      authConfigFor({
        ...base,
        OIDC_ISSUER_URL: 'https://id.example.com/realms/home',
        OIDC_AUDIENCE: 'motovaultpro',
        AUTH_WEB_CLIENT_ID: 'motovaultpro-web',
      }),
    ).toMatchObject({ issuer: 'https://id.example.com/realms/home', audience: 'motovaultpro', embedded: false });
  });
});
