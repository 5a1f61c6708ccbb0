import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { CurrentUser } from '../../../core/auth/current-user';
import { formatDistance, stationSubtitle } from '../data/station-format';
import { StationRow } from '../data/station-rows';
import { FavoriteToggle } from './favorite-toggle';

/**
 * Stations as rows: name, brand and address, distance in the user's unit, the star, and the way to
 * a saved station's page. Tapping a row selects it (the map shows it); a row selected on the map
 * scrolls into view.
 */
@Component({
  selector: 'mvp-station-list',
  imports: [FavoriteToggle, MatIcon, MatIconButton, RouterLink],
  template: `
    <ul [attr.aria-label]="label()">
      @for (row of shown(); track row.key) {
        <li [class.selected]="row.key === selected()" [attr.data-key]="row.key">
          <button
            type="button"
            class="pick"
            [attr.aria-pressed]="row.key === selected()"
            [attr.aria-label]="'Show ' + row.name + ' on the map'"
            (click)="picked.emit(row.key)"
          ></button>
          <span class="text">
            <span class="name">{{ row.name }}</span>
            @if (row.subtitle) {
              <span class="subtitle">{{ row.subtitle }}</span>
            }
          </span>
          @if (row.distanceText) {
            <span class="distance">{{ row.distanceText }}</span>
          }
          <mvp-favorite-toggle
            [name]="row.name"
            [favorite]="row.isFavorite"
            [busy]="pending().has(row.key)"
            (toggled)="favoriteToggled.emit(row)"
          />
          @if (row.stationId) {
            <a mat-icon-button [routerLink]="['/stations', row.stationId]" [attr.aria-label]="'Open ' + row.name">
              <mat-icon aria-hidden="true">chevron_right</mat-icon>
            </a>
          }
        </li>
      }
    </ul>
  `,
  styles: `
    @use 'ui';

    ul {
      @include ui.bare-list;
    }
    li {
      @include ui.divided-row;
      position: relative;
      gap: 8px;
      padding: 8px 4px 8px 16px;
      border-radius: var(--mat-sys-corner-small);
      &.selected {
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
      }
    }
    .pick {
      @include ui.interactive;
      position: absolute;
      inset: 0;
      overflow: hidden;
      border: 0;
      border-radius: inherit;
      background: none;
      color: inherit;
      cursor: pointer;
    }
    .text {
      @include ui.row-text;
      pointer-events: none;
    }
    .name {
      @include ui.row-title;
    }
    .subtitle {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .distance {
      flex: none;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
      font-variant-numeric: tabular-nums;
      pointer-events: none;
    }
    mvp-favorite-toggle,
    a {
      position: relative;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StationList {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly currentUser = inject(CurrentUser);

  readonly rows = input.required<readonly StationRow[]>();
  readonly label = input.required<string>();
  readonly selected = input<string>();
  /** Keys of the rows whose star is being saved. */
  readonly pending = input<ReadonlySet<string>>(new Set());
  readonly picked = output<string>();
  readonly favoriteToggled = output<StationRow>();

  protected readonly shown = computed(() => {
    const me = this.currentUser.me();
    const unit = me?.distanceUnit ?? 'mi';
    return this.rows().map((row) => ({
      ...row,
      subtitle: stationSubtitle(row),
      distanceText: row.distance === null ? '' : formatDistance(row.distance, unit, me?.locale),
    }));
  });

  constructor() {
    effect(() => {
      const key = this.selected();
      if (!key) return;
      const row = this.host.nativeElement.querySelector(`li[data-key="${CSS.escape(key)}"]`);
      row?.scrollIntoView({ block: 'nearest' });
    });
  }
}
