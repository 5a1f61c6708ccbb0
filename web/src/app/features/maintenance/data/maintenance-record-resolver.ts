import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RedirectCommand, ResolveFn, Router } from '@angular/router';
import { catchError, of } from 'rxjs';
import { describeError } from '../../../core/problem';
import { MaintenanceRecord } from './maintenance-record';
import { MaintenanceApi } from './maintenance-api';

/** The `:id/edit` route's record (the form's `record` input); one that is not the user's leads to the garage. */
export const maintenanceRecordResolver: ResolveFn<MaintenanceRecord | RedirectCommand> = (route) => {
  const router = inject(Router);
  const snackBar = inject(MatSnackBar);
  return inject(MaintenanceApi)
    .get(route.paramMap.get('id') ?? '')
    .pipe(
      catchError((error: unknown) => {
        const message =
          error instanceof HttpErrorResponse && error.status === 404
            ? 'That service record is not in your garage.'
            : describeError(error, 'The service record could not be loaded.');
        snackBar.open(message, 'Dismiss', { duration: 8000 });
        return of(new RedirectCommand(router.parseUrl('/vehicles')));
      }),
    );
};
