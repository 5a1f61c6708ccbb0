import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import type { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ReminderTemplate } from '../data/reminder';
import { intervalText } from '../data/reminder-format';
import { TemplateRowValue } from '../data/template-choices';
import { TemplateRowForm, templateFieldError } from '../data/template-form';
import { parseTypedNumber } from '../data/typed-number';

/** A template in the picker: its tick box and interval; ticked, the months and distance to adjust. */
@Component({
  selector: 'mvp-template-row',
  imports: [MatCheckbox, MatError, MatFormField, MatInput, MatLabel, MatSuffix, ReactiveFormsModule],
  template: `
    @let row = form();
    <div class="head" [formGroup]="row">
      <mat-checkbox formControlName="selected">{{ template().title }}</mat-checkbox>
      <span class="interval">
        @if (template().added) {
          Added already
        } @else {
          {{ interval() }}
        }
      </span>
    </div>
    @if (value().selected) {
      <div class="fields" [formGroup]="row">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Months</mat-label>
          <input matInput formControlName="intervalMonths" inputmode="numeric" [errorStateMatcher]="matcher" />
          @if (error('intervalMonths'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>Distance</mat-label>
          <input matInput formControlName="intervalDistance" inputmode="decimal" [errorStateMatcher]="matcher" />
          <span matTextSuffix>{{ template().odometerUnit }}</span>
          @if (error('intervalDistance'); as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      </div>
    }
    @if (problem(); as problem) {
      <p class="problem" role="alert">{{ problem }}</p>
    }
  `,
  styles: `
    @use 'ui';

    :host {
      display: block;
      padding: 8px 0;
    }
    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0 16px;
    }
    .interval {
      padding-left: 40px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .fields {
      @include ui.form-fields(16px);
      padding: 8px 0 0 40px;
    }
    .problem {
      margin: 4px 0 0 40px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplateRow {
  readonly template = input.required<ReminderTemplate>();
  readonly form = input.required<TemplateRowForm>();
  /** The form's value, as a signal (the form's own changes are not). */
  readonly value = input.required<TemplateRowValue>();
  readonly locale = input<string>();
  /** The server's word on the row as a whole ("has one already"). */
  readonly problem = input<string>();

  protected readonly matcher: ErrorStateMatcher = {
    isErrorState: (control) => !!control?.touched && (control.invalid || this.form().hasError('interval')),
  };
  /** The interval as ticked and typed; unticked, the template's own. */
  protected readonly interval = computed(() => {
    const { selected, intervalMonths, intervalDistance } = this.value();
    const template = this.template();
    if (!selected) {
      return intervalText(template.intervalMonths, template.intervalDistance, template.odometerUnit, this.locale());
    }
    const months = parseTypedNumber(intervalMonths, 0);
    const distance = parseTypedNumber(intervalDistance, 1);
    const number = (parsed: number | null | 'invalid') => (typeof parsed === 'number' ? parsed : null);
    return intervalText(number(months), number(distance), template.odometerUnit, this.locale());
  });

  protected error(field: 'intervalMonths' | 'intervalDistance'): string | undefined {
    this.value();
    return templateFieldError(this.form(), field);
  }
}
