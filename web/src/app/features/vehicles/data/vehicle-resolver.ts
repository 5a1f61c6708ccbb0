import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRouteSnapshot, RedirectCommand, ResolveFn, Router } from '@angular/router';
import { catchError, of } from 'rxjs';
import { describeError } from '../../../core/problem';
import { Vehicle } from './vehicle';
import { VehiclesApi } from './vehicles-api';

/**
 * The `:id` route's vehicle, for the detail and edit pages (as their `vehicle` input). One that is
 * not the user's (404) or cannot be loaded leads back to the garage, saying why.
 */
export const vehicleResolver: ResolveFn<Vehicle | RedirectCommand> = (route) => {
  const router = inject(Router);
  const snackBar = inject(MatSnackBar);
  return inject(VehiclesApi)
    .get(route.paramMap.get('id') ?? '')
    .pipe(
      catchError((error: unknown) => {
        const message =
          error instanceof HttpErrorResponse && error.status === 404
            ? 'That vehicle is not in your garage.'
            : describeError(error, 'The vehicle could not be loaded.');
        snackBar.open(message, 'Dismiss', { duration: 8000 });
        return of(new RedirectCommand(router.parseUrl('/vehicles')));
      }),
    );
};

/** The resolved vehicle of this route or the nearest parent that has one. */
export function resolvedVehicle(route: ActivatedRouteSnapshot): Vehicle | undefined {
  for (let current: ActivatedRouteSnapshot | null = route; current; current = current.parent) {
    const vehicle = current.data['vehicle'] as Vehicle | undefined;
    if (vehicle) return vehicle;
  }
  return undefined;
}
