import { ChangeDetectionStrategy, Component, input, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { StationKind } from '../data/station-finder';

const kinds: readonly { value: StationKind; label: string }[] = [
  { value: 'any', label: 'Any' },
  { value: 'fuel', label: 'Fuel' },
  { value: 'charging', label: 'Charging' },
];

/** How to look for stations: a place or postcode, "Near me", and which kind of station. */
@Component({
  selector: 'mvp-station-search-bar',
  imports: [
    FormsModule,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatSuffix,
  ],
  template: `
    <form class="place" role="search" (ngSubmit)="searchPlace()">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>Place or postcode</mat-label>
        <input matInput name="place" autocomplete="off" [(ngModel)]="place" enterkeyhint="search" />
        <button mat-icon-button matSuffix type="submit" aria-label="Search" [disabled]="place().trim().length < 2">
          <mat-icon aria-hidden="true">search</mat-icon>
        </button>
      </mat-form-field>
      <button mat-stroked-button type="button" class="near-me" [disabled]="locating()" (click)="nearMe.emit()">
        <mat-icon aria-hidden="true">my_location</mat-icon>
        {{ locating() ? 'Finding you…' : 'Near me' }}
      </button>
    </form>
    <mat-button-toggle-group
      class="kinds"
      aria-label="Kind of station"
      hideSingleSelectionIndicator
      [value]="kind()"
      (change)="kind.set($event.value)"
    >
      @for (option of kinds; track option.value) {
        <mat-button-toggle [value]="option.value">{{ option.label }}</mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px 16px;
    }
    .place {
      display: flex;
      flex: 1 1 360px;
      align-items: center;
      gap: 12px;
    }
    mat-form-field {
      flex: 1;
      min-width: 0;
    }
    .near-me {
      flex: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StationSearchBar {
  readonly kind = model.required<StationKind>();
  readonly locating = input(false);
  readonly placeSearched = output<string>();
  readonly nearMe = output<void>();

  protected readonly kinds = kinds;
  protected readonly place = signal('');

  protected searchPlace(): void {
    if (this.place().trim().length >= 2) this.placeSearched.emit(this.place());
  }
}
