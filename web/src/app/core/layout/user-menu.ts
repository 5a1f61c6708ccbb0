import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatDivider } from '@angular/material/divider';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { Auth } from '../auth/auth';
import { CurrentUser } from '../auth/current-user';

/**
 * The toolbar's account button (the user's initials) and its menu: who is signed in, Settings,
 * Sign out. The shell loads it with `@defer`, so the menu code stays out of the first download.
 */
@Component({
  selector: 'mvp-user-menu',
  imports: [MatDivider, MatIcon, MatMenu, MatMenuItem, MatMenuTrigger, RouterLink],
  template: `
    <button
      type="button"
      class="avatar-button"
      [matMenuTriggerFor]="menu"
      [attr.aria-label]="user.name() ? 'Account: ' + user.name() : 'Account'"
      [title]="user.name() || 'Account'"
    >
      <span class="avatar" aria-hidden="true">{{ user.initials() }}</span>
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="mvp-user-menu">
      <div class="who" role="presentation">
        <span class="avatar large" aria-hidden="true">{{ user.initials() }}</span>
        <span class="who-text">
          <span class="who-name" data-testid="user-name">{{ user.name() }}</span>
          @if (user.me()?.email; as email) {
            @if (email !== user.name()) {
              <span class="who-email">{{ email }}</span>
            }
          }
        </span>
      </div>
      <mat-divider />
      <a mat-menu-item routerLink="/settings">
        <mat-icon aria-hidden="true">settings</mat-icon>
        <span>Settings</span>
      </a>
      <button mat-menu-item type="button" (click)="auth.signOut()">
        <mat-icon aria-hidden="true">logout</mat-icon>
        <span>Sign out</span>
      </button>
    </mat-menu>
  `,
  styles: `
    @use 'ui';

    :host {
      display: inline-flex;
    }
    .avatar-button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      width: 40px;
      height: 40px;
      padding: 0;
      border: 0;
      border-radius: var(--mat-sys-corner-full);
      background: none;
      cursor: pointer;
      &:focus-visible {
        outline: 2px solid var(--mat-sys-primary);
        outline-offset: 2px;
      }
    }
    // Always in a flex row (the button, the menu's header), where flex and inline-flex lay out alike.
    .avatar {
      @include ui.icon-badge(32px, $background: primary-container, $color: on-primary-container);
      font: var(--mat-sys-label-large);
      letter-spacing: 0;
      user-select: none;
    }
    .avatar.large {
      width: 40px;
      height: 40px;
      font: var(--mat-sys-title-medium);
    }
    .who {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 8px 16px 12px;
      max-width: 280px;
    }
    .who-text {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .who-name {
      overflow: hidden;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .who-email {
      overflow: hidden;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      text-overflow: ellipsis;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserMenu {
  protected readonly auth = inject(Auth);
  protected readonly user = inject(CurrentUser);

  constructor() {
    this.user.ensureLoaded();
  }
}
