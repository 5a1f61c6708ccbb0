import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { filter, switchMap } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import { ApiToken, ApiTokensApi, CreatedApiToken } from '../data/api-tokens-api';
import { describeError } from '../../../core/problem';
import { ConfirmDialog, ConfirmDialogData } from './confirm-dialog';
import { CreateTokenDialog } from './create-token-dialog';

/** Personal API tokens: the list, a dialog to create one (shown once), and revoke. */
@Component({
  selector: 'mvp-api-tokens-section',
  imports: [LoadProgress, MatButton, MatCard, MatIcon, MatIconButton],
  templateUrl: './api-tokens-section.html',
  styleUrls: ['./settings-section.scss', './api-tokens-section.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApiTokensSection {
  private readonly api = inject(ApiTokensApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly currentUser = inject(CurrentUser);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly tokens = loader({
    request: () => this.api.list(),
    failure: 'Your API tokens could not be loaded.',
  });

  /** Dates in the user's locale and time zone once /api/me has answered, the browser's until then. */
  private readonly dateFormat = computed(() => {
    const me = this.currentUser.me();
    try {
      return new Intl.DateTimeFormat(me?.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: me?.timeZone });
    } catch {
      return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    }
  });

  protected formatDate(iso: string): string {
    return this.dateFormat().format(new Date(iso));
  }

  protected create(): void {
    this.dialog
      .open<CreateTokenDialog, void, CreatedApiToken>(CreateTokenDialog, {
        width: '560px',
        maxWidth: 'calc(100vw - 32px)',
        disableClose: true,
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .pipe(
        filter((created): created is CreatedApiToken => !!created),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((created) => {
        const { token: _secret, ...listed } = created;
        this.tokens.update((tokens) => [listed, ...tokens.filter((token) => token.id !== listed.id)]);
      });
  }

  protected revoke(token: ApiToken): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        width: '440px',
        maxWidth: 'calc(100vw - 32px)',
        data: {
          title: `Revoke “${token.name}”?`,
          message: 'Anything using this token stops working at once. This cannot be undone.',
          confirm: 'Revoke',
        },
      })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        switchMap(() => this.api.revoke(token.id)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.tokens.update((tokens) => tokens.filter((each) => each.id !== token.id));
          this.snackBar.open(`Token “${token.name}” revoked`, undefined, { duration: 3000 });
        },
        error: (error: unknown) =>
          this.snackBar.open(describeError(error, 'The token could not be revoked.'), 'Dismiss', { duration: 8000 }),
      });
  }
}
