import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RedirectCommand, ResolveFn, Router } from '@angular/router';
import { catchError, of } from 'rxjs';
import { describeError } from '../../../core/problem';
import { FuelLog } from './fuel-log';
import { FuelLogsApi } from './fuel-logs-api';

/** The `:id/edit` route's fill-up (the form's `fuelLog` input); one that is not the user's leads to /fuel. */
export const fuelLogResolver: ResolveFn<FuelLog | RedirectCommand> = (route) => {
  const router = inject(Router);
  const snackBar = inject(MatSnackBar);
  return inject(FuelLogsApi)
    .get(route.paramMap.get('id') ?? '')
    .pipe(
      catchError((error: unknown) => {
        const message =
          error instanceof HttpErrorResponse && error.status === 404
            ? 'That fill-up is not in your log.'
            : describeError(error, 'The fill-up could not be loaded.');
        snackBar.open(message, 'Dismiss', { duration: 8000 });
        return of(new RedirectCommand(router.parseUrl('/fuel')));
      }),
    );
};
