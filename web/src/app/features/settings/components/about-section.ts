import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCard } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { HealthApi } from '../../../core/health/health-api';
import { loader } from '../../../core/loading/loader';

@Component({
  selector: 'mvp-about-section',
  imports: [MatCard, MatIcon],
  template: `
    <section aria-labelledby="about-heading">
      <mat-card appearance="outlined">
        <h2 id="about-heading">About</h2>
        <p class="section-intro">MotoVaultPro is self-hosted vehicle management: your data stays on your server.</p>
        <div class="row">
          <span class="row-label">Version</span>
          <span class="row-value" data-testid="app-version">{{ version() }}</span>
        </div>
        <div class="row">
          <span class="row-label">
            API documentation
            <span class="row-hint">Every endpoint, for scripts and integrations.</span>
          </span>
          <a class="docs-link" href="/api/docs" target="_blank" rel="noopener">
            Open
            <mat-icon aria-hidden="true">open_in_new</mat-icon>
            <span class="mvp-visually-hidden">(opens in a new tab)</span>
          </a>
        </div>
      </mat-card>
    </section>
  `,
  styleUrl: './settings-section.scss',
  styles: `
    .docs-link {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      font: var(--mat-sys-label-large);
      mat-icon {
        width: 18px;
        height: 18px;
        font-size: 18px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AboutSection {
  private readonly healthApi = inject(HealthApi);
  private readonly health = loader({
    request: () => this.healthApi.check(),
    failure: 'The health check failed unexpectedly.',
  });

  protected readonly version = computed(() => {
    const health = this.health.value();
    if (!health) return 'Checking…';
    if (health.kind === 'answered' && health.version) return health.version;
    return 'Unknown (the API is not healthy right now)';
  });
}
