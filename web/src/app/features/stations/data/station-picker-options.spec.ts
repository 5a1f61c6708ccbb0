import type { SearchedStation, Station } from './station';
import {
  formatStationDistance,
  isPickedStation,
  isSearchOption,
  pickerDisplayText,
  searchHeading,
  stationPickerGroups,
  typedTextOf,
} from './station-picker-options';

function saved(id: string, name: string, extra: Partial<Station> = {}): Station {
  return {
    id,
    provider: 'manual',
    providerId: null,
    name,
    brand: null,
    address: null,
    latitude: null,
    longitude: null,
    fuelTypes: [],
    isFavorite: false,
    notes: null,
    distance: null,
    createdAt: '2026-11-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    ...extra,
  };
}

function found(providerId: string, name: string, extra: Partial<SearchedStation> = {}): SearchedStation {
  return {
    provider: 'osm',
    providerId,
    name,
    brand: null,
    address: null,
    latitude: 52.5,
    longitude: 13.4,
    distance: 800,
    stationId: null,
    isFavorite: false,
    ...extra,
  };
}

const base = { searched: undefined, text: '', unit: 'km' as const, locale: 'en-US' };

describe('the station picker’s list', () => {
  it('keeps the saved stations in the API’s order, favorites starred, with brand, address and distance', () => {
    const groups = stationPickerGroups({
      ...base,
      saved: [
        saved('a', 'Aral Mitte', { brand: 'Aral', address: 'Torstr. 1', distance: 420, isFavorite: true }),
        saved('b', 'Corner Gas', { distance: 2540 }),
        saved('c', 'Far Away'),
      ],
    });
    expect(groups.saved).toEqual([
      {
        key: 'saved:a',
        name: 'Aral Mitte',
        details: 'Aral · Torstr. 1 · 420 m',
        isFavorite: true,
        value: { id: 'a', name: 'Aral Mitte' },
      },
      {
        key: 'saved:b',
        name: 'Corner Gas',
        details: '2.5 km',
        isFavorite: false,
        value: { id: 'b', name: 'Corner Gas' },
      },
      { key: 'saved:c', name: 'Far Away', details: '', isFavorite: false, value: { id: 'c', name: 'Far Away' } },
    ]);
    expect(groups.searched).toBeUndefined();
    expect(groups.newName).toBeUndefined();
  });

  it('lists search results after the saved ones, less those listed; one saved before picks that station', () => {
    const groups = stationPickerGroups({
      ...base,
      text: 'shell',
      saved: [saved('a', 'Shell Mitte')],
      searched: [
        found('node/1', 'Shell Mitte', { stationId: 'a', isFavorite: true }),
        found('node/2', 'Shell Nord', { stationId: 'z', distance: 1200 }),
        found('node/3', 'Shell Süd', { brand: 'Shell', distance: 15_400 }),
      ],
    });
    expect(groups.searched?.map((row) => row.key)).toEqual(['osm:node/2', 'osm:node/3']);
    expect(groups.searched?.[0].value).toEqual({ id: 'z', name: 'Shell Nord' });
    expect(isPickedStation(groups.searched?.[0].value)).toBe(true);
    const unsaved = groups.searched?.[1].value;
    expect(isSearchOption(unsaved)).toBe(true);
    expect(groups.searched?.[1].details).toBe('Shell · 15 km');
  });

  it('offers typed text as a new station unless a saved station listed has that name', () => {
    const listed = [saved('a', 'Corner Gas')];
    expect(stationPickerGroups({ ...base, saved: listed, text: 'Joe’s Garage' }).newName).toEqual({
      key: 'new',
      name: 'Joe’s Garage',
      details: '',
      isFavorite: false,
      value: 'Joe’s Garage',
    });
    expect(stationPickerGroups({ ...base, saved: listed, text: 'corner gas' }).newName).toBeUndefined();
    // A search result of that name is not one of the user's stations: the offer stays.
    const searched = [found('node/9', 'Joe’s Garage')];
    expect(stationPickerGroups({ ...base, saved: [], searched, text: 'Joe’s Garage' }).newName?.value).toBe(
      'Joe’s Garage',
    );
  });

  it('heads the search group by what was searched', () => {
    expect(searchHeading('', true)).toBe('Nearby');
    expect(searchHeading('Shell', true)).toBe('Nearby for “Shell”');
    expect(searchHeading('10115 Berlin', false)).toBe('Search for “10115 Berlin”');
  });
});

describe('the station picker’s value', () => {
  it('reads typed text tidied, and nothing to search while a station is picked', () => {
    expect(typedTextOf('  Corner   Gas ')).toBe('Corner Gas');
    expect(typedTextOf({ id: 'a', name: 'Corner Gas' })).toBe('');
    expect(typedTextOf(null)).toBe('');
  });

  it('shows a picked station, or a search result being saved, by its name', () => {
    expect(pickerDisplayText({ id: 'a', name: 'Corner Gas' })).toBe('Corner Gas');
    expect(pickerDisplayText({ result: found('node/1', 'Shell Nord') })).toBe('Shell Nord');
    expect(pickerDisplayText('Joe')).toBe('Joe');
    expect(pickerDisplayText(null)).toBe('');
  });
});

describe('station distances', () => {
  it('uses metres, then kilometres, for people counting in km', () => {
    expect(formatStationDistance(4, 'km', 'en-US')).toBe('10 m');
    expect(formatStationDistance(347, 'km', 'en-US')).toBe('350 m');
    expect(formatStationDistance(1000, 'km', 'en-US')).toBe('1.0 km');
    expect(formatStationDistance(9940, 'km', 'en-US')).toBe('9.9 km');
    expect(formatStationDistance(12_345, 'km', 'de-DE')).toBe('12 km');
    expect(formatStationDistance(1500, 'km', 'de-DE')).toBe('1,5 km');
  });

  it('uses tenths of a mile up close, whole miles further away', () => {
    expect(formatStationDistance(30, 'mi', 'en-US')).toBe('0.1 mi');
    expect(formatStationDistance(643.7, 'mi', 'en-US')).toBe('0.4 mi');
    expect(formatStationDistance(20_000, 'mi', 'en-US')).toBe('12 mi');
  });
});
