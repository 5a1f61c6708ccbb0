import { exportJWK, generateKeyPair, JWTPayload, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

export interface SignOptions {
  /** Defaults: the issuer's own `iss`, its audience, a fresh `sub`, valid for an hour. */
  claims?: JWTPayload;
  kid?: string;
  /** Sign with another key (e.g. one the JWKS does not publish). */
  keys?: KeyPair;
  /** Leave out `exp`. */
  noExpiry?: boolean;
}

/**
 * A stand-in OpenID issuer for tests: an RS256 key pair, discovery and JWKS on 127.0.0.1, and a
 * count of JWKS fetches. Start the API with `apiEnv()` and sign tokens with `sign()`.
 */
export interface FakeIssuer {
  url: string;
  audience: string;
  clientId: string;
  kid: string;
  keys: KeyPair;
  jwksFetches: number;
  discoveryFetches: number;
  apiEnv(): Record<string, string>;
  sign(options?: SignOptions): Promise<string>;
  close(): Promise<void>;
}

export async function startFakeIssuer(audience = 'motovaultpro-test'): Promise<FakeIssuer> {
  const keys = await generateKeyPair('RS256', { extractable: true });
  const kid = `test-${randomUUID().slice(0, 8)}`;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid, alg: 'RS256', use: 'sig' };
  const server: Server = createServer((request, response) => {
    const send = (body: unknown) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.url === '/.well-known/openid-configuration') {
      issuer.discoveryFetches += 1;
      return send({
        issuer: issuer.url,
        jwks_uri: `${issuer.url}/jwks`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (request.url === '/jwks') {
      issuer.jwksFetches += 1;
      return send({ keys: [jwk] });
    }
    response.writeHead(404).end();
  });
  const issuer: FakeIssuer = {
    url: '',
    audience,
    clientId: 'motovaultpro-web-test',
    kid,
    keys,
    jwksFetches: 0,
    discoveryFetches: 0,
    apiEnv: () => ({ OIDC_ISSUER_URL: issuer.url, OIDC_AUDIENCE: audience, AUTH_WEB_CLIENT_ID: issuer.clientId }),
    sign: async (options = {}) => {
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = {
        iss: issuer.url,
        aud: audience,
        sub: `fake|${randomUUID()}`,
        iat: now,
        ...(options.noExpiry ? {} : { exp: now + 3600 }),
        ...options.claims,
      };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? kid })
        .sign((options.keys ?? keys).privateKey);
    },
    close: () => new Promise((done) => server.close(() => done())),
  };
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  issuer.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return issuer;
}
