import { Injectable } from '@nestjs/common';
import { JsonText, ReportCache } from '../../../core/caching/report-cache';
import { DataVersions } from '../../../core/database/data-versions/data-versions';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import type { UserEntity } from '../../../core/identity/users/user.entity';
import { UsersService } from '../../../core/identity/users/users.service';
import { displayNameOf, OwnedVehicle, VehiclesService } from '../../vehicles';
import {
  displayEconomyUnit,
  Economy,
  fromKm,
  fromLitres,
  KM_PER_MILE,
  LiquidEconomyUnit,
  toLitres,
} from './economy-units';
import { canonicalHistory, energyOfUnits } from './fuel-history';
import type { FilledAtRange } from './fuel-log-fields';
import { FuelLogsService } from './fuel-logs.service';
import { fuelStats } from './fuel-stats';
import type { AllFuelStatsReport, FuelStatsReport, VehicleFuelStatsReport } from './fuel-stats-report';

const money = (minor: number) => Math.round(minor) / 100;
const rounded = (value: number, places = 2) => Math.round(value * 10 ** places) / 10 ** places;
const shown = (economy: Economy | null) => economy && { value: rounded(economy.value), unit: economy.unit };

/**
 * Statistics in the user's units, currency and time zone, from `fuelStats` over canonical histories.
 * Answered as JSON text from the report cache, keyed by the vehicle's data version and everything
 * else the report is made of, so an answer is never stale (see `DataVersions`).
 */
@Injectable()
export class FuelStatsService {
  constructor(
    private readonly fills: FuelLogsService,
    private readonly vehicles: VehiclesService,
    private readonly users: UsersService,
    private readonly versions: DataVersions,
    private readonly reports: ReportCache,
  ) {}

  async forVehicle(scope: RequestScope, vehicleId: string, range: FilledAtRange): Promise<JsonText<FuelStatsReport>> {
    const [vehicle, user, version] = await Promise.all([
      this.vehicles.get(scope, vehicleId),
      this.users.findCaller(scope),
      this.versions.of([vehicleId]),
    ]);
    return this.statsText(scope, vehicle, user, version, range);
  }

  async forAll(scope: RequestScope, range: FilledAtRange): Promise<JsonText<AllFuelStatsReport>> {
    const [user, vehicles] = await Promise.all([this.users.findCaller(scope), this.vehicles.allOwned(scope)]);
    const versions = await this.versions.ofEach(vehicles.map((vehicle) => vehicle.id));
    const key = JSON.stringify([
      'all',
      ...reportKey(scope, user, range),
      vehicles.map((vehicle) => [vehicle.id, displayNameOf(vehicle), vehicle.odometerUnit, versions.get(vehicle.id)]),
    ]);
    return this.reports.text('fuel-stats', key, async () => {
      const perVehicle: VehicleFuelStatsReport[] = [];
      for (const vehicle of vehicles) {
        const text = await this.statsText(scope, vehicle, user, versions.get(vehicle.id) ?? '', range);
        const stats = JSON.parse(text) as FuelStatsReport;
        if (stats.months.length > 0)
          perVehicle.push({ vehicleId: vehicle.id, displayName: displayNameOf(vehicle), ...stats });
      }
      return allVehicles(user, perVehicle);
    });
  }

  /** One vehicle's statistics, kept under `version`: read before the history, so never older than it. */
  private statsText(
    scope: RequestScope,
    vehicle: OwnedVehicle,
    user: UserEntity,
    version: string,
    range: FilledAtRange,
  ): Promise<JsonText<FuelStatsReport>> {
    const key = JSON.stringify([
      'vehicle',
      ...reportKey(scope, user, range),
      vehicle.id,
      vehicle.odometerUnit,
      version,
    ]);
    return this.reports.text('fuel-stats', key, () => this.statsOf(scope, vehicle, user, range));
  }

  private async statsOf(
    scope: RequestScope,
    vehicle: OwnedVehicle,
    user: UserEntity,
    range: FilledAtRange,
  ): Promise<FuelStatsReport> {
    const history = await this.fills.historyColumns(scope, vehicle.id);
    const electric = energyOfUnits(history.quantityUnits) === 'electric';
    const unit = displayEconomyUnit(user.economyUnit as LiquidEconomyUnit, electric ? 'electric' : 'liquid');
    const stats = fuelStats(canonicalHistory(history, vehicle.odometerUnit), {
      unit,
      timeZone: user.timeZone,
      from: range.from ? new Date(range.from) : undefined,
      to: range.to ? new Date(range.to) : undefined,
    });
    const distance = (km: number) => rounded(fromKm(km, user.distanceUnit), 1);
    const fuel = (canonical: number) => rounded(electric ? canonical : fromLitres(canonical, user.volumeUnit), 2);
    const perFuelUnit = (minorPerCanonical: number) =>
      rounded((electric ? minorPerCanonical : minorPerCanonical * toLitres(1, user.volumeUnit)) / 100, 3);
    return {
      averageEconomy: shown(stats.averageEconomy),
      lastEconomy: shown(stats.lastEconomy),
      bestEconomy: shown(stats.bestEconomy),
      worstEconomy: shown(stats.worstEconomy),
      currency: user.currency,
      totalCost: money(stats.totalCostMinor),
      costPerDistance:
        stats.costPerKmMinor === null
          ? null
          : rounded((stats.costPerKmMinor * (user.distanceUnit === 'mi' ? KM_PER_MILE : 1)) / 100, 3),
      distance: distance(stats.distanceKm),
      distanceUnit: user.distanceUnit,
      fuelUsed: fuel(stats.fuelUsed),
      fuelUnit: electric ? 'kwh' : user.volumeUnit,
      months: stats.months.map((month) => ({
        month: month.month,
        cost: money(month.costMinor),
        fuelUsed: fuel(month.fuelUsed),
        distance: distance(month.distanceKm),
        economy: shown(month.economy),
        pricePerUnit: month.pricePerUnitMinor === null ? null : perFuelUnit(month.pricePerUnitMinor),
      })),
    };
  }
}

/** What a report depends on besides its vehicles: the caller and the preferences it is shown in, the range. */
function reportKey(scope: RequestScope, user: UserEntity, range: FilledAtRange): unknown[] {
  const { economyUnit, distanceUnit, volumeUnit, currency, timeZone } = user;
  return [scope.userId, economyUnit, distanceUnit, volumeUnit, currency, timeZone, range.from, range.to];
}

/** Every vehicle's statistics and the spending they add up to. */
function allVehicles(user: UserEntity, perVehicle: VehicleFuelStatsReport[]): AllFuelStatsReport {
  // Amounts are whole cents already: summing them as integers keeps the totals exact.
  const cents = (amount: number) => Math.round(amount * 100);
  const months = new Map<string, number>();
  for (const stats of perVehicle) {
    for (const month of stats.months) months.set(month.month, (months.get(month.month) ?? 0) + cents(month.cost));
  }
  return {
    currency: user.currency,
    totalCost: money(perVehicle.reduce((sum, stats) => sum + cents(stats.totalCost), 0)),
    months: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([month, cost]) => ({ month, cost: money(cost) })),
    vehicles: perVehicle,
  };
}
