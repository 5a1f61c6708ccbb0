import {
  apiSecurityHeadersFor,
  contentSecurityPolicy,
  inlineEventHandlersOf,
  inlineScriptsOf,
  isApiAnswer,
  tileSources,
} from './security-headers';

const config = {
  PUBLIC_URL: 'http://localhost:3001',
  SERVE_WEB: false,
  WEB_DIST_DIR: '/nonexistent',
  MAP_TILE_URL: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
};

describe('the Content-Security-Policy', () => {
  it('names the tile server, with a placeholder host as any subdomain', () => {
    expect(tileSources('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toEqual(['https://tile.openstreetmap.org']);
    expect(tileSources('https://{s}.tile.example.org/{z}/{x}/{y}.png')).toEqual(['https://*.tile.example.org']);
    expect(tileSources('data:image/svg+xml,<svg/>')).toEqual([]);
  });

  it('finds inline scripts and event handlers, not scripts loaded by src', () => {
    const html =
      '<script>var a = 1;</script><script src="main.js"></script>' +
      '<link rel="stylesheet" href="styles.css" media="print" onload="this.media=\'all\'">';
    expect(inlineScriptsOf(html)).toEqual(['var a = 1;']);
    expect(inlineEventHandlersOf(html)).toEqual(["this.media='all'"]);
  });

  it("adds an external issuer to connect-src and form-action, and only the issuer's origin", () => {
    const directives = contentSecurityPolicy(
      { ...config, OIDC_ISSUER_URL: 'https://id.example.com/realms/home' },
      false,
    );
    expect(directives['connect-src']).toEqual(["'self'", 'https://id.example.com']);
    expect(directives['form-action']).toContain('https://id.example.com');
    expect(contentSecurityPolicy({ ...config, AUTH0_DOMAIN: 'tenant.eu.auth0.com' }, false)['connect-src']).toEqual([
      "'self'",
      'https://tenant.eu.auth0.com',
    ]);
  });

  it('never lets inline script in wholesale, and upgrades requests only over HTTPS', () => {
    const directives = contentSecurityPolicy(config, false);
    expect(directives['script-src']).not.toContain("'unsafe-inline'");
    expect(directives['script-src']).not.toContain("'unsafe-hashes'");
    expect(directives['upgrade-insecure-requests']).toBeUndefined();
    expect(contentSecurityPolicy(config, true)['upgrade-insecure-requests']).toEqual([]);
  });
});

describe('API answers', () => {
  it('are everything under /api but Swagger UI and its document', () => {
    expect(isApiAnswer('/api/vehicles?limit=5')).toBe(true);
    expect(isApiAnswer('/api/health')).toBe(true);
    expect(isApiAnswer('/api/docs')).toBe(false);
    expect(isApiAnswer('/api/docs-json')).toBe(false);
    expect(isApiAnswer('/auth/session/end')).toBe(false);
    expect(isApiAnswer('/settings')).toBe(false);
    expect(isApiAnswer('/apiary')).toBe(false);
  });

  it('carry a policy that lets nothing in, and HSTS only over HTTPS', () => {
    const plain = apiSecurityHeadersFor(config);
    expect(plain['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(plain['strict-transport-security']).toBeUndefined();
    expect(apiSecurityHeadersFor({ PUBLIC_URL: 'https://garage.example' })['strict-transport-security']).toBe(
      'max-age=15552000',
    );
  });
});
