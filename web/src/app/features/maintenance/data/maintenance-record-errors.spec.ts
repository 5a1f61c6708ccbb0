import { fieldErrorText, odometerOrderText, placeFieldErrors } from './maintenance-record-errors';

describe('the API’s field errors on the service record form', () => {
  it('reads each message after its field’s name, in the form’s words', () => {
    expect(fieldErrorText('title', 'must be longer than or equal to 1 characters')).toBe(
      'The title must be longer than or equal to 1 characters.',
    );
    expect(fieldErrorText('parts.1.quantity', 'must be above 0')).toBe('The quantity must be above 0.');
    expect(fieldErrorText('parts.0.name', 'must not be empty')).toBe('The part’s name must not be empty.');
    expect(fieldErrorText('totalCost', 'does not match parts + labour (97.96)')).toBe(
      'The total does not match parts + labour (97.96).',
    );
    expect(fieldErrorText('tags', 'each value in tags must be shorter than or equal to 40 characters')).toBe(
      'Each tag must be shorter than or equal to 40 characters.',
    );
    expect(fieldErrorText('odometer', 'Too far!')).toBe('Too far.');
    expect(fieldErrorText('colour', 'is not an accepted field')).toBe('This is not an accepted field.');
    expect(fieldErrorText('title', ' ')).toBe('Not accepted.');
  });

  it('puts each error on its control, a part’s on its row, and says when something has no place', () => {
    const controls = new Set(['title', 'odometer', 'tags', 'parts', 'parts.0', 'parts.0.quantity', 'parts.1']);
    const has = (path: string) => controls.has(path);
    const problem = {
      status: 400,
      errors: [
        { field: 'odometer', message: 'must fit between the neighbouring readings' },
        { field: 'parts.0.quantity', message: 'must be above 0' },
        { field: 'tags.3', message: 'must be a string' },
        { field: 'parts.7.name', message: 'must not be empty' },
      ],
    };
    expect(placeFieldErrors(problem, has, 'The odometer cannot go backwards.')).toEqual({
      fields: [
        { path: 'odometer', message: 'The odometer cannot go backwards.' },
        { path: 'parts.0.quantity', message: 'The quantity must be above 0.' },
        { path: 'tags', message: 'The tags must be a string.' },
        { path: 'parts', message: 'The part’s name must not be empty.' },
      ],
      unplaced: false,
    });
    expect(placeFieldErrors(problem, has, undefined).fields[0].message).toBe(
      'The odometer reading must fit between the neighbouring readings.',
    );
    expect(placeFieldErrors({ errors: [{ field: 'currency', message: 'no' }] }, has, undefined)).toEqual({
      fields: [],
      unplaced: true,
    });
    expect(placeFieldErrors({ status: 500, detail: 'Boom' }, has, undefined)).toEqual({ fields: [], unplaced: true });
    expect(placeFieldErrors(undefined, has, undefined)).toEqual({ fields: [], unplaced: true });
  });

  it('writes the odometer-order 400 with the neighbouring readings and their days', () => {
    const later = {
      id: 'f1',
      source: 'fuel_log',
      odometer: 5400,
      recordedAt: '2026-03-09T18:00:00Z',
      day: '2026-03-09',
    };
    const earlier = {
      id: 'm1',
      source: 'maintenance',
      odometer: 6100.5,
      recordedAt: '2026-03-01T05:00:00Z',
      day: '2026-03-01',
    };
    expect(odometerOrderText({ status: 400, next: later }, 'mi', 'en-US')).toBe(
      'The odometer cannot go backwards: a later fill-up (Mar 9, 2026) reads 5,400 mi.',
    );
    expect(odometerOrderText({ status: 400, previous: earlier, next: later }, 'km', 'en-US')).toBe(
      'The odometer cannot go backwards: an earlier service record (Mar 1, 2026) reads 6,100.5 km and a later ' +
        'fill-up (Mar 9, 2026) reads 5,400 km.',
    );
    const initial = { id: 'v1', source: 'initial', odometer: 9800, day: '2026-01-10' };
    expect(odometerOrderText({ status: 400, previous: initial }, 'mi', 'en-US')).toBe(
      'The odometer cannot go backwards: the initial reading reads 9,800 mi.',
    );
    expect(odometerOrderText({ status: 400 }, 'mi', 'en-US')).toBeUndefined();
    expect(odometerOrderText(undefined, 'mi', 'en-US')).toBeUndefined();
  });
});
