import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { CostsCard } from '../../costs';
import { FuelEconomyCard, FuelSpendCard } from '../../fuel-logs';
import { DueSoonCard } from '../../reminders';
import { ServiceHealthCard } from '../components/service-health-card';

/** The home page: a welcome line, the quick actions, and a grid of cards; capsules add theirs to the grid. */
@Component({
  selector: 'mvp-dashboard-page',
  imports: [CostsCard, DueSoonCard, FuelEconomyCard, FuelSpendCard, MatButton, MatIcon, RouterLink, ServiceHealthCard],
  template: `
    <div class="mvp-page">
      <header class="mvp-page-header mvp-page-header-row">
        <div>
          <h1>Welcome to MotoVaultPro</h1>
          <p>Your vehicles, fuel, service and documents in one place.</p>
        </div>
        <a mat-flat-button routerLink="/fuel/new" class="log-fill-up">
          <mat-icon aria-hidden="true">local_gas_station</mat-icon>
          Log fill-up
        </a>
      </header>
      <div class="mvp-card-grid">
        <mvp-due-soon-card />
        <mvp-fuel-spend-card />
        <mvp-fuel-economy-card />
        <mvp-costs-card />
        <mvp-service-health-card />
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {}
