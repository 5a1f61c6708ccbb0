import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { DatedDueItem } from '../data/reminder';
import { ReminderChip } from './reminder-chip';

const kindNames: Record<string, string> = { insurance: 'Insurance', registration: 'Registration' };

/** A document running out (insurance, registration) in the due list: what, whose, when, and a way to it. */
@Component({
  selector: 'mvp-expiry-item',
  imports: [MatIcon, ReminderChip, RouterLink],
  template: `
    @let current = item();
    <mat-icon class="kind" aria-hidden="true">description</mat-icon>
    <div class="text">
      <span class="title">{{ current.title }}</span>
      @if (current.vehicleId) {
        <a class="vehicle" [routerLink]="['/vehicles', current.vehicleId, 'documents']">
          {{ current.vehicleName }}
        </a>
      }
      <span class="due">{{ kindName() }} · expires {{ current.dueDate }}</span>
      <mvp-reminder-chip [status]="current.status" [statusReason]="current.statusReason" />
    </div>
  `,
  styles: `
    :host {
      display: flex;
      align-items: flex-start;
      gap: 12px;
    }
    .kind {
      margin-top: 2px;
      color: var(--mat-sys-on-surface-variant);
    }
    .text {
      display: flex;
      flex: 1 1 220px;
      flex-direction: column;
      align-items: flex-start;
      gap: 2px;
      min-width: 0;
    }
    .title {
      font: var(--mat-sys-title-small);
      letter-spacing: var(--mat-sys-title-small-tracking);
      color: var(--mat-sys-on-surface);
      overflow-wrap: anywhere;
    }
    .vehicle,
    .due {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExpiryItem {
  readonly item = input.required<DatedDueItem>();

  protected readonly kindName = computed(() => kindNames[this.item().kind] ?? 'Document');
}
