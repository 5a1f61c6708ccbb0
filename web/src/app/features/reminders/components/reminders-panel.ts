import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { Observable, map } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import { DueList, Reminder } from '../data/reminder';
import { dueRows } from '../data/due-rows';
import { ReminderChanges } from '../data/reminder-changes';
import { ReminderDeletion } from '../data/reminder-deletion';
import { RemindersApi } from '../data/reminders-api';
import { ReminderDialogs } from './reminder-dialogs';
import { ExpiryItem } from './expiry-item';
import { ReminderItem } from './reminder-item';

/**
 * A list of reminders with their status and actions: a vehicle's open reminders, most pressing
 * first, or (no `vehicleId`) what is due across the user's vehicles, overdue first, each naming its
 * vehicle, then the documents running out (insurance, registration). What shows when there are none
 * is projected (`[empty]`).
 */
@Component({
  selector: 'mvp-reminders-panel',
  imports: [ExpiryItem, LoadProblem, LoadProgress, ReminderItem],
  template: `
    <mvp-load-progress [active]="reminders.loading()" label="Loading reminders" />
    @if (reminders.problem()) {
      <mvp-load-problem [loader]="reminders" />
    } @else if (items(); as items) {
      @if (items.reminders.length === 0 && items.expiring.length === 0) {
        <ng-content select="[empty]" />
      } @else {
        <ul class="items" [attr.aria-label]="label()">
          @for (row of rows(); track row.id) {
            <li>
              @if (row.reminder; as reminder) {
                <mvp-reminder-item
                  [reminder]="reminder"
                  [showVehicle]="!vehicleId()"
                  [locale]="locale()"
                  (editRequested)="edit($event)"
                  (deleteRequested)="delete($event)"
                />
              } @else if (row.expiry; as expiry) {
                <mvp-expiry-item [item]="expiry" />
              }
            </li>
          }
        </ul>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .items {
      margin: 0;
      padding: 0;
      list-style: none;
      > li {
        padding: 12px 0;
      }
      > li + li {
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RemindersPanel {
  private readonly api = inject(RemindersApi);
  private readonly changes = inject(ReminderChanges);
  private readonly deletion = inject(ReminderDeletion);
  private readonly dialogs = inject(ReminderDialogs);
  private readonly currentUser = inject(CurrentUser);

  /** The vehicle whose reminders to list; none: what is due across vehicles. */
  readonly vehicleId = input<string>();

  protected readonly locale = computed(() => this.currentUser.me()?.locale);
  protected readonly label = computed(() => (this.vehicleId() ? 'Reminders' : 'Due across your vehicles'));

  protected readonly reminders = loader({
    params: () => ({ vehicleId: this.vehicleId(), version: this.changes.version() }),
    request: ({ vehicleId }): Observable<DueList> =>
      vehicleId
        ? this.api.listAll({ vehicleId }).pipe(map((reminders) => ({ reminders, expiring: [] })))
        : this.api.due(),
    failure: 'Reminders could not be loaded.',
  });
  protected readonly items = this.reminders.value;
  protected readonly rows = computed(() => dueRows(this.items()));

  constructor() {
    this.currentUser.ensureLoaded();
  }

  protected edit(reminder: Reminder): void {
    void this.dialogs.edit(reminder);
  }

  protected delete(reminder: Reminder): void {
    this.deletion.delete(reminder).subscribe({ error: () => undefined });
  }
}
