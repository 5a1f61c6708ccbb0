import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger, MatOption } from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import type { ErrorStateMatcher } from '@angular/material/core';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { finalize, map } from 'rxjs';
import { firstErrorFocuser } from '../../../core/forms/focus-first-error';
import { describeError, problemOf } from '../../../core/problem';
import { Reminder, ReminderVehicle } from '../data/reminder';
import {
  ReminderFormField,
  isStartField,
  newReminderOf,
  placeReminderErrors,
  reminderFieldsOf,
  reminderFormValue,
} from '../data/reminder-body';
import { matchingCategories } from '../../maintenance';
import { createReminderForm, fieldError } from '../data/reminder-form';
import { RemindersApi } from '../data/reminders-api';

export interface ReminderFormData {
  vehicle: ReminderVehicle;
  /** The reminder to edit; none: a new one for the vehicle. */
  reminder?: Reminder;
}

/** Adds or edits a reminder: what, its category, recurring or once, and notes. Closes with the saved reminder. */
@Component({
  selector: 'mvp-reminder-form-dialog',
  imports: [
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatDialogActions,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatSuffix,
    ReactiveFormsModule,
  ],
  templateUrl: './reminder-form-dialog.html',
  styleUrl: './reminder-form-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReminderFormDialog {
  private readonly api = inject(RemindersApi);
  private readonly dialogRef = inject<MatDialogRef<ReminderFormDialog, Reminder>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly focusFirstError = firstErrorFocuser('mat-button-toggle-group');
  protected readonly data = inject<ReminderFormData>(MAT_DIALOG_DATA);

  protected readonly form = createReminderForm(inject(NonNullableFormBuilder));
  private readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly unit = this.data.vehicle.odometerUnit;
  protected readonly recurring = computed(() => this.value().schedule === 'recurring');
  protected readonly startOpen = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | undefined>(undefined);
  protected readonly categories = computed(() => matchingCategories(this.value().category));
  /** The months and distance (or date and odometer) show the missing-pair error together. */
  protected readonly pairMatcher: ErrorStateMatcher = {
    isErrorState: (control) => !!control?.touched && (control.invalid || this.form.hasError('schedule')),
  };

  constructor() {
    const { reminder } = this.data;
    if (reminder) this.form.reset(reminderFormValue(reminder));
  }

  protected error(field: ReminderFormField): string | undefined {
    this.value();
    return fieldError(this.form, field);
  }

  protected save(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return this.focusFirstError();
    if (this.saving()) return;
    const value = this.form.getRawValue();
    const { reminder, vehicle } = this.data;
    const request = reminder
      ? this.api.update(reminder.id, reminderFieldsOf(value, true))
      : this.api.create(newReminderOf(value, vehicle.id));
    this.saving.set(true);
    this.problem.set(undefined);
    request
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (saved) => this.dialogRef.close(saved),
        error: (error: unknown) => this.showErrors(error),
      });
  }

  protected cancel(): void {
    this.dialogRef.close();
  }

  private showErrors(error: unknown): void {
    const placed = placeReminderErrors(problemOf(error), this.form.getRawValue().schedule);
    for (const { field, message } of placed.fields) {
      const control = this.form.controls[field];
      control.setErrors({ ...control.errors, server: message });
      control.markAsTouched();
      if (isStartField(field)) this.startOpen.set(true);
    }
    if (placed.unplaced) this.problem.set(describeError(error, 'The reminder could not be saved.'));
    this.focusFirstError();
  }
}
