import { startStandIn } from './stand-in-server';

/** A station as Overpass answers it: a node tagged amenity=fuel. */
export interface OverpassStation {
  type: 'node';
  id: number;
  lat: number;
  lon: number;
  tags: Record<string, string>;
}

/** The one place the geocoder stand-in finds, whatever is asked. */
export const standInPlace = { place_id: 1, lat: '52.5200', lon: '13.4050', display_name: 'Mitte, Berlin, Germany' };

/**
 * One local server standing in for Overpass (at /api/interpreter) and the geocoder (at /search),
 * which tests and benches cannot reach: `env` points the API at it. It keeps no requests, so a long
 * run does not grow it.
 */
export async function startStationProvidersStandIn(stations: OverpassStation[] = []) {
  const standIn = await startStandIn();
  standIn.answer = ({ path }) => {
    standIn.requests.length = 0;
    return path.startsWith('/api/interpreter')
      ? { json: { version: 0.6, elements: stations } }
      : { json: [standInPlace] };
  };
  return {
    url: standIn.url,
    env: { OVERPASS_URL: `${standIn.url}/api/interpreter`, GEOCODER_URL: standIn.url },
    close: () => standIn.close(),
  };
}
