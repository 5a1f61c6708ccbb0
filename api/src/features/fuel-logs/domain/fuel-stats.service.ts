import { Injectable } from '@nestjs/common';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
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

/** Statistics in the user's units, currency and time zone, from `fuelStats` over canonical histories. */
@Injectable()
export class FuelStatsService {
  constructor(
    private readonly fills: FuelLogsService,
    private readonly vehicles: VehiclesService,
    private readonly users: UsersService,
  ) {}

  async forVehicle(scope: RequestScope, vehicleId: string, range: FilledAtRange): Promise<FuelStatsReport> {
    const vehicle = await this.vehicles.get(scope, vehicleId);
    return this.statsOf(scope, vehicle, range);
  }

  async forAll(scope: RequestScope, range: FilledAtRange): Promise<AllFuelStatsReport> {
    const user = await this.users.findCaller(scope);
    const vehicles = await this.vehicles.allOwned(scope);
    const perVehicle: VehicleFuelStatsReport[] = [];
    for (const vehicle of vehicles) {
      const stats = await this.statsOf(scope, vehicle, range);
      if (stats.months.length > 0)
        perVehicle.push({ vehicleId: vehicle.id, displayName: displayNameOf(vehicle), ...stats });
    }
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

  private async statsOf(scope: RequestScope, vehicle: OwnedVehicle, range: FilledAtRange): Promise<FuelStatsReport> {
    const user = await this.users.findCaller(scope);
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
