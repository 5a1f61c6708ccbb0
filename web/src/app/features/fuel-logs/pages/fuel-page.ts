import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatCard } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { forkJoin, map } from 'rxjs';
import { CurrentUser } from '../../../core/auth/current-user';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';
import { AddVehicleFirst } from '../../../core/add-vehicle-first';
import { FuelSpendCard } from '../components/fuel-spend-card';
import { formatCurrency, formatEconomy } from '../data/fuel-format';
import { FuelLogsApi } from '../data/fuel-logs-api';
import { vehicleIcon, VehiclesApi } from '../../vehicles';

interface VehicleFuelFact {
  label: string;
  value: string;
}

/** `/fuel`: this month's spending, and a card per vehicle with its economy and the way to its history. */
@Component({
  selector: 'mvp-fuel-page',
  imports: [
    AddVehicleFirst,
    FuelSpendCard,
    LoadProblem,
    LoadProgress,
    MatButton,
    MatCard,
    MatIcon,
    MatIconButton,
    RouterLink,
  ],
  template: `
    <div class="mvp-page">
      <header class="mvp-page-header mvp-page-header-row">
        <div>
          <h1>Fuel</h1>
          <p>Fill-ups, economy and spending for each vehicle.</p>
        </div>
        @if (!noVehicles()) {
          <a mat-flat-button routerLink="new">
            <mat-icon aria-hidden="true">local_gas_station</mat-icon>
            Log fill-up
          </a>
        }
      </header>

      <mvp-load-progress class="progress" [active]="overview.loading()" label="Loading your vehicles' fuel" />

      @if (overview.problem()) {
        <mvp-load-problem [loader]="overview" />
      } @else if (noVehicles()) {
        <mvp-add-vehicle-first icon="local_gas_station" what="Fill-ups" />
      } @else if (overview.value()) {
        <ul class="mvp-card-grid" aria-label="Fuel per vehicle">
          <li><mvp-fuel-spend-card /></li>
          @for (card of cards(); track card.vehicle.id) {
            <li>
              <mat-card appearance="outlined" class="vehicle">
                <div class="head">
                  <span class="avatar"
                    ><mat-icon aria-hidden="true">{{ card.icon }}</mat-icon></span
                  >
                  <h2 class="name">
                    <a [routerLink]="['/vehicles', card.vehicle.id, 'fuel']">{{ card.vehicle.displayName }}</a>
                  </h2>
                  <a
                    mat-icon-button
                    routerLink="new"
                    [queryParams]="{ vehicle: card.vehicle.id }"
                    [attr.aria-label]="'Log a fill-up for ' + card.vehicle.displayName"
                    title="Log fill-up"
                  >
                    <mat-icon aria-hidden="true">add</mat-icon>
                  </a>
                </div>
                @if (card.facts.length) {
                  <dl class="facts">
                    @for (fact of card.facts; track fact.label) {
                      <div class="fact">
                        <dt>{{ fact.label }}</dt>
                        <dd>{{ fact.value }}</dd>
                      </div>
                    }
                  </dl>
                } @else {
                  <p class="none">No fill-ups yet.</p>
                }
              </mat-card>
            </li>
          }
        </ul>
      }
    </div>
  `,
  styles: `
    @use 'ui';

    .progress {
      margin-bottom: 12px;
    }
    .vehicle {
      padding: 16px;
    }
    .head {
      display: flex;
      align-items: center;
      gap: 16px;
    }
    .avatar {
      @include ui.icon-badge(40px, large);
    }
    .name {
      flex: 1;
      min-width: 0;
      margin: 0;
      font: var(--mat-sys-title-medium);
      letter-spacing: var(--mat-sys-title-medium-tracking);
      a {
        color: var(--mat-sys-on-surface);
        text-decoration: none;
        overflow-wrap: anywhere;
        &:hover,
        &:focus-visible {
          text-decoration: underline;
        }
      }
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 12px 16px;
      margin: 16px 0 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 2px 0 0;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
      font-variant-numeric: tabular-nums;
    }
    .none {
      margin: 16px 0 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FuelPage {
  private readonly vehiclesApi = inject(VehiclesApi);
  private readonly fuelApi = inject(FuelLogsApi);
  private readonly currentUser = inject(CurrentUser);

  protected readonly overview = loader({
    request: () =>
      forkJoin({
        vehicles: this.vehiclesApi.listAll({ sort: 'name' }),
        stats: this.fuelApi.allStats().pipe(map((all) => all.vehicles)),
      }),
    failure: 'Your fuel could not be loaded.',
  });

  protected readonly noVehicles = computed(() => this.overview.value()?.vehicles.length === 0);

  /** Vehicles with fill-ups first (as the garage sorts them), then the rest still in use. */
  protected readonly cards = computed(() => {
    const { vehicles = [], stats = [] } = this.overview.value() ?? {};
    const locale = this.currentUser.me()?.locale;
    const byVehicle = new Map(stats.map((each) => [each.vehicleId, each]));
    return vehicles
      .filter((vehicle) => byVehicle.has(vehicle.id) || vehicle.status !== 'sold')
      .sort((a, b) => Number(byVehicle.has(b.id)) - Number(byVehicle.has(a.id)))
      .map((vehicle) => {
        const fuel = byVehicle.get(vehicle.id);
        const facts: VehicleFuelFact[] = fuel
          ? [
              { label: 'Last economy', value: fuel.lastEconomy ? formatEconomy(fuel.lastEconomy, locale) : '—' },
              { label: 'Average', value: fuel.averageEconomy ? formatEconomy(fuel.averageEconomy, locale) : '—' },
              { label: 'Spent', value: formatCurrency(fuel.totalCost, fuel.currency, locale) },
              {
                label: `Per ${fuel.distanceUnit}`,
                value:
                  fuel.costPerDistance === null ? '—' : formatCurrency(fuel.costPerDistance, fuel.currency, locale, 3),
              },
            ]
          : [];
        return { vehicle, icon: vehicleIcon(vehicle.vehicleType), facts };
      });
  });
}
