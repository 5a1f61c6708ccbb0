/**
 * What a bare list server does before its query: verifies the RS256 JWT (issuer, audience, signature
 * against the same keys, on every request: no cache of verified tokens) as the API's guard does.
 */
import { createLocalJWKSet, jwtVerify } from 'jose';

/** The user id (`sub`) of a request's bearer token, or null when the token does not verify. */
export function bearerVerifier(): (authorization: string | undefined) => Promise<string | null> {
  const keys = createLocalJWKSet(JSON.parse(process.env.BENCH_JWKS ?? '{"keys":[]}'));
  const issuer = process.env.BENCH_ISSUER;
  const audience = process.env.BENCH_AUDIENCE;
  return async (authorization) => {
    const token = authorization?.replace(/^Bearer /, '') ?? '';
    try {
      const { payload } = await jwtVerify(token, keys, { issuer, audience, algorithms: ['RS256'] });
      return String(payload.sub);
    } catch {
      return null;
    }
  };
}
