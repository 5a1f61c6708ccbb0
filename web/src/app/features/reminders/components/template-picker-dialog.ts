import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { finalize, map, tap } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { firstErrorFocuser } from '../../../core/forms/focus-first-error';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import { describeError, problemOf } from '../../../core/problem';
import { Reminder, ReminderTemplate, ReminderVehicle } from '../data/reminder';
import { RemindersApi } from '../data/reminders-api';
import { applyTemplatesBody, placeTemplateErrors } from '../data/template-choices';
import { TemplateRowForm, createTemplateRow } from '../data/template-form';
import { TemplateRow } from './template-row';

/**
 * The built-in schedules for a vehicle, in its unit: tick some, adjust their intervals, and add them
 * in one step (all or none). Closes with the reminders added.
 */
@Component({
  selector: 'mvp-template-picker-dialog',
  imports: [LoadProblem, LoadProgress, MatButton, MatDialogActions, MatDialogContent, MatDialogTitle, TemplateRow],
  template: `
    <h2 mat-dialog-title>Add from templates</h2>
    <mat-dialog-content>
      <p class="intro">
        Usual schedules for {{ vehicle.displayName }}, whichever comes first. Your owner's manual knows best: adjust
        them to it. Each counts from today and the current odometer.
      </p>
      <mvp-load-progress [active]="templates.loading()" label="Loading templates" />
      @if (templates.problem()) {
        <mvp-load-problem [loader]="templates" />
      }
      <ul class="rows" aria-label="Templates">
        @for (template of templates.value() ?? []; track template.key; let index = $index) {
          <li>
            <mvp-template-row
              [template]="template"
              [form]="rows.at(index)"
              [value]="values()[index]"
              [locale]="locale()"
              [problem]="rowProblems()[template.key]"
            />
          </li>
        }
      </ul>
      @if (problem(); as problem) {
        <p class="problem" role="alert">{{ problem }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="dialogRef.close()">Cancel</button>
      <button mat-flat-button type="button" [disabled]="chosen() === 0 || saving()" (click)="add()">
        {{ addLabel() }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .intro {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .rows {
      margin: 0;
      padding: 0;
      list-style: none;
      > li + li {
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
    }
    .problem {
      margin: 8px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplatePickerDialog {
  private readonly api = inject(RemindersApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly destroyRef = inject(DestroyRef);
  private readonly currentUser = inject(CurrentUser);
  private readonly focusFirstError = firstErrorFocuser();
  protected readonly dialogRef = inject<MatDialogRef<TemplatePickerDialog, Reminder[]>>(MatDialogRef);
  protected readonly vehicle = inject<ReminderVehicle>(MAT_DIALOG_DATA);

  protected readonly rows = this.fb.array<TemplateRowForm>([]);
  protected readonly values = toSignal(this.rows.valueChanges.pipe(map(() => this.rows.getRawValue())), {
    initialValue: [],
  });
  protected readonly templates = loader({
    request: () => this.api.templates(this.vehicle.id).pipe(tap((templates) => this.fill(templates))),
    failure: 'The templates could not be loaded.',
  });
  protected readonly locale = computed(() => this.currentUser.me()?.locale);
  protected readonly chosen = computed(() => this.values().filter((row) => row.selected).length);
  protected readonly addLabel = computed(() => {
    const count = this.chosen();
    return count === 0 ? 'Add reminders' : count === 1 ? 'Add 1 reminder' : `Add ${count} reminders`;
  });
  protected readonly saving = signal(false);
  protected readonly rowProblems = signal<Record<string, string>>({});
  protected readonly problem = signal<string | undefined>(undefined);

  protected add(): void {
    const chosenRows = this.rows.controls.filter((row) => row.enabled && row.controls.selected.value);
    chosenRows.forEach((row) => row.markAllAsTouched());
    if (chosenRows.some((row) => row.invalid)) return this.focusFirstError();
    if (this.saving()) return;
    const body = applyTemplatesBody(this.vehicle.id, this.rows.getRawValue());
    this.saving.set(true);
    this.problem.set(undefined);
    this.rowProblems.set({});
    this.api
      .applyTemplates(body)
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (added) => this.dialogRef.close(added),
        error: (error: unknown) => {
          const placed = placeTemplateErrors(problemOf(error), body);
          const problems: Record<string, string> = {};
          for (const { key, field, message } of placed.rows) {
            const row = this.rows.controls.find((candidate) => candidate.controls.key.value === key);
            if (field && row) row.controls[field].setErrors({ server: message });
            else problems[key] = message;
          }
          this.rowProblems.set(problems);
          if (placed.unplaced) this.problem.set(describeError(error, 'The reminders could not be added.'));
          this.focusFirstError();
        },
      });
  }

  private fill(templates: ReminderTemplate[]): void {
    this.rows.clear({ emitEvent: false });
    for (const template of templates) this.rows.push(createTemplateRow(this.fb, template), { emitEvent: false });
    this.rows.updateValueAndValidity();
  }
}
