import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import {
  MatCard,
  MatCardAvatar,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { LoadProgress } from '../loading/load-progress';
import { Loader } from '../loading/loader';

/**
 * The frame of a dashboard card (costs, fuel, due soon): header with avatar, title and subtitle
 * and, for a card that loads, the loader's progress bar and its problem in place of the content.
 * The card projects its content and its `mat-card-actions`, and styles them itself (most with
 * `ui.dashboard-card-content`).
 */
@Component({
  selector: 'mvp-dashboard-card',
  imports: [
    LoadProgress,
    MatCard,
    MatCardAvatar,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatIcon,
  ],
  template: `
    <mat-card appearance="outlined" [attr.aria-labelledby]="headingId()">
      <mat-card-header>
        <mat-icon mat-card-avatar class="avatar" [class.secondary]="tone() === 'secondary'" aria-hidden="true">{{
          icon()
        }}</mat-icon>
        <mat-card-title [id]="headingId()">{{ heading() }}</mat-card-title>
        <mat-card-subtitle>{{ subtitle() }}</mat-card-subtitle>
      </mat-card-header>
      @if (loader(); as loader) {
        <mvp-load-progress [active]="loader.loading()" [label]="loadingLabel()" />
      }
      <mat-card-content>
        @if (loader()?.problem(); as problem) {
          <p class="problem" role="alert">{{ problem }}</p>
        } @else {
          <ng-content />
        }
      </mat-card-content>
      <ng-content select="mat-card-actions" />
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
    }
    mat-card-header {
      align-items: center;
      padding-bottom: 8px;
    }
    .avatar {
      display: flex;
      align-items: center;
      justify-content: center;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .avatar.secondary {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .problem {
      margin: 8px 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardCard {
  /** The Material Symbols name of the avatar. */
  readonly icon = input.required<string>();
  /** The avatar's colours: a Material container role. */
  readonly tone = input<'tertiary' | 'secondary'>('tertiary');
  readonly heading = input.required<string>();
  /** The title's element id, which also names the card. */
  readonly headingId = input.required<string>();
  readonly subtitle = input.required<string>();
  /** The card's loader, if it loads: its progress and its problem. */
  readonly loader = input<Pick<Loader<unknown>, 'loading' | 'problem'>>();
  /** What the progress bar says while the card loads. */
  readonly loadingLabel = input('');
}
