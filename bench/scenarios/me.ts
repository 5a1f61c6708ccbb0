import { signUp } from '../../api/test/support/oidc-login';
import { defineScenario } from '../lib/scenario';

/**
 * What authentication costs on the hot path: the same API, the same user, one access token from the
 * embedded issuer's real sign-up flow, sent on every request as a browser would. The guard verifies
 * it once (RS256 through the JWKS path) and then serves it from its cache of verified tokens.
 */
export default defineScenario({
  name: 'me',
  title: 'GET /api/me (JWT from the embedded issuer, 1 user row) vs public GET /api/health, same API',
  goal: 'authenticated ≥ 0.85 × public requests/s',
  minRatio: 0.85,
  prepare: async ({ apiUrl, log }) => {
    const tokens = await signUp(apiUrl, {
      email: 'bench@example.com',
      password: 'bench-password-1',
      displayName: 'Bench',
    });
    log(`signed up bench@example.com; access token valid for ${tokens.expiresIn} s`);
    return { token: tokens.accessToken };
  },
  subject: {
    label: 'ours /api/me (JWT)',
    server: 'api',
    requests: ({ token }) => [{ path: '/api/me', headers: { authorization: `Bearer ${token}` } }],
  },
  baseline: {
    label: 'ours /api/health (public)',
    server: 'api',
    requests: () => [{ path: '/api/health' }],
  },
});
