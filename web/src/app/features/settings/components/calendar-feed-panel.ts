import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Observable, filter, finalize } from 'rxjs';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import { describeError } from '../../../core/problem';
import { CalendarFeed, CalendarFeedApi } from '../data/calendar-feed-api';
import { ConfirmDialog, ConfirmDialogData } from './confirm-dialog';

/** Settings → Notifications → Calendar feed: the secret iCal address of the reminders, copy, replace, revoke. */
@Component({
  selector: 'mvp-calendar-feed-panel',
  imports: [LoadProgress, MatButton, MatIcon],
  template: `
    <section class="calendar-feed" aria-labelledby="calendar-feed-heading">
      <h3 id="calendar-feed-heading">Calendar feed</h3>
      <p class="hint">
        Subscribe to your reminders' due dates in any calendar app. Whoever has the address can read your reminders, so
        keep it to yourself.
      </p>
      <mvp-load-progress [active]="feed.loading()" label="Loading the calendar feed" />
      @if (feed.problem(); as problem) {
        <p class="problem" role="alert">{{ problem }}</p>
      } @else if (feed.value() === null) {
        <button mat-stroked-button type="button" (click)="make()" [disabled]="busy()">
          <mat-icon aria-hidden="true">event</mat-icon>
          Make a calendar address
        </button>
      } @else if (feed.value(); as current) {
        <div class="address">
          <input
            readonly
            [value]="current.url"
            aria-label="Calendar feed address"
            (focus)="$any($event.target).select()"
          />
          <button mat-stroked-button type="button" (click)="copy(current)">
            <mat-icon aria-hidden="true">content_copy</mat-icon>
            Copy
          </button>
        </div>
        <div class="actions">
          <button mat-button type="button" (click)="replace()" [disabled]="busy()">Make a new address</button>
          <button mat-button type="button" class="danger" (click)="revoke()" [disabled]="busy()">Revoke</button>
        </div>
      }
    </section>
  `,
  styles: `
    .calendar-feed {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-block: 16px;
    }
    h3,
    .hint {
      margin: 0;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .address {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    input {
      flex: 1;
      min-width: 0;
      padding: 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface);
      background: var(--mat-sys-surface-container);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 4px;
    }
    .actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .danger {
      color: var(--mat-sys-error);
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarFeedPanel {
  private readonly api = inject(CalendarFeedApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly clipboard = inject(Clipboard);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly feed = loader({
    request: () => this.api.current(),
    failure: 'The calendar feed could not be loaded.',
  });
  protected readonly busy = signal(false);

  protected copy(feed: CalendarFeed): void {
    const copied = this.clipboard.copy(feed.url);
    this.snackBar.open(copied ? 'Calendar address copied' : 'Select the address and copy it', undefined, {
      duration: 3000,
    });
  }

  protected make(): void {
    this.run(this.api.replace(), (feed) => this.feed.update(() => feed), 'Calendar address made');
  }

  protected replace(): void {
    this.confirmed({
      title: 'Make a new calendar address?',
      message: 'Calendars subscribed to the current address stop getting your reminders.',
      confirm: 'Make a new one',
    }).subscribe(() => this.make());
  }

  protected revoke(): void {
    this.confirmed({
      title: 'Revoke the calendar address?',
      message: 'It stops working at once; calendars subscribed to it no longer get your reminders.',
      confirm: 'Revoke',
    }).subscribe(() => this.run(this.api.revoke(), () => this.feed.update(() => null), 'Calendar address revoked'));
  }

  private confirmed(data: ConfirmDialogData): Observable<boolean> {
    return this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        width: '440px',
        maxWidth: 'calc(100vw - 32px)',
        data,
      })
      .afterClosed()
      .pipe(
        filter((confirmed): confirmed is true => confirmed === true),
        takeUntilDestroyed(this.destroyRef),
      );
  }

  private run<T>(request: Observable<T>, done: (value: T) => void, message: string): void {
    this.busy.set(true);
    request
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (value) => {
          done(value);
          this.snackBar.open(message, undefined, { duration: 3000 });
        },
        error: (error: unknown) =>
          this.snackBar.open(describeError(error, 'The calendar feed could not be changed.'), 'Dismiss', {
            duration: 8000,
          }),
      });
  }
}
