import type { SearchedStation, Station } from './station';
import { placedRows, rowOfResult, rowOfStation, withStation } from './station-rows';

const found: SearchedStation = {
  provider: 'osm',
  providerId: 'node/1001',
  name: 'Aral Tankstelle',
  brand: 'Aral',
  address: '5 Unter den Linden, 10117 Berlin',
  latitude: 52.52,
  longitude: 13.407,
  distance: 140,
  fuelTypes: ['diesel'],
  stationId: null,
  isFavorite: false,
};

const saved: Station = {
  id: 'a0c5f3c2-0f7e-4a53-9d55-7f2b1c3d4e5f',
  provider: 'osm',
  providerId: 'node/1001',
  name: 'My Aral',
  brand: 'Aral',
  address: found.address,
  latitude: 52.52,
  longitude: 13.407,
  fuelTypes: ['diesel'],
  isFavorite: true,
  notes: null,
  distance: null,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
};

describe('station rows', () => {
  it('keys a search result and its saved station alike, by provider reference', () => {
    expect(rowOfResult(found).key).toBe('osm:node/1001');
    expect(rowOfStation(saved).key).toBe('osm:node/1001');
    expect(rowOfStation({ ...saved, provider: 'manual', providerId: null }).key).toBe(`station:${saved.id}`);
  });

  it('takes the saved name and star once saved, keeping the distance found', () => {
    const row = withStation(rowOfResult(found), saved);
    expect(row).toMatchObject({ name: 'My Aral', isFavorite: true, stationId: saved.id, distance: 140 });
  });

  it('puts only stations with a place on the map', () => {
    const unplaced = rowOfStation({ ...saved, id: 'b', providerId: 'node/2', latitude: null, longitude: null });
    expect(placedRows([rowOfResult(found), unplaced]).map((row) => row.key)).toEqual(['osm:node/1001']);
  });
});
