import { fieldErrorText, isDetailField, odometerOrderText, placeFieldErrors } from './fuel-log-errors';
import type { FuelLogFormField } from './fuel-log-form';

describe('the API’s field errors on the fill-up form', () => {
  it('reads each message after its field’s name, in the form’s words', () => {
    expect(fieldErrorText('quantity', 'must be a positive number')).toBe('The quantity must be a positive number.');
    expect(fieldErrorText('totalCost', 'must match quantity × pricePerUnit.')).toBe(
      'The total must match quantity × price.',
    );
    expect(fieldErrorText('notes', 'Too long!')).toBe('Too long.');
    expect(fieldErrorText('quantity', 'give any two of quantity, pricePerUnit and totalCost')).toBe(
      'Give any two of quantity, price and total.',
    );
    expect(fieldErrorText('odometer', ' ')).toBe('Not accepted.');
  });

  it('puts the odometer-order sentence under the odometer, and says when something has no field', () => {
    const problem = {
      status: 400,
      errors: [
        { field: 'odometer', message: 'must not go backwards' },
        { field: 'fuelGrade', message: 'must be shorter' },
      ],
    };
    expect(placeFieldErrors(problem, 'The odometer cannot go backwards.')).toEqual({
      fields: [
        { field: 'odometer', message: 'The odometer cannot go backwards.' },
        { field: 'fuelGrade', message: 'The grade must be shorter.' },
      ],
      unplaced: false,
    });
    expect(placeFieldErrors(problem, undefined).fields[0].message).toBe('The odometer reading must not go backwards.');
    expect(placeFieldErrors({ errors: [{ field: 'tags', message: 'no' }] }, undefined)).toEqual({
      fields: [],
      unplaced: true,
    });
    expect(placeFieldErrors({ status: 500, detail: 'Boom' }, undefined)).toEqual({ fields: [], unplaced: true });
    expect(placeFieldErrors(undefined, undefined)).toEqual({ fields: [], unplaced: true });
  });

  it('puts errors about the saved station or the typed name under the station picker', () => {
    const problem = {
      status: 400,
      errors: [
        { field: 'stationId', message: 'must be a station id' },
        { field: 'stationName', message: 'must be shorter than or equal to 120 characters' },
      ],
    };
    expect(placeFieldErrors(problem, undefined)).toEqual({
      fields: [
        { field: 'station', message: 'The station must be a station id.' },
        { field: 'station', message: 'The station must be shorter than or equal to 120 characters.' },
      ],
      unplaced: false,
    });
    expect(placeFieldErrors({ errors: [{ field: 'toString', message: 'no' }] }, undefined).unplaced).toBe(true);
  });

  it('opens "More details" for the fields behind it', () => {
    const behindIt: FuelLogFormField[] = ['fuelGrade', 'station', 'notes', 'quantityUnit'];
    expect(behindIt.every(isDetailField)).toBe(true);
    expect(isDetailField('odometer')).toBe(false);
  });

  it('writes the odometer-order 400 with the neighbouring readings, in the user’s locale and zone', () => {
    const problem = {
      status: 400,
      previous: { filledAt: '2026-11-20T23:45:00Z', odometer: 5400 },
      next: { filledAt: '2026-11-22T12:00:00Z', odometer: 5600.5 },
    };
    expect(odometerOrderText(problem, 'mi', 'en-US', 'America/Chicago')).toBe(
      'The odometer cannot go backwards: an earlier fill-up (Nov 20, 2026, 5:45 PM) reads 5,400 mi and a later one ' +
        '(Nov 22, 2026, 6:00 AM) reads 5,600.5 mi.',
    );
    expect(odometerOrderText({ ...problem, previous: undefined }, 'km', 'en-US', 'UTC')).toMatch(
      /^The odometer cannot go backwards: a later fill-up \(.+\) reads 5,600\.5 km\.$/,
    );
    expect(odometerOrderText({ status: 400 }, 'mi', 'en-US', 'UTC')).toBeUndefined();
    expect(odometerOrderText(undefined, 'mi', 'en-US', 'UTC')).toBeUndefined();
  });
});
