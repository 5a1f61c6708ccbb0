import { searchUnavailableText } from './station-search-problem';

describe('the provider behind the search is down', () => {
  it('says which service and why, and that saved stations still work', () => {
    const problem = { status: 503, title: 'Service Unavailable', provider: 'overpass', reason: 'timeout' };
    expect(searchUnavailableText(problem)).toBe(
      'Station search is unavailable right now (OpenStreetMap took too long to answer); your saved stations still work.',
    );
    expect(searchUnavailableText({ provider: 'google', reason: 'quota' })).toBe(
      'Station search is unavailable right now (Google Places is over its quota); your saved stations still work.',
    );
    expect(searchUnavailableText({ provider: 'elsewhere' })).toBe(
      'Station search is unavailable right now (elsewhere); your saved stations still work.',
    );
    expect(searchUnavailableText(null)).toBe(
      'Station search is unavailable right now; your saved stations still work.',
    );
  });
});
