import { ChangeDetectionStrategy, Component, Signal, computed, inject } from '@angular/core';
import { MatCard } from '@angular/material/card';
import { ROUTER_OUTLET_DATA } from '@angular/router';
import { CurrentUser } from '../../../core/auth/current-user';
import { VehicleReminders } from '../../reminders';
import { Vehicle } from '../data/vehicle';
import {
  formatCalendarDate,
  formatDistance,
  formatInstant,
  formatMoney,
  formatTank,
  fuelTypeOptions,
  labelOf,
  statusOptions,
  vehicleTypeOptions,
} from '../data/vehicle-options';

interface Fact {
  label: string;
  value: string;
  /** Shown in a monospaced face (VIN, plate). */
  code?: boolean;
}

interface FactGroup {
  title: string;
  facts: Fact[];
}

/** The Overview tab: what the garage knows about the vehicle, in groups. */
@Component({
  selector: 'mvp-vehicle-overview-tab',
  imports: [MatCard, VehicleReminders],
  template: `
    <div class="groups">
      <mvp-vehicle-reminders class="reminders" [vehicle]="vehicle()" />
      @for (group of groups(); track group.title) {
        <mat-card appearance="outlined" class="group">
          <h2>{{ group.title }}</h2>
          <dl>
            @for (fact of group.facts; track fact.label) {
              <div class="fact">
                <dt>{{ fact.label }}</dt>
                <dd [class.code]="fact.code">{{ fact.value }}</dd>
              </div>
            }
          </dl>
        </mat-card>
      }
      @if (vehicle().notes; as notes) {
        <mat-card appearance="outlined" class="group notes">
          <h2>Notes</h2>
          <p>{{ notes }}</p>
        </mat-card>
      }
    </div>
  `,
  styles: `
    .groups {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
      gap: 16px;
      align-items: start;
    }
    .group {
      padding: 16px 20px 8px;
    }
    .reminders,
    .notes {
      grid-column: 1 / -1;
    }
    .notes {
      p {
        margin: 0 0 8px;
        white-space: pre-line;
        overflow-wrap: anywhere;
        font: var(--mat-sys-body-large);
      }
    }
    h2 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
      letter-spacing: var(--mat-sys-title-medium-tracking);
      color: var(--mat-sys-on-surface);
    }
    dl {
      margin: 0;
    }
    .fact {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 2px 16px;
      padding: 10px 0;
      & + & {
        border-top: 1px solid var(--mat-sys-outline-variant);
      }
    }
    dt {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      min-width: 0;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface);
      text-align: end;
      overflow-wrap: anywhere;
    }
    .code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 14px;
      letter-spacing: 0.04em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VehicleOverviewTab {
  protected readonly vehicle = inject(ROUTER_OUTLET_DATA) as Signal<Vehicle>;
  private readonly currentUser = inject(CurrentUser);

  protected readonly groups = computed<FactGroup[]>(() => {
    const vehicle = this.vehicle();
    const me = this.currentUser.me();
    const locale = me?.locale;
    const distance = (value: number) => formatDistance(value, vehicle.odometerUnit, locale);
    const groups: FactGroup[] = [
      {
        title: 'Vehicle',
        facts: facts([
          ['Year', vehicle.year?.toString()],
          ['Make', vehicle.make],
          ['Model', vehicle.model],
          ['Trim', vehicle.trim],
          ['Engine', vehicle.engine],
          ['Type', labelOf(vehicleTypeOptions, vehicle.vehicleType)],
          ['VIN', vehicle.vin, true],
        ]),
      },
      {
        title: 'Odometer and fuel',
        facts: facts([
          ['Odometer', distance(vehicle.currentOdometer)],
          ['When added', distance(vehicle.initialOdometer)],
          ['Fuel', vehicle.fuelTypes.map((fuel) => labelOf(fuelTypeOptions, fuel) ?? fuel).join(', ')],
          [
            'Tank or battery',
            vehicle.tankCapacity === null ? null : formatTank(vehicle.tankCapacity, vehicle.tankCapacityUnit, locale),
          ],
        ]),
      },
      {
        title: 'Registration and ownership',
        facts: facts([
          ['Licence plate', vehicle.licensePlate, true],
          ['Region', vehicle.licenseRegion],
          ['Colour', vehicle.color],
          ['Status', labelOf(statusOptions, vehicle.status)],
          ['Purchased', vehicle.purchaseDate && formatCalendarDate(vehicle.purchaseDate, locale)],
          ['Price', vehicle.purchasePrice === null ? null : formatMoney(vehicle.purchasePrice, me?.currency, locale)],
          ['In the garage since', formatInstant(vehicle.createdAt, locale, me?.timeZone)],
        ]),
      },
    ];
    return groups.filter((group) => group.facts.length > 0);
  });
}

/** The facts that have a value. */
function facts(rows: [label: string, value: string | null | undefined, code?: boolean][]): Fact[] {
  return rows
    .filter((row): row is [string, string, boolean?] => !!row[1])
    .map(([label, value, code]) => ({ label, value, code }));
}
