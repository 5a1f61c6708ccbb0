import {
  betterIsHigher,
  displayEconomyUnit,
  economyUnits,
  economyValue,
  fromKm,
  fromLitres,
  isElectricUnit,
  toKm,
  toLitres,
} from './economy-units';

describe('economyValue', () => {
  it('converts 100 km on 8 L into each liquid unit', () => {
    expect(economyValue(100, 8, 'l_per_100km')).toBe(8);
    expect(economyValue(100, 8, 'km_per_l')).toBe(12.5);
    // 100 × 3.785411784 / (8 × 1.609344) = 29.4018229166…
    expect(economyValue(100, 8, 'mpg_us')).toBeCloseTo(29.4018229167, 9);
    // 100 × 4.54609 / (8 × 1.609344) = 35.3101170414…
    expect(economyValue(100, 8, 'mpg_uk')).toBeCloseTo(35.3101170415, 9);
  });

  it('converts 150 km on 25 kWh into each electric unit', () => {
    expect(economyValue(150, 25, 'kwh_per_100km')).toBeCloseTo(16.6666666667, 9);
    // 150 / 1.609344 / 25 = 3.7282271534…
    expect(economyValue(150, 25, 'mi_per_kwh')).toBeCloseTo(3.7282271534, 9);
  });

  it('keeps the well-known products: mpg × L/100 km = 235.2146 (US), 282.4809 (UK)', () => {
    const distanceKm = 437.2;
    const litres = 31.7;
    const per100 = economyValue(distanceKm, litres, 'l_per_100km');
    expect(economyValue(distanceKm, litres, 'mpg_us') * per100).toBeCloseTo(235.2145833333, 9);
    expect(economyValue(distanceKm, litres, 'mpg_uk') * per100).toBeCloseTo(282.4809363318, 9);
  });

  it('refuses a window without distance or fuel', () => {
    expect(() => economyValue(0, 8, 'km_per_l')).toThrow(RangeError);
    expect(() => economyValue(100, 0, 'l_per_100km')).toThrow(RangeError);
  });
});

describe('economy units', () => {
  it('lists the liquid and electric units', () => {
    expect(economyUnits).toEqual(['mpg_us', 'mpg_uk', 'l_per_100km', 'km_per_l', 'mi_per_kwh', 'kwh_per_100km']);
    expect(economyUnits.filter(isElectricUnit)).toEqual(['mi_per_kwh', 'kwh_per_100km']);
  });

  it('shows a liquid vehicle in the preferred unit and an electric one in its counterpart', () => {
    expect(displayEconomyUnit('mpg_uk', 'liquid')).toBe('mpg_uk');
    expect(displayEconomyUnit('mpg_us', 'electric')).toBe('mi_per_kwh');
    expect(displayEconomyUnit('mpg_uk', 'electric')).toBe('mi_per_kwh');
    expect(displayEconomyUnit('l_per_100km', 'electric')).toBe('kwh_per_100km');
    expect(displayEconomyUnit('km_per_l', 'electric')).toBe('kwh_per_100km');
  });

  it('knows consumption units are better when lower', () => {
    expect(economyUnits.filter((unit) => !betterIsHigher(unit))).toEqual(['l_per_100km', 'kwh_per_100km']);
  });
});

describe('volume and distance', () => {
  it('converts with the exact definitions', () => {
    expect(toLitres(10, 'gal_us')).toBeCloseTo(37.85411784, 12);
    expect(toLitres(10, 'gal_uk')).toBeCloseTo(45.4609, 12);
    expect(toLitres(10, 'l')).toBe(10);
    expect(toKm(100, 'mi')).toBeCloseTo(160.9344, 12);
    expect(toKm(100, 'km')).toBe(100);
    expect(fromKm(160.9344, 'mi')).toBeCloseTo(100, 12);
  });

  it('round-trips', () => {
    for (const unit of ['l', 'gal_us', 'gal_uk'] as const)
      expect(fromLitres(toLitres(12.345, unit), unit)).toBeCloseTo(12.345, 12);
    for (const unit of ['mi', 'km'] as const) expect(fromKm(toKm(48210.4, unit), unit)).toBeCloseTo(48210.4, 9);
  });
});
