import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_CONFIG, loadApiConfig } from '../../core/config/api.config';
import { GoogleStationsProvider } from './external/google.provider';
import { OsmStationsProvider } from './external/osm.provider';
import { STATIONS_PROVIDER, StationsProvider } from './external/stations-provider';
import { StationsModule } from './stations.module';

describe('StationsModule', () => {
  let secretsDir: string;

  beforeEach(() => (secretsDir = mkdtempSync(join(tmpdir(), 'mvp-stations-'))));
  afterEach(() => rmSync(secretsDir, { recursive: true, force: true }));

  async function providerFor(env: Record<string, string>): Promise<StationsProvider> {
    // The app's CoreModule provides API_CONFIG globally; this stands in for it.
    @Global()
    @Module({
      providers: [{ provide: API_CONFIG, useValue: loadApiConfig({ SECRETS_DIR: secretsDir, ...env }) }],
      exports: [API_CONFIG],
    })
    class ConfigOnly {}
    const module = await Test.createTestingModule({ imports: [ConfigOnly, StationsModule] }).compile();
    return module.get<StationsProvider>(STATIONS_PROVIDER);
  }

  it('provides OpenStreetMap by default', async () => {
    const provider = await providerFor({});
    expect(provider).toBeInstanceOf(OsmStationsProvider);
    expect(provider.name).toBe('osm');
  });

  it('provides Google Places when STATIONS_PROVIDER says so and the key is there', async () => {
    writeFileSync(join(secretsDir, 'google-maps-api-key'), 'AIzaExample');
    const provider = await providerFor({ STATIONS_PROVIDER: 'google' });
    expect(provider).toBeInstanceOf(GoogleStationsProvider);
    expect(provider.name).toBe('google');
  });
});
