import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ServiceHealthCard } from '../components/service-health-card';

/** The home page: a welcome line and a grid of cards; capsules add theirs to the grid. */
@Component({
  selector: 'mvp-dashboard-page',
  imports: [ServiceHealthCard],
  template: `
    <div class="mvp-page">
      <header class="mvp-page-header">
        <h1>Welcome to MotoVaultPro</h1>
        <p>Your vehicles, fuel, service and documents in one place.</p>
      </header>
      <div class="mvp-card-grid">
        <mvp-service-health-card />
      </div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {}
