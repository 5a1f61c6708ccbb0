import { formatDistance, formatPrice, gradeLabel, stationSubtitle } from './station-format';

describe('station formatting', () => {
  it('gives distances in the user unit, short ones in metres or feet', () => {
    expect(formatDistance(347, 'km', 'en-US')).toBe('350 m');
    expect(formatDistance(1234, 'km', 'en-US')).toBe('1.2 km');
    expect(formatDistance(12_345, 'km', 'en-US')).toBe('12 km');
    expect(formatDistance(1234, 'km', 'de-DE')).toBe('1,2 km');
    expect(formatDistance(120, 'mi', 'en-US')).toBe('390 ft');
    expect(formatDistance(650, 'mi', 'en-US')).toBe('0.4 mi');
    expect(formatDistance(20_000, 'mi', 'en-US')).toBe('12 mi');
  });

  it('gives a price per unit to a tenth of a cent', () => {
    expect(formatPrice(3.459, 'USD', 'gal_us', 'en-US')).toBe('$3.459/gal');
    expect(formatPrice(0.39, 'EUR', 'kwh', 'en-US')).toBe('€0.390/kWh');
    expect(formatPrice(1.8, 'GBP', 'l', 'en-GB')).toBe('£1.800/L');
  });

  it('names grades and sums a station up in one line', () => {
    expect(gradeLabel('91')).toBe('91');
    expect(gradeLabel('octane_95')).toBe('Octane 95');
    expect(gradeLabel('diesel')).toBe('Diesel');
    expect(gradeLabel('unspecified')).toBe('Unspecified grade');
    expect(stationSubtitle({ name: 'Shell', brand: 'Shell', address: null })).toBe('');
    expect(stationSubtitle({ name: 'Aral Tankstelle', brand: 'Aral', address: '5 Unter den Linden' })).toBe(
      'Aral · 5 Unter den Linden',
    );
  });
});
