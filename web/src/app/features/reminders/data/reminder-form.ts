import { AbstractControl, NonNullableFormBuilder, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { ReminderFormValue, Schedule, missingScheduleText, reminderFormValue } from './reminder-body';
import { parseTypedNumber } from './typed-number';

/** Longest interval the API takes: 50 years. */
export const maxIntervalMonths = 600;

/** A typed number with at most `decimals` decimals, within `min`..`max`; blank passes. */
export function typedNumber(decimals: number, min: number, max: number): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = parseTypedNumber(control.value ?? '', decimals);
    if (value === null) return null;
    if (value === 'invalid') return { typedNumber: decimals === 0 ? 'Enter a whole number.' : 'Enter a number.' };
    if (value < min || value > max) return { typedNumber: `Enter ${min} to ${max.toLocaleString('en-US')}.` };
    return null;
  };
}

/** The two fields of the chosen schedule: one of them must be given. */
const scheduleGiven: ValidatorFn = (group: AbstractControl): ValidationErrors | null => {
  const value = group.value as ReminderFormValue;
  const given =
    value.schedule === 'recurring'
      ? value.intervalMonths.trim() || value.intervalDistance.trim()
      : value.dueDate || value.dueOdometer.trim();
  return given ? null : { schedule: missingScheduleText[value.schedule] };
};

export function createReminderForm(fb: NonNullableFormBuilder) {
  const value = reminderFormValue();
  const distance = typedNumber(1, 1, 1_000_000);
  const odometer = typedNumber(1, 0, 99_999_999);
  return fb.group(
    {
      title: [value.title, [Validators.required, Validators.maxLength(100)]],
      category: [value.category, [Validators.required, Validators.maxLength(40)]],
      schedule: [value.schedule as Schedule],
      intervalMonths: [value.intervalMonths, typedNumber(0, 1, maxIntervalMonths)],
      intervalDistance: [value.intervalDistance, distance],
      dueDate: [value.dueDate],
      dueOdometer: [value.dueOdometer, odometer],
      startDate: [value.startDate],
      startOdometer: [value.startOdometer, odometer],
      notes: [value.notes, Validators.maxLength(4000)],
    },
    { validators: scheduleGiven },
  );
}

export type ReminderForm = ReturnType<typeof createReminderForm>;

/** What to say under a field: its own error, the server's, or (`schedule`) the missing pair. */
export function fieldError(
  form: ReminderForm,
  field: Exclude<keyof ReminderFormValue, 'schedule'>,
): string | undefined {
  const control = form.controls[field];
  if (!control.touched) return undefined;
  if (control.hasError('required')) return field === 'title' ? 'Give it a title.' : 'Pick or type a category.';
  if (control.hasError('maxlength')) return 'That is too long.';
  const own: unknown = control.getError('typedNumber') ?? control.getError('server');
  if (typeof own === 'string') return own;
  const pair = form.value.schedule === 'once' ? ['dueDate', 'dueOdometer'] : ['intervalMonths', 'intervalDistance'];
  const missing: unknown = form.getError('schedule');
  return pair.includes(field) && typeof missing === 'string' ? missing : undefined;
}
