import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { matchingCategories } from '../data/maintenance-categories';

/** The record's category: a built-in one picked from the list, or the user's own typed in. */
@Component({
  selector: 'mvp-record-category-field',
  imports: [
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    ReactiveFormsModule,
  ],
  template: `
    @let category = control();
    <mat-form-field>
      <mat-label>Category</mat-label>
      <input matInput autocomplete="off" [formControl]="category" [matAutocomplete]="categories" />
      <mat-autocomplete #categories="matAutocomplete">
        @for (option of options(); track option.key) {
          <mat-option [value]="option.label">{{ option.label }}</mat-option>
        }
      </mat-autocomplete>
      @if (category.getError('server'); as message) {
        <mat-error>{{ message }}</mat-error>
      } @else if (category.hasError('required')) {
        <mat-error>Pick a category or type your own.</mat-error>
      } @else if (category.hasError('maxlength')) {
        <mat-error>At most 40 characters.</mat-error>
      }
      <mat-hint>Pick one or type your own</mat-hint>
    </mat-form-field>
  `,
  // The host is the form's grid item; the field fills it as it would fill the grid cell.
  styles: `
    :host {
      display: flex;
      flex-direction: column;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RecordCategoryField {
  readonly control = input.required<FormControl<string>>();
  /** The text in the field, as the form's value signal has it. */
  readonly typed = input.required<string>();

  protected readonly options = computed(() => matchingCategories(this.typed()));
}
