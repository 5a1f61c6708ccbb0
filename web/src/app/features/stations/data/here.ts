import { Observable } from 'rxjs';

/** Where the user is, as the API's `lat` and `lng` take it. */
export interface Here {
  lat: number;
  lng: number;
}

const permissionDenied = 1;
const positionUnavailable = 2;
const timedOut = 3;

/** Asks the browser once where the user is; errors with the `GeolocationPositionError` (or none: no geolocation). */
export function locate(geolocation: Geolocation | undefined): Observable<Here> {
  return new Observable<Here>((subscriber) => {
    if (!geolocation) {
      subscriber.error(undefined);
      return;
    }
    let open = true;
    geolocation.getCurrentPosition(
      ({ coords }) => {
        if (!open) return;
        subscriber.next({ lat: coords.latitude, lng: coords.longitude });
        subscriber.complete();
      },
      (error) => open && subscriber.error(error),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
    return () => (open = false);
  });
}

/** Why "Near me" found nothing, in plain words, with what to do instead. */
export function locationProblem(error: unknown): string {
  const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
  switch (code) {
    case permissionDenied:
      return 'Location access is blocked for this site. Allow it in the browser, or search a place instead.';
    case positionUnavailable:
      return 'Your location is not available right now. Search a place instead.';
    case timedOut:
      return 'Finding your location took too long. Try again, or search a place instead.';
    default:
      return 'This browser cannot share your location. Search a place instead.';
  }
}
