import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { ApiConfig } from '../config/api.config';
import { logoutAutoSubmitScript } from '../identity/issuer/pages';

type SecurityHeadersConfig = Pick<
  ApiConfig,
  'PUBLIC_URL' | 'SERVE_WEB' | 'WEB_DIST_DIR' | 'MAP_TILE_URL' | 'AUTH0_DOMAIN' | 'OIDC_ISSUER_URL'
>;

const hsts = { maxAge: 15_552_000, includeSubDomains: false };

/**
 * Security headers on every answer, computed once at start: the pages (the web app, the issuer's
 * pages, Swagger UI) get helmet's full set, with a Content-Security-Policy that lets in only what
 * they load; API answers (JSON, problems) get the few that matter to a response no browser renders
 * as a page (see `apiSecurityHeadersFor`). HSTS only when people reach the app over HTTPS.
 */
export function registerSecurityHeaders(app: NestFastifyApplication, config: SecurityHeadersConfig): void {
  const pageHeaders = securityHeadersFor(config);
  const apiHeaders = apiSecurityHeadersFor(config);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.headers(isApiAnswer(request.url) ? apiHeaders : pageHeaders);
      done();
    });
}

/** Under /api, except Swagger UI (/api/docs, a page) and its document. */
export function isApiAnswer(url: string): boolean {
  return url.startsWith('/api/') && !url.startsWith('/api/docs');
}

/**
 * The headers helmet sets, computed once: they depend on the configuration alone. (@fastify/helmet
 * rebuilt helmet's middleware, parsing the policy again, on every request.)
 */
export function securityHeadersFor(config: SecurityHeadersConfig): Record<string, string> {
  const https = config.PUBLIC_URL.startsWith('https:');
  const setHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config, https) },
    strictTransportSecurity: https ? hsts : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
  });
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  setHeaders({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/**
 * What an API answer carries, after OWASP's REST Security Cheat Sheet: a policy that lets nothing
 * load or frame it should a browser ever render one, no MIME sniffing, no framing, no cross-origin
 * embedding (a page elsewhere cannot pull our JSON in as a script or image), and HSTS over HTTPS.
 * The page headers (script hashes, tile servers, the issuer's origins: about 900 bytes) would cost
 * every API answer a third of a health check's CPU, to protect a page that is not there.
 * Document content sets its own policy (`content-response.ts`).
 */
export function apiSecurityHeadersFor(config: Pick<SecurityHeadersConfig, 'PUBLIC_URL'>): Record<string, string> {
  const https = config.PUBLIC_URL.startsWith('https:');
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(https ? { 'strict-transport-security': `max-age=${hsts.maxAge}` } : {}),
  };
}

export function contentSecurityPolicy(config: SecurityHeadersConfig, https: boolean) {
  const issuer = externalIssuerOrigin(config);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inlineScriptHashes(config)],
    // Angular Material and the critical CSS Angular inlines set styles inline, as do Swagger UI and
    // the issuer's pages; inline styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    // Documents are previewed from object URLs (blob:): photos as images, PDFs in a frame.
    'img-src': ["'self'", 'data:', 'blob:', ...tileSources(config.MAP_TILE_URL)],
    'frame-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(issuer ? [issuer] : [])],
    'form-action': ["'self'", new URL(config.PUBLIC_URL).origin, ...(issuer ? [issuer] : [])],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
  };
  if (https) directives['upgrade-insecure-requests'] = [];
  return directives;
}

/**
 * The hashes of the inline code the pages carry, read from the built index.html at start: the web
 * app's theme snippet, the `onload` with which Angular's critical-CSS inlining swaps in the full
 * stylesheet (an event handler, so it needs 'unsafe-hashes', limited to that hash), and the
 * issuer's sign-out.
 */
function inlineScriptHashes(config: SecurityHeadersConfig): string[] {
  const scripts = [logoutAutoSubmitScript];
  const handlers: string[] = [];
  const index = join(config.WEB_DIST_DIR, 'index.html');
  if (config.SERVE_WEB && existsSync(index)) {
    const html = readFileSync(index, 'utf8');
    scripts.push(...inlineScriptsOf(html));
    handlers.push(...inlineEventHandlersOf(html));
  }
  const hashes = [...new Set([...scripts, ...handlers])].map(
    (code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`,
  );
  return handlers.length > 0 ? ["'unsafe-hashes'", ...hashes] : hashes;
}

export function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[1]);
}

export function inlineEventHandlersOf(html: string): string[] {
  return [...html.matchAll(/\son[a-z]+="([^"]*)"/gi)].map((match) => match[1].replaceAll('&#39;', "'"));
}

/** `https://{s}.tile.example.org/{z}/{x}/{y}.png` → `https://*.tile.example.org`: a placeholder host is any subdomain. */
export function tileSources(tileUrl: string): string[] {
  const match = /^(https?:\/\/)([^/]+)/i.exec(tileUrl);
  if (!match) return [];
  const host = match[2].replace(/\{[^}]+\}/g, '*').replace(/^(\*[^.]*\.)/, '*.');
  return [`${match[1]}${host}`];
}

function externalIssuerOrigin(config: SecurityHeadersConfig): string | undefined {
  if (config.AUTH0_DOMAIN) return `https://${config.AUTH0_DOMAIN.replace(/^https?:\/\//, '').replace(/\/.*$/, '')}`;
  return config.OIDC_ISSUER_URL ? new URL(config.OIDC_ISSUER_URL).origin : undefined;
}
