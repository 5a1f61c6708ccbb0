import { FactoryProvider } from '@nestjs/common';
import { readAppVersion } from '@mvp/common';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import { GoogleStationsProvider } from './google.provider';
import { OsmStationsProvider } from './osm.provider';
import { STATIONS_PROVIDER, StationsProvider } from './stations-provider';

/** The provider STATIONS_PROVIDER names, set up from the API's config. */
export function createStationsProvider(config: ApiConfig, version = readAppVersion('api')): StationsProvider {
  // Public services ask for an identifying User-Agent with a way to reach the operator.
  const userAgent = `MotoVaultPro/${version} (+${config.PUBLIC_URL})`;
  const timeoutMs = config.STATIONS_TIMEOUT_MS;
  if (config.STATIONS_PROVIDER === 'google') {
    // loadApiConfig refuses google without a key.
    const apiKey = config.GOOGLE_MAPS_API_KEY ?? '';
    return new GoogleStationsProvider({ placesUrl: config.GOOGLE_PLACES_URL, apiKey, timeoutMs, userAgent });
  }
  return new OsmStationsProvider({
    overpassUrl: config.OVERPASS_URL,
    geocoderUrl: config.GEOCODER_URL,
    timeoutMs,
    userAgent,
  });
}

export const stationsProvider: FactoryProvider<StationsProvider> = {
  provide: STATIONS_PROVIDER,
  inject: [API_CONFIG],
  useFactory: (config: ApiConfig) => createStationsProvider(config),
};
