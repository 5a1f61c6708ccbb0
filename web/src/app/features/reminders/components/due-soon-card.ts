import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MatCard,
  MatCardActions,
  MatCardAvatar,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { RemindersPanel } from './reminders-panel';

/** The dashboard's card: what is overdue or due soon across the user's vehicles. */
@Component({
  selector: 'mvp-due-soon-card',
  imports: [
    MatButton,
    MatCard,
    MatCardActions,
    MatCardAvatar,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatIcon,
    RemindersPanel,
    RouterLink,
  ],
  template: `
    <mat-card appearance="outlined" aria-labelledby="due-soon-title">
      <mat-card-header>
        <mat-icon mat-card-avatar class="avatar" aria-hidden="true">notifications</mat-icon>
        <mat-card-title id="due-soon-title">Due soon</mat-card-title>
        <mat-card-subtitle>Overdue first, across your vehicles</mat-card-subtitle>
      </mat-card-header>
      <mat-card-content>
        <mvp-reminders-panel>
          <div empty class="empty">
            <mat-icon class="mvp-icon-filled" aria-hidden="true">check_circle</mat-icon>
            <span>Nothing due</span>
          </div>
        </mvp-reminders-panel>
      </mat-card-content>
      <mat-card-actions>
        <a mat-button routerLink="/vehicles">Add reminders</a>
      </mat-card-actions>
    </mat-card>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
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
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .empty {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 8px 0;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    mat-card-actions {
      padding: 8px 8px 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DueSoonCard {}
