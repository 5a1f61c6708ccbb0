import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApiConfig } from './api.config';

describe('api config: documents', () => {
  let secretsDir: string;
  const load = (env: Record<string, string>) => loadApiConfig({ SECRETS_DIR: secretsDir, ...env });

  beforeEach(() => (secretsDir = mkdtempSync(join(tmpdir(), 'mvp-secrets-'))));
  afterEach(() => rmSync(secretsDir, { recursive: true, force: true }));

  it('keeps documents under DATA_DIR/documents unless DOCUMENTS_DIR says otherwise', () => {
    expect(load({ DATA_DIR: '/srv/mvp' }).DOCUMENTS_DIR).toBe(join('/srv/mvp', 'documents'));
    expect(load({ DATA_DIR: '/srv/mvp', DOCUMENTS_DIR: '/mnt/files' }).DOCUMENTS_DIR).toBe('/mnt/files');
  });

  it('reads the S3 credentials from secret files', () => {
    writeFileSync(join(secretsDir, 'documents-s3-access-key-id'), 'AKIDEXAMPLE\n');
    writeFileSync(join(secretsDir, 'documents-s3-secret-access-key'), 'very-secret\n');
    const config = load({ DOCUMENTS_S3_BUCKET: 'files', DOCUMENTS_S3_ENDPOINT: 'http://127.0.0.1:9000/' });
    expect(config).toMatchObject({
      DOCUMENTS_S3_BUCKET: 'files',
      DOCUMENTS_S3_ENDPOINT: 'http://127.0.0.1:9000',
      DOCUMENTS_S3_REGION: 'us-east-1',
      DOCUMENTS_S3_FORCE_PATH_STYLE: false,
      DOCUMENTS_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      DOCUMENTS_S3_SECRET_ACCESS_KEY: 'very-secret',
    });
  });

  it('refuses S3 settings without a bucket, half a key pair, and a bad endpoint, naming the key', () => {
    expect(() => load({ DOCUMENTS_S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(
      /DOCUMENTS_S3_BUCKET is needed with DOCUMENTS_S3_ENDPOINT/,
    );
    expect(() => load({ DOCUMENTS_S3_BUCKET: 'files', DOCUMENTS_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE' })).toThrow(
      /DOCUMENTS_S3_SECRET_ACCESS_KEY is needed with DOCUMENTS_S3_ACCESS_KEY_ID/,
    );
    expect(() => load({ DOCUMENTS_S3_BUCKET: 'files', DOCUMENTS_S3_ENDPOINT: 'ftp://files' })).toThrow(
      /DOCUMENTS_S3_ENDPOINT must be an http:\/\/ or https:\/\/ URL/,
    );
    expect(() => load({ DOCUMENTS_S3_BUCKET: 'files', DOCUMENTS_S3_FORCE_PATH_STYLE: 'maybe' })).toThrow(
      /DOCUMENTS_S3_FORCE_PATH_STYLE must be true or false/,
    );
  });
});

describe('api config: stations', () => {
  let secretsDir: string;
  const load = (env: Record<string, string>) => loadApiConfig({ SECRETS_DIR: secretsDir, ...env });

  beforeEach(() => (secretsDir = mkdtempSync(join(tmpdir(), 'mvp-secrets-'))));
  afterEach(() => rmSync(secretsDir, { recursive: true, force: true }));

  it('searches OpenStreetMap through the public services by default, for at most 5 s', () => {
    expect(load({})).toMatchObject({
      STATIONS_PROVIDER: 'osm',
      STATIONS_TIMEOUT_MS: 5000,
      OVERPASS_URL: 'https://overpass-api.de/api/interpreter',
      GEOCODER_URL: 'https://nominatim.openstreetmap.org',
      GOOGLE_PLACES_URL: 'https://places.googleapis.com',
    });
  });

  it('takes the Google key from the secret file google-maps-api-key', () => {
    writeFileSync(join(secretsDir, 'google-maps-api-key'), 'AIzaExample\n');
    expect(load({ STATIONS_PROVIDER: 'google' })).toMatchObject({
      STATIONS_PROVIDER: 'google',
      GOOGLE_MAPS_API_KEY: 'AIzaExample',
    });
  });

  it('refuses google without a key, an unknown provider and a bad URL, naming the key', () => {
    expect(() => load({ STATIONS_PROVIDER: 'google' })).toThrow(/GOOGLE_MAPS_API_KEY is needed with STATIONS_PROVIDER/);
    expect(() => load({ STATIONS_PROVIDER: 'bing' })).toThrow(/STATIONS_PROVIDER must be osm or google/);
    expect(() => load({ OVERPASS_URL: 'overpass' })).toThrow(/OVERPASS_URL must be an http:\/\/ or https:\/\/ URL/);
    expect(() => load({ STATIONS_TIMEOUT_MS: '0' })).toThrow(/STATIONS_TIMEOUT_MS must be above 0/);
  });
});

describe('api config: metrics', () => {
  let secretsDir: string;
  const load = (env: Record<string, string>) => loadApiConfig({ SECRETS_DIR: secretsDir, ...env });

  beforeEach(() => (secretsDir = mkdtempSync(join(tmpdir(), 'mvp-secrets-'))));
  afterEach(() => rmSync(secretsDir, { recursive: true, force: true }));

  it('has no metrics by default, and takes the token from the secret file metrics-token', () => {
    const defaults = load({});
    expect([defaults.METRICS_TOKEN, defaults.METRICS_PORT]).toEqual([undefined, undefined]);
    writeFileSync(join(secretsDir, 'metrics-token'), '');
    expect(load({}).METRICS_TOKEN).toBeUndefined();
    writeFileSync(join(secretsDir, 'metrics-token'), 'scrape-me\n');
    expect(load({}).METRICS_TOKEN).toBe('scrape-me');
  });

  it('refuses a metrics port that is not a port or is the API port, naming the key', () => {
    expect(load({ METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    expect(() => load({ METRICS_PORT: 'x' })).toThrow(/METRICS_PORT must be a port number/);
    expect(() => load({ PORT: '3001', METRICS_PORT: '3001' })).toThrow(/METRICS_PORT must differ from PORT/);
  });
});

describe('api config: HTTP hygiene', () => {
  const load = (env: Record<string, string>) => loadApiConfig({ SECRETS_DIR: '/nonexistent', ...env });

  it('allows no other origin and limits writes by default', () => {
    expect(load({})).toMatchObject({ CORS_ORIGINS: [], API_WRITE_LIMIT_PER_MINUTE: 600 });
  });

  it('reads CORS_ORIGINS as a list of origins', () => {
    expect(load({ CORS_ORIGINS: ' https://dash.example.com, http://localhost:4200/ ,' }).CORS_ORIGINS).toEqual([
      'https://dash.example.com',
      'http://localhost:4200',
    ]);
  });

  it.each(['dash.example.com', 'https://dash.example.com/app', 'ftp://files.example.com', '*'])(
    'refuses %s as an origin, naming the key',
    (origin) => {
      expect(() => load({ CORS_ORIGINS: origin })).toThrow(/CORS_ORIGINS/);
    },
  );

  it('takes 0 as no write limit and refuses a negative one', () => {
    expect(load({ API_WRITE_LIMIT_PER_MINUTE: '0' }).API_WRITE_LIMIT_PER_MINUTE).toBe(0);
    expect(() => load({ API_WRITE_LIMIT_PER_MINUTE: '-1' })).toThrow(/API_WRITE_LIMIT_PER_MINUTE/);
  });
});

describe('api config: report cache', () => {
  const load = (env: Record<string, string>) => loadApiConfig({ SECRETS_DIR: '/nonexistent', ...env });

  it('keeps 16 MB of reports by default, none at 0, and refuses a negative or fractional size', () => {
    expect(load({}).REPORT_CACHE_MB).toBe(16);
    expect(load({ REPORT_CACHE_MB: '0' }).REPORT_CACHE_MB).toBe(0);
    expect(() => load({ REPORT_CACHE_MB: '-1' })).toThrow(/REPORT_CACHE_MB/);
    expect(() => load({ REPORT_CACHE_MB: '1.5' })).toThrow(/REPORT_CACHE_MB must be a whole number/);
  });
});
