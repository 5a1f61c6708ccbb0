import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MaintenanceRecordForm } from '../data/maintenance-record-form';

/** Labour and the total: the total is parts + labour as the user types, or typed when there are neither. */
@Component({
  selector: 'mvp-record-totals',
  imports: [MatError, MatFormField, MatHint, MatIcon, MatInput, MatLabel, MatPrefix, MatSuffix, ReactiveFormsModule],
  template: `
    @let controls = form().controls;
    <mat-form-field floatLabel="always">
      <mat-label>Labour</mat-label>
      <span matTextPrefix>{{ currencySymbol() }}&nbsp;</span>
      <input matInput inputmode="decimal" autocomplete="off" [formControl]="controls.labourCost" />
      @if (controls.labourCost.getError('server'); as message) {
        <mat-error>{{ message }}</mat-error>
      } @else {
        <mat-error>{{
          controls.labourCost.hasError('number') ? 'Enter a number.' : 'From 0, up to 2 decimals.'
        }}</mat-error>
      }
    </mat-form-field>
    <mat-form-field floatLabel="always" class="total" [class.derived]="workedOut()">
      <mat-label>Total</mat-label>
      <span matTextPrefix>{{ currencySymbol() }}&nbsp;</span>
      <input
        matInput
        inputmode="decimal"
        autocomplete="off"
        [formControl]="controls.totalCost"
        [readonly]="workedOut()"
      />
      @if (workedOut()) {
        <mat-icon matSuffix class="derived-icon" aria-hidden="true">calculate</mat-icon>
      }
      @if (controls.totalCost.getError('server'); as message) {
        <mat-error>{{ message }}</mat-error>
      } @else {
        <mat-error>{{
          controls.totalCost.hasError('number') ? 'Enter a number.' : 'From 0, up to 2 decimals.'
        }}</mat-error>
      }
      <mat-hint>{{ workedOut() ? 'Parts + labour, worked out as you type' : 'Or add parts and labour' }}</mat-hint>
    </mat-form-field>
  `,
  styles: `
    @use 'ui';

    :host {
      @include ui.form-fields($row-gap: 16px);
    }

    // A worked-out total reads as such: a tonal field and a calculator icon.
    .derived {
      --mat-form-field-filled-container-color: var(--mat-sys-secondary-container);
      --mat-form-field-outlined-outline-color: var(--mat-sys-secondary);
    }

    .derived-icon {
      color: var(--mat-sys-on-secondary-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordTotals {
  readonly form = input.required<MaintenanceRecordForm>();
  readonly currencySymbol = input.required<string>();
  /** Parts or labour given: the total is their sum, not typed. */
  readonly workedOut = input.required<boolean>();
}
