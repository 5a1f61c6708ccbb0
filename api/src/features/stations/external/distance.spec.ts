import { byDistanceFrom, metresBetween } from './distance';

describe('metresBetween', () => {
  it('measures along the great circle, in whole metres', () => {
    // Paris (Notre-Dame) to London (Charing Cross): about 343.5 km.
    const paris = { latitude: 48.853, longitude: 2.3499 };
    const london = { latitude: 51.5073, longitude: -0.1276 };
    expect(metresBetween(paris, london)).toBeGreaterThan(343_000);
    expect(metresBetween(paris, london)).toBeLessThan(344_500);
    expect(metresBetween(paris, paris)).toBe(0);
  });

  it('puts one thousandth of a degree of latitude at about 111 m', () => {
    expect(metresBetween({ latitude: 0, longitude: 0 }, { latitude: 0.001, longitude: 0 })).toBe(111);
  });
});

describe('byDistanceFrom', () => {
  it('adds the distance and sorts nearest first', () => {
    const station = (providerId: string, latitude: number) => ({
      provider: 'osm' as const,
      providerId,
      name: providerId,
      brand: null,
      address: null,
      latitude,
      longitude: 0,
    });
    const sorted = byDistanceFrom({ latitude: 0, longitude: 0 }, [station('far', 0.02), station('near', 0.001)]);
    expect(sorted.map((s) => [s.providerId, s.distance])).toEqual([
      ['near', 111],
      ['far', 2224],
    ]);
  });
});
