import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { NavItem } from '../navigation';

/** Material 3 navigation bar for phone-sized screens: icon and label per destination. */
@Component({
  selector: 'mvp-bottom-nav',
  imports: [MatIcon, RouterLink, RouterLinkActive],
  template: `
    <nav aria-label="Main">
      @for (item of items(); track item.path) {
        <a
          class="destination"
          [routerLink]="item.path"
          routerLinkActive="active"
          #link="routerLinkActive"
          ariaCurrentWhenActive="page"
        >
          <span class="indicator">
            <mat-icon aria-hidden="true" [class.mvp-icon-filled]="link.isActive">{{ item.icon }}</mat-icon>
          </span>
          <span class="label">{{ item.label }}</span>
        </a>
      }
    </nav>
  `,
  styles: `
    @use 'ui';

    :host {
      position: fixed;
      z-index: 2;
      inset: auto 0 0;
      padding-bottom: env(safe-area-inset-bottom);
      background: var(--mat-sys-surface-container);
      box-shadow: var(--mat-sys-level2);
    }
    nav {
      display: flex;
      height: 80px;
    }
    .destination {
      display: flex;
      flex: 1;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 4px;
      min-width: 0;
      color: var(--mat-sys-on-surface-variant);
      text-decoration: none;
      -webkit-tap-highlight-color: transparent;
    }
    .indicator {
      position: relative;
      display: flex;
      align-items: center;
      justify-content: center;
      width: 64px;
      height: 32px;
      overflow: hidden;
      border-radius: var(--mat-sys-corner-full);
      transition: background-color 150ms;
      @include ui.state-layer;
    }
    .destination:hover .indicator::before {
      opacity: 0.08;
    }
    .destination:active .indicator::before {
      opacity: 0.12;
    }
    .label {
      overflow: hidden;
      max-width: 100%;
      font: var(--mat-sys-label-medium);
      letter-spacing: var(--mat-sys-label-medium-tracking);
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .destination.active {
      color: var(--mat-sys-on-surface);
      .indicator {
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
      }
      .label {
        font-weight: var(--mat-sys-label-medium-weight-prominent, 700);
      }
    }
    .destination:focus-visible {
      outline: none;
      .indicator {
        outline: 2px solid var(--mat-sys-primary);
        outline-offset: 2px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BottomNav {
  readonly items = input.required<readonly NavItem[]>();
}
