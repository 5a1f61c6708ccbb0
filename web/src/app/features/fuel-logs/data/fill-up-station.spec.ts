import { stationFieldsOf, stationValueOf } from './fill-up-station';

describe('a fill-up’s station in the form', () => {
  it('shows a stored fill-up’s saved station, by its current name', () => {
    expect(stationValueOf({ stationId: 'st-1', stationName: 'Corner Gas' })).toEqual({
      id: 'st-1',
      name: 'Corner Gas',
    });
    expect(stationValueOf({ stationId: null, stationName: null })).toBe('');
  });

  it('sends a picked station by id and typed text by name', () => {
    expect(stationFieldsOf({ id: 'st-1', name: 'Corner Gas' }, 'new')).toEqual({ stationId: 'st-1' });
    expect(stationFieldsOf({ id: 'st-1', name: 'Corner Gas' }, 'changed')).toEqual({ stationId: 'st-1' });
    expect(stationFieldsOf('  Joe’s   Garage ', 'new')).toEqual({ stationName: 'Joe’s Garage' });
    expect(stationFieldsOf('Joe’s Garage', 'changed')).toEqual({ stationName: 'Joe’s Garage' });
  });

  it('sends nothing for an empty field on a new fill-up, and clears the station on an edit', () => {
    expect(stationFieldsOf('', 'new')).toEqual({});
    expect(stationFieldsOf('   ', 'changed')).toEqual({ stationId: null });
  });

  it('leaves an edit’s station alone when the field was not touched', () => {
    expect(stationFieldsOf({ id: 'st-1', name: 'Corner Gas' }, 'unchanged')).toEqual({});
    expect(stationFieldsOf('', 'unchanged')).toEqual({});
  });
});
