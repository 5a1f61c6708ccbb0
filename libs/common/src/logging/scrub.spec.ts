import { scrubVins } from './scrub';

describe('scrubVins', () => {
  it.each([
    ['/api/vehicles/vin/1HGCM82633A004352', '/api/vehicles/vin/***'],
    ['/api/v1/vin/1hgcm82633a004352?x=1', '/api/v1/vin/***?x=1'],
    ['/api/v1/vin/not-a-vin', '/api/v1/vin/***'],
    ['/api/vehicles?vin=1HGCM82633A004352&page=2', '/api/vehicles?vin=***&page=2'],
    ['/api/things/1HGCM82633A004352/x', '/api/things/***/x'],
  ])('hides the VIN in %s', (url, expected) => {
    expect(scrubVins(url)).toBe(expected);
  });

  it('leaves other URLs alone', () => {
    const url = '/api/vehicles/6f1c1a52-9a8e-4f57-8e3b-0d0d7a1b2c3d?page=2&pageSize=25';
    expect(scrubVins(url)).toBe(url);
  });
});
