import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRouteSnapshot, RedirectCommand, ResolveFn, Router } from '@angular/router';
import { catchError, of } from 'rxjs';
import { describeError } from '../../../core/problem';
import { Station } from './station';
import { StationsApi } from './stations-api';

/**
 * The `:id` route's station, for the station page (its `station` input) and its title. One that is
 * not the user's (404) or cannot be loaded leads back to the stations, saying why.
 */
export const stationResolver: ResolveFn<Station | RedirectCommand> = (route) => {
  const router = inject(Router);
  const snackBar = inject(MatSnackBar);
  return inject(StationsApi)
    .get(route.paramMap.get('id') ?? '')
    .pipe(
      catchError((error: unknown) => {
        const message =
          error instanceof HttpErrorResponse && error.status === 404
            ? 'That station is not one of yours.'
            : describeError(error, 'The station could not be loaded.');
        snackBar.open(message, 'Dismiss', { duration: 8000 });
        return of(new RedirectCommand(router.parseUrl('/stations')));
      }),
    );
};

/** The resolved station of this route or its parent. */
export function resolvedStation(route: ActivatedRouteSnapshot): Station | undefined {
  for (let current: ActivatedRouteSnapshot | null = route; current; current = current.parent) {
    const station = current.data['station'] as Station | undefined;
    if (station) return station;
  }
  return undefined;
}
