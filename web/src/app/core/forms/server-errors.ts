import { AbstractControl } from '@angular/forms';
import { problemOf, sentence } from '../problem';

/** The server's word on a control (what `placeServerErrors` put there), if it has one. */
export function serverError(control: AbstractControl): string | undefined {
  const error: unknown = control.getError('server');
  return typeof error === 'string' ? error : undefined;
}

/**
 * Puts each field error of a problem on the control of `form` its field names, as a `server`
 * error, and touches it. False when the problem names no field, or a field `form` does not have:
 * then the caller says what failed elsewhere.
 */
export function placeServerErrors(form: AbstractControl, error: unknown): boolean {
  const errors = problemOf(error)?.errors ?? [];
  let unplaced = false;
  for (const fieldError of errors) {
    const control = form.get(fieldError.field);
    if (control) {
      control.setErrors({ ...control.errors, server: sentence(fieldError.message) });
      control.markAsTouched();
    } else {
      unplaced = true;
    }
  }
  return errors.length > 0 && !unplaced;
}
