import { Injectable } from '@nestjs/common';
import { AuthenticatedUser } from '../../../core/identity/auth/authenticated-user';
import { UsersService } from '../../../core/identity/users/users.service';
import { displayNameOf, OwnedVehicle, VehiclesService } from '../../vehicles';
import { AllFuelStatsDto, FuelStatsDto, VehicleFuelStatsDto } from '../api/fuel-stats.dto';
import { FuelStatsQueryDto } from '../api/fuel-logs.dto';
import {
  displayEconomyUnit,
  Economy,
  fromKm,
  fromLitres,
  KM_PER_MILE,
  LiquidEconomyUnit,
  toLitres,
} from './economy-units';
import { canonicalFill, energyOf } from './fuel-history';
import { FuelLogsService } from './fuel-logs.service';
import { fuelStats } from './fuel-stats';

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

  async forVehicle(caller: AuthenticatedUser, vehicleId: string, query: FuelStatsQueryDto): Promise<FuelStatsDto> {
    const vehicle = await this.vehicles.findOwned(caller.userId, vehicleId);
    return this.statsOf(caller, vehicle, query);
  }

  async forAll(caller: AuthenticatedUser, query: FuelStatsQueryDto): Promise<AllFuelStatsDto> {
    const user = await this.users.findById(caller.userId);
    const vehicles = await this.vehicles.allOwned(caller.userId);
    const perVehicle: VehicleFuelStatsDto[] = [];
    for (const vehicle of vehicles) {
      const stats = await this.statsOf(caller, vehicle, query);
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

  private async statsOf(
    caller: AuthenticatedUser,
    vehicle: OwnedVehicle,
    query: FuelStatsQueryDto,
  ): Promise<FuelStatsDto> {
    const user = await this.users.findById(caller.userId);
    const history = await this.fills.history(caller.userId, vehicle.id);
    const electric = energyOf(history) === 'electric';
    const unit = displayEconomyUnit(user.economyUnit as LiquidEconomyUnit, electric ? 'electric' : 'liquid');
    const stats = fuelStats(
      history.map((fill) => canonicalFill(fill, vehicle.odometerUnit)),
      {
        unit,
        timeZone: user.timeZone,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
    );
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
      })),
      pricePerUnit: stats.pricePerUnit.map((point) => ({
        filledAt: point.filledAt.toISOString(),
        value: perFuelUnit(point.pricePerUnitMinor),
      })),
    };
  }
}
