import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { saveRunner } from '../../../core/forms/save-runner';
import { placeServerErrors, serverError } from '../../../core/forms/server-errors';
import { describeError } from '../../../core/problem';
import { Station } from '../data/station';
import { StationsApi } from '../data/stations-api';

/** A saved station's own name and notes ("cheapest diesel in town, cash only"). */
@Component({
  selector: 'mvp-station-details-form',
  imports: [MatButton, MatError, MatFormField, MatHint, MatInput, MatLabel, ReactiveFormsModule],
  template: `
    <form [formGroup]="form" (ngSubmit)="save()" aria-label="Name and notes">
      <mat-form-field>
        <mat-label>Name</mat-label>
        <input matInput formControlName="name" autocomplete="off" maxlength="120" />
        @if (form.controls.name.hasError('required')) {
          <mat-error>Give the station a name.</mat-error>
        } @else if (serverError(form.controls.name); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field>
        <mat-label>Notes</mat-label>
        <textarea matInput formControlName="notes" rows="3" maxlength="2000"></textarea>
        <mat-hint>Only you see these.</mat-hint>
        @if (serverError(form.controls.notes); as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="saves.saving() || form.pristine">Save</button>
      </div>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StationDetailsForm {
  private readonly api = inject(StationsApi);
  private readonly snackBar = inject(MatSnackBar);

  readonly station = input.required<Station>();
  readonly saved = output<Station>();

  protected readonly saves = saveRunner();
  protected readonly serverError = serverError;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    notes: ['', Validators.maxLength(2000)],
  });

  constructor() {
    effect(() => {
      const { name, notes } = this.station();
      this.form.reset({ name, notes: notes ?? '' });
    });
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, notes } = this.form.getRawValue();
    this.saves.run(this.api.update(this.station().id, { name: name.trim(), notes: notes.trim() || null }), {
      next: (station) => {
        this.saved.emit(station);
        this.snackBar.open('Station saved', undefined, { duration: 4000 });
      },
      error: (error) => {
        if (!placeServerErrors(this.form, error)) {
          this.snackBar.open(describeError(error, 'The station could not be saved.'), 'Dismiss', { duration: 8000 });
        }
      },
    });
  }
}
