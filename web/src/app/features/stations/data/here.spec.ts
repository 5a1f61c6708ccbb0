import { firstValueFrom } from 'rxjs';
import { locate, locationProblem } from './here';

describe('where the user is', () => {
  it('gives the browser position as lat and lng', async () => {
    const geolocation = {
      getCurrentPosition: (found: PositionCallback) =>
        found({ coords: { latitude: 52.52, longitude: 13.405 } } as GeolocationPosition),
    } as Geolocation;
    await expect(firstValueFrom(locate(geolocation))).resolves.toEqual({ lat: 52.52, lng: 13.405 });
  });

  it('says why the position is missing, and what to do instead', async () => {
    const denied = { code: 1, message: 'User denied Geolocation' };
    const geolocation = {
      getCurrentPosition: (_found: PositionCallback, failed?: PositionErrorCallback | null) =>
        failed?.(denied as GeolocationPositionError),
    } as Geolocation;
    const failure = await firstValueFrom(locate(geolocation)).catch((error: unknown) => error);
    expect(locationProblem(failure)).toBe(
      'Location access is blocked for this site. Allow it in the browser, or search a place instead.',
    );
    expect(locationProblem({ code: 2 })).toBe('Your location is not available right now. Search a place instead.');
    expect(locationProblem({ code: 3 })).toMatch(/took too long/);
    const none = await firstValueFrom(locate(undefined)).catch((error: unknown) => error);
    expect(locationProblem(none)).toBe('This browser cannot share your location. Search a place instead.');
  });
});
