import { Signal, inject } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Observable } from 'rxjs';
import { describeError } from '../problem';
import { firstErrorFocuser } from './focus-first-error';
import { saveRunner } from './save-runner';

/** What a form page's model offers for saving: its rules check, its request and its server errors. */
export interface SavableForm<T> {
  readonly form: AbstractControl;
  /** Marks the fields and says whether the form may be sent. */
  validate(): boolean;
  request(): Observable<T>;
  /** Puts the server's field errors on their fields; false when the error names none. */
  placeErrors(error: unknown): boolean;
}

export interface FormSaver<T> {
  readonly saving: Signal<boolean>;
  /**
   * Checks the form (focusing the first error), sends it once at a time and, when it is saved,
   * marks it pristine and calls `saved`. A failure goes on its fields, or in a snack bar.
   */
  save(saved: (value: T) => void): void;
}

/**
 * For a form page: saves `model`, saying `failure` when the server's error names no field.
 * `alsoFocusable`: what `firstErrorFocuser` may focus besides the fields. Call in an injection context.
 */
export function formSaver<T>(model: SavableForm<T>, failure: string, ...alsoFocusable: string[]): FormSaver<T> {
  const snackBar = inject(MatSnackBar);
  const focusFirstError = firstErrorFocuser(...alsoFocusable);
  const runner = saveRunner();
  return {
    saving: runner.saving,
    save(saved) {
      if (!model.validate()) {
        focusFirstError();
        return;
      }
      if (runner.saving()) return;
      runner.run(model.request(), {
        next: (value) => {
          model.form.markAsPristine();
          saved(value);
        },
        error: (error) => {
          if (!model.placeErrors(error)) {
            snackBar.open(describeError(error, failure), 'Dismiss', { duration: 8000 });
          }
          focusFirstError();
        },
      });
    },
  };
}
