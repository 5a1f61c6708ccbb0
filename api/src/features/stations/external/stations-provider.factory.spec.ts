import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApiConfig } from '../../../core/config/api.config';
import { GoogleStationsProvider } from './google.provider';
import { OsmStationsProvider } from './osm.provider';
import { createStationsProvider } from './stations-provider.factory';

describe('createStationsProvider', () => {
  let secretsDir: string;

  beforeEach(() => (secretsDir = mkdtempSync(join(tmpdir(), 'mvp-stations-'))));
  afterEach(() => rmSync(secretsDir, { recursive: true, force: true }));

  const providerFor = (env: Record<string, string>) =>
    createStationsProvider(loadApiConfig({ SECRETS_DIR: secretsDir, ...env }), '1.0.0');

  it('provides OpenStreetMap by default', () => {
    const provider = providerFor({});
    expect(provider).toBeInstanceOf(OsmStationsProvider);
    expect(provider.name).toBe('osm');
  });

  it('provides Google Places when STATIONS_PROVIDER says so and the key is there', () => {
    writeFileSync(join(secretsDir, 'google-maps-api-key'), 'AIzaExample');
    const provider = providerFor({ STATIONS_PROVIDER: 'google' });
    expect(provider).toBeInstanceOf(GoogleStationsProvider);
    expect(provider.name).toBe('google');
  });
});
