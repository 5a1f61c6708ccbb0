import { ChangeDetectionStrategy, Component, DOCUMENT, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { take } from 'rxjs';
import { Auth } from './auth';

/**
 * Where the issuer sends the browser back (`/auth-callback?code=…&state=…`). The startup check
 * exchanges the code for tokens; this page then returns to where the user was, or says what
 * went wrong and offers another try.
 */
@Component({
  selector: 'mvp-auth-callback-page',
  imports: [MatButton, MatIcon, MatProgressSpinner],
  template: `
    <div class="mvp-page callback">
      @if (problem(); as problem) {
        <mat-icon class="illustration" aria-hidden="true">lock_person</mat-icon>
        <h1>Sign-in didn't complete</h1>
        <p role="alert">{{ problem }}</p>
        <button mat-flat-button type="button" (click)="retry()">
          <mat-icon aria-hidden="true">refresh</mat-icon>
          Try again
        </button>
      } @else {
        <mat-progress-spinner mode="indeterminate" diameter="48" aria-label="Signing you in" />
        <h1>Signing you in…</h1>
      }
    </div>
  `,
  styles: `
    @use 'ui';

    .callback {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding-block: 64px;
      text-align: center;
    }
    .illustration {
      @include ui.icon-size(64px);
      color: var(--mat-sys-on-surface-variant);
    }
    h1 {
      margin: 16px 0 0;
      font: var(--mat-sys-headline-small);
    }
    p {
      margin: 0 0 16px;
      max-width: 48ch;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuthCallbackPage {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly window = inject(DOCUMENT).defaultView;
  protected readonly problem = signal<string | undefined>(undefined);

  constructor() {
    this.auth.state$.pipe(take(1), takeUntilDestroyed()).subscribe((state) => {
      if (state.signedIn) {
        void this.router.navigateByUrl(this.auth.takeReturnUrl(), { replaceUrl: true });
      } else if (state.problem) {
        this.problem.set(friendly(state.problem));
      } else {
        this.auth.signIn(this.auth.takeReturnUrl());
      }
    });
  }

  /** A fresh page load: fetches the sign-in config again and starts over. */
  protected retry(): void {
    this.window?.location.assign(this.auth.takeReturnUrl());
  }
}

/** The library's messages are technical; a failed config or discovery fetch is the common case. */
function friendly(problem: string): string {
  if (/Http failure|status|unknown error/i.test(problem)) {
    return "Can't reach the sign-in service right now. Check the connection, then try again.";
  }
  return `The sign-in service answered with a problem: ${problem}`;
}
