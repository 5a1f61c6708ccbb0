import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { Router, RouterLink } from '@angular/router';

@Component({
  selector: 'mvp-not-found-page',
  imports: [MatButton, MatIcon, RouterLink],
  template: `
    <div class="mvp-page not-found">
      <mat-icon class="illustration" aria-hidden="true">explore_off</mat-icon>
      <h1>Page not found</h1>
      <p>
        There is no page at <code>{{ path }}</code>. It may have moved, or the link is mistyped.
      </p>
      <a mat-flat-button routerLink="/dashboard">
        <mat-icon aria-hidden="true">dashboard</mat-icon>
        Back to the dashboard
      </a>
    </div>
  `,
  styles: `
    @use 'ui';

    .not-found {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      padding-block: 64px;
    }
    .illustration {
      @include ui.icon-size(64px);
      color: var(--mat-sys-on-surface-variant);
    }
    h1 {
      margin: 16px 0 8px;
      font: var(--mat-sys-headline-medium);
    }
    p {
      margin: 0 0 24px;
      max-width: 40ch;
      color: var(--mat-sys-on-surface-variant);
    }
    code {
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPage {
  protected readonly path = inject(Router).url;
}
