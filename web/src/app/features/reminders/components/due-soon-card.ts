import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCardActions } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { DashboardCard } from '../../../core/cards/dashboard-card';
import { RemindersPanel } from './reminders-panel';

/** The dashboard's card: what is overdue or due soon across the user's vehicles. */
@Component({
  selector: 'mvp-due-soon-card',
  imports: [DashboardCard, MatButton, MatCardActions, MatIcon, RemindersPanel, RouterLink],
  template: `
    <mvp-dashboard-card
      icon="notifications"
      tone="secondary"
      heading="Due soon"
      headingId="due-soon-title"
      subtitle="Overdue first, across your vehicles"
    >
      <mvp-reminders-panel>
        <div empty class="empty">
          <mat-icon class="mvp-icon-filled" aria-hidden="true">check_circle</mat-icon>
          <span>Nothing due</span>
        </div>
      </mvp-reminders-panel>
      <mat-card-actions>
        <a mat-button routerLink="/vehicles">Add reminders</a>
      </mat-card-actions>
    </mvp-dashboard-card>
  `,
  styles: `
    :host {
      display: block;
      min-width: 0;
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
