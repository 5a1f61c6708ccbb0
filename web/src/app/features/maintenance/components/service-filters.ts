import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatIconButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { CategoryOption } from '../data/maintenance-categories';

/** The history's filters: a category, and text in the title, notes, shop or a part's name. */
@Component({
  selector: 'mvp-service-filters',
  imports: [
    FormsModule,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatPrefix,
    MatSelect,
    MatSuffix,
  ],
  template: `
    <mat-form-field subscriptSizing="dynamic" class="category">
      <mat-label>Category</mat-label>
      <mat-select [(ngModel)]="category">
        <mat-option [value]="undefined">All categories</mat-option>
        @for (option of categories(); track option.key) {
          <mat-option [value]="option.key">{{ option.label }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field subscriptSizing="dynamic" class="search">
      <mat-label>Search</mat-label>
      <mat-icon matPrefix aria-hidden="true">search</mat-icon>
      <input matInput type="search" autocomplete="off" placeholder="Title, notes, shop or part" [(ngModel)]="text" />
      @if (text()) {
        <button mat-icon-button matSuffix type="button" aria-label="Clear the search" (click)="text.set('')">
          <mat-icon aria-hidden="true">close</mat-icon>
        </button>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: grid;
      grid-template-columns: minmax(0, 220px) minmax(0, 1fr);
      gap: 12px;

      @media (max-width: 599.98px) {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceFilters {
  readonly categories = input.required<readonly CategoryOption[]>();
  /** The category key picked; undefined for all. */
  readonly category = model<string | undefined>();
  /** The search text as typed (the page waits for a pause before asking). */
  readonly text = model('');
}
