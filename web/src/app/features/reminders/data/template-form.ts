import { AbstractControl, FormGroup, NonNullableFormBuilder, ValidationErrors, ValidatorFn } from '@angular/forms';
import { ReminderTemplate } from './reminder';
import { maxIntervalMonths, typedNumber } from './reminder-form';
import { TemplateRowValue, templateRowValue } from './template-choices';

/** A ticked row needs months, a distance or both. */
const intervalGiven: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const row = group.getRawValue() as TemplateRowValue;
  return !row.selected || row.intervalMonths.trim() || row.intervalDistance.trim() ? null : { interval: true };
};

/** One row of the picker: ticked or not, and its interval as typed. A template the vehicle has is disabled. */
export function createTemplateRow(fb: NonNullableFormBuilder, template: ReminderTemplate) {
  const value = templateRowValue(template);
  const group = fb.group(
    {
      key: [value.key],
      selected: [value.selected],
      intervalMonths: [value.intervalMonths, typedNumber(0, 1, maxIntervalMonths)],
      intervalDistance: [value.intervalDistance, typedNumber(1, 1, 1_000_000)],
    },
    { validators: intervalGiven },
  );
  if (template.added) group.disable();
  return group;
}

export type TemplateRowForm = ReturnType<typeof createTemplateRow>;

/** The message under a row's field: its own, the server's, or the missing interval's. */
export function templateFieldError(row: FormGroup, field: 'intervalMonths' | 'intervalDistance'): string | undefined {
  const control = row.get(field);
  if (!control?.touched) return undefined;
  const own: unknown = control.getError('typedNumber') ?? control.getError('server');
  if (typeof own === 'string') return own;
  return row.hasError('interval') ? 'Give months, a distance or both.' : undefined;
}
