import { join } from 'node:path';
import { z } from 'zod';
import {
  ConfigError,
  databaseKeys,
  flag,
  httpUrl,
  loadConfig,
  logFormat,
  logLevel,
  nonEmpty,
  port,
  positiveInt,
  redisUrl,
} from '@mvp/common';
import { cookieKeysFromLines, signingJwkFromPem } from '../identity/issuer/issuer-keys';

export const apiConfigKeys = {
  PORT: port(),
  HOST: nonEmpty(),
  PUBLIC_URL: httpUrl().optional(),
  DATA_DIR: nonEmpty(),
  ...databaseKeys,
  REDIS_URL: redisUrl().optional(),
  CACHE_NAMESPACE: nonEmpty(),
  CACHE_TTL_SECONDS: positiveInt(),
  REPORT_CACHE_MB: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (no report cache) or more'),
  LOG_LEVEL: logLevel(),
  LOG_FORMAT: logFormat(),
  AUTH0_DOMAIN: nonEmpty().optional(),
  AUTH0_AUDIENCE: nonEmpty().optional(),
  OIDC_ISSUER_URL: httpUrl().optional(),
  OIDC_AUDIENCE: nonEmpty().optional(),
  AUTH_WEB_CLIENT_ID: nonEmpty().optional(),
  AUTH_REGISTRATION: z.enum(['open', 'closed'], { error: 'must be open or closed' }),
  AUTH_SIGNING_KEY: nonEmpty().optional(),
  AUTH_COOKIE_KEY: nonEmpty().optional(),
  AUTH_SIGN_IN_LIMIT_PER_MINUTE: positiveInt(),
  AUTH_SIGN_UP_LIMIT_PER_MINUTE: positiveInt(),
  API_WRITE_LIMIT_PER_MINUTE: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be 0 (no limit) or more'),
  CORS_ORIGINS: z
    .string({ error: 'must be text' })
    .optional()
    .transform((value, context) => originsOf(value ?? '', context)),
  PLATFORM_HOST: nonEmpty(),
  PLATFORM_TCP_PORT: port(),
  PLATFORM_VEHICLES_API_KEY: nonEmpty().optional(),
  PLATFORM_TIMEOUT_MS: positiveInt(),
  SERVE_WEB: flag(),
  WEB_DIST_DIR: nonEmpty(),
  JOBS_ENABLED: flag(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: nonEmpty().optional(),
  NOTIFICATIONS_TIMEOUT_MS: positiveInt(),
  NOTIFICATIONS_RETRY_DELAY_MS: positiveInt(),
  NOTIFICATIONS_MAX_ATTEMPTS: positiveInt(),
  DOCUMENTS_DIR: nonEmpty().optional(),
  DOCUMENTS_S3_BUCKET: nonEmpty().optional(),
  DOCUMENTS_S3_ENDPOINT: httpUrl().optional(),
  DOCUMENTS_S3_REGION: nonEmpty(),
  DOCUMENTS_S3_FORCE_PATH_STYLE: flag(),
  DOCUMENTS_S3_ACCESS_KEY_ID: nonEmpty().optional(),
  DOCUMENTS_S3_SECRET_ACCESS_KEY: nonEmpty().optional(),
  DOCUMENTS_MAX_BYTES: positiveInt(),
  DOCUMENTS_QUOTA_BYTES: positiveInt(),
  DOCUMENTS_RETENTION_DAYS: positiveInt(),
  STATIONS_PROVIDER: z.enum(['osm', 'google'], { error: 'must be osm or google' }),
  STATIONS_TIMEOUT_MS: positiveInt(),
  OVERPASS_URL: httpUrl(),
  GEOCODER_URL: httpUrl(),
  GOOGLE_PLACES_URL: httpUrl(),
  GOOGLE_MAPS_API_KEY: nonEmpty().optional(),
  STATIONS_CACHE_TTL_SECONDS: positiveInt(),
  MAP_TILE_URL: nonEmpty(),
  MAP_TILE_ATTRIBUTION: nonEmpty(),
  METRICS_TOKEN: nonEmpty().optional(),
  METRICS_PORT: port().optional(),
};

/** `https://a.example, https://b.example` → the origins, each checked to be one (scheme, host, port; no path). */
function originsOf(value: string, context: z.RefinementCtx): string[] {
  const origins = value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    const url = URL.parse(origin);
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin.replace(/\/$/, '')) {
      context.addIssue({ code: 'custom', message: `"${origin}" is not an origin such as https://app.example.com` });
    }
  }
  return origins.map((origin) => origin.replace(/\/$/, ''));
}

export type ApiConfig = ReturnType<typeof loadApiConfig>;

export const API_CONFIG = Symbol('API_CONFIG');

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env) {
  const config = loadConfig(apiConfigKeys, { service: 'api', env });
  checkIdentityProvider(config);
  checkIssuerKeys(config);
  if (config.SMTP_URL && !config.MAIL_FROM) {
    throw new ConfigError('MAIL_FROM', 'is needed with SMTP_URL: the sender address of e-mails');
  }
  checkDocumentStorage(config);
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT !== 0 && config.METRICS_PORT === config.PORT) {
    throw new ConfigError('METRICS_PORT', `must differ from PORT (${config.PORT}): metrics get a port of their own`);
  }
  if (config.STATIONS_PROVIDER === 'google' && !config.GOOGLE_MAPS_API_KEY) {
    throw new ConfigError(
      'GOOGLE_MAPS_API_KEY',
      'is needed with STATIONS_PROVIDER google: a Places API (New) key, best as the secret file google-maps-api-key',
    );
  }
  return {
    ...config,
    PUBLIC_URL: config.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
    DOCUMENTS_DIR: config.DOCUMENTS_DIR ?? join(config.DATA_DIR, 'documents'),
  };
}

/**
 * The embedded issuer's keys come as a pair (secret files auth-signing-key and auth-cookie-key):
 * replicas given only one would still sign with keys of their own data folder.
 */
function checkIssuerKeys(config: { AUTH_SIGNING_KEY?: string; AUTH_COOKIE_KEY?: string }): void {
  const [signing, cookie] = ['AUTH_SIGNING_KEY', 'AUTH_COOKIE_KEY'] as const;
  if (config[signing] && !config[cookie])
    throw new ConfigError(cookie, `is needed with ${signing} (${secretFileOf(cookie)})`);
  if (config[cookie] && !config[signing])
    throw new ConfigError(signing, `is needed with ${cookie} (${secretFileOf(signing)})`);
  const parse: [key: typeof signing | typeof cookie, read: (text: string) => unknown][] = [
    [signing, signingJwkFromPem],
    [cookie, cookieKeysFromLines],
  ];
  for (const [key, read] of parse) {
    const value = config[key];
    if (!value) continue;
    try {
      read(value);
    } catch (error) {
      throw new ConfigError(key, `(${secretFileOf(key)}) ${(error as Error).message}`);
    }
  }
}

function secretFileOf(key: string): string {
  return `secret file ${key.toLowerCase().replaceAll('_', '-')}`;
}

/** S3 settings only make sense with a bucket, and credentials come as a pair (or not at all: the SDK's own chain). */
function checkDocumentStorage(config: Record<string, unknown>): void {
  const needBucket = ['DOCUMENTS_S3_ENDPOINT', 'DOCUMENTS_S3_ACCESS_KEY_ID', 'DOCUMENTS_S3_SECRET_ACCESS_KEY'];
  const orphan = needBucket.find((key) => config[key]);
  if (orphan && !config.DOCUMENTS_S3_BUCKET) {
    throw new ConfigError('DOCUMENTS_S3_BUCKET', `is needed with ${orphan}: the bucket documents are stored in`);
  }
  const [id, secret] = ['DOCUMENTS_S3_ACCESS_KEY_ID', 'DOCUMENTS_S3_SECRET_ACCESS_KEY'];
  if (config[id] && !config[secret]) throw new ConfigError(secret, `is needed with ${id}`);
  if (config[secret] && !config[id]) throw new ConfigError(id, `is needed with ${secret}`);
}

/** Auth0, another OIDC issuer, or neither (the embedded issuer): never half of one. */
function checkIdentityProvider(config: Record<string, unknown>): void {
  if (config.AUTH0_DOMAIN && config.OIDC_ISSUER_URL) {
    throw new ConfigError('OIDC_ISSUER_URL', 'cannot be set together with AUTH0_DOMAIN: choose one issuer');
  }
  const pairs = [
    ['AUTH0_DOMAIN', 'AUTH0_AUDIENCE'],
    ['OIDC_ISSUER_URL', 'OIDC_AUDIENCE'],
  ] as const;
  for (const [issuerKey, audienceKey] of pairs) {
    if (config[issuerKey] && !config[audienceKey]) throw new ConfigError(audienceKey, `is needed with ${issuerKey}`);
    if (config[audienceKey] && !config[issuerKey]) throw new ConfigError(issuerKey, `is needed with ${audienceKey}`);
    if (config[issuerKey] && !config.AUTH_WEB_CLIENT_ID) {
      throw new ConfigError('AUTH_WEB_CLIENT_ID', `is needed with ${issuerKey}: the web app's client id there`);
    }
  }
}
