import type { Vehicle } from '../../vehicles';
import {
  currencySymbolOf,
  opensMoreDetails,
  quantityUnitFor,
  vehicleChoices,
  vehicleToPick,
  zoneNoteFor,
} from './fill-up-defaults';
import type { FuelLog } from './fuel-log';

const vehicle = (id: string, fields: Partial<Vehicle> = {}) =>
  ({ id, status: 'active', fuelTypes: ['gasoline'], ...fields }) as Vehicle;

describe('what the fill-up form starts with', () => {
  const sold = vehicle('sold', { status: 'sold' });
  const car = vehicle('car');
  const bike = vehicle('bike');

  it('picks the vehicle asked for, else the last one used here, else the first still in use', () => {
    expect(vehicleToPick([sold, car, bike], 'bike', 'car')).toBe(bike);
    expect(vehicleToPick([sold, car, bike], 'gone', 'car')).toBe(car);
    expect(vehicleToPick([sold, car, bike], undefined, 'sold')).toBe(sold);
    expect(vehicleToPick([sold, car, bike], undefined, undefined)).toBe(car);
    expect(vehicleToPick([sold], undefined, undefined)).toBe(sold);
    expect(vehicleToPick([], 'car', undefined)).toBeUndefined();
  });

  it('lists sold vehicles only when the fill-up is theirs', () => {
    expect(vehicleChoices([sold, car], 'car')).toEqual([car]);
    expect(vehicleChoices([sold, car], 'sold')).toEqual([sold, car]);
  });

  it('counts an electric vehicle in kWh, others in the user’s volume unit', () => {
    expect(quantityUnitFor(vehicle('ev', { fuelTypes: ['electric'] }), 'l')).toBe('kwh');
    expect(quantityUnitFor(vehicle('phev', { fuelTypes: ['gasoline', 'electric'] }), 'l')).toBe('l');
    expect(quantityUnitFor(car, undefined)).toBe('gal_us');
  });

  it('opens "More details" on an edit with something there', () => {
    const log = { fuelGrade: null, stationId: null, stationName: null, notes: null, quantityUnit: 'gal_us' } as FuelLog;
    expect(opensMoreDetails(log, 'gal_us')).toBe(false);
    expect(opensMoreDetails({ ...log, stationId: 'st-1', stationName: 'Shell' }, 'gal_us')).toBe(true);
    expect(opensMoreDetails(log, 'l')).toBe(true);
  });

  it('names the currency and the profile’s time zone', () => {
    expect(currencySymbolOf('USD', 'en-US')).toBe('$');
    expect(currencySymbolOf('XYZ', 'en-US')).toBe('XYZ');
    expect(currencySymbolOf('not a code', 'en-US')).toBe('not a code');
    expect(zoneNoteFor('America/New_York', 'Europe/Paris')).toBe("In America/New York, your profile's time zone.");
    expect(zoneNoteFor('Europe/Paris', 'Europe/Paris')).toBeUndefined();
    expect(zoneNoteFor(undefined, 'Europe/Paris')).toBeUndefined();
  });
});
