import { Injectable } from '@nestjs/common';
import { ValidationProblem } from '@mvp/common';
import { JsonText, ReportCache } from '../../../core/caching/report-cache';
import { DataVersions } from '../../../core/database/data-versions/data-versions';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { UsersService } from '../../../core/identity/users/users.service';
import { FuelCostsService } from '../../fuel-logs';
import { MaintenanceCostsService } from '../../maintenance';
import { displayNameOf, OdometerService, OdometerUnit, OwnedVehicle, VehiclesService } from '../../vehicles';
import type { UserEntity } from '../../../core/identity/users/user.entity';
import type { DayRange } from './calendar-months';
import { CostBreakdown, combineBreakdowns, costBreakdown, MonthlyAmount, PeriodCosts } from './cost-breakdown';
import type { AllCostsReport, CostsReport, PeriodCostsReport, VehicleCostsReport } from './costs-report';
import { KM_PER_MILE } from '../../../core/units/exact-units';

const money = (minor: number) => Math.round(minor) / 100;
const rounded = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/**
 * Cost of ownership: fuel (fuel-logs), service (maintenance) and purchase price (vehicles) by
 * calendar month of the user's time zone, by year and in all, with the distance driven from the
 * vehicles' odometer readings. A read model over the other capsules' public services; no tables.
 * Answered as JSON text from the report cache, keyed by the vehicles' data versions (their fill-ups,
 * records and readings) and everything else the report is made of, so an answer is never stale.
 */
@Injectable()
export class CostsService {
  constructor(
    private readonly vehicles: VehiclesService,
    private readonly odometer: OdometerService,
    private readonly fuel: FuelCostsService,
    private readonly maintenance: MaintenanceCostsService,
    private readonly users: UsersService,
    private readonly versions: DataVersions,
    private readonly reports: ReportCache,
  ) {}

  /** One of the caller's vehicles (another's is a 404), distance in its odometer unit. */
  async forVehicle(scope: RequestScope, vehicleId: string, range: DayRange): Promise<JsonText<VehicleCostsReport>> {
    checkRange(range);
    const [vehicle, user, version] = await Promise.all([
      this.vehicles.get(scope, vehicleId),
      this.users.findCaller(scope),
      this.versions.of([vehicleId]),
    ]);
    return this.reports.text('costs', reportKey('vehicle', scope, user, [vehicle], version, range), async () => {
      const [breakdown] = await this.breakdowns(scope, [vehicle], user, range);
      return this.vehicleReport(vehicle, breakdown, user.currency, range);
    });
  }

  /**
   * All the caller's live vehicles as one, distance in the user's unit; `vehicles` lists those with a
   * cost in the range (each in its own odometer unit).
   */
  async forAll(scope: RequestScope, range: DayRange): Promise<JsonText<AllCostsReport>> {
    checkRange(range);
    const [user, vehicles] = await Promise.all([this.users.findCaller(scope), this.vehicles.allOwned(scope)]);
    const version = await this.versions.of(vehicles.map((vehicle) => vehicle.id));
    return this.reports.text('costs', reportKey('all', scope, user, vehicles, version, range), () =>
      this.allReport(scope, user, vehicles, range),
    );
  }

  private async allReport(
    scope: RequestScope,
    user: UserEntity,
    vehicles: readonly OwnedVehicle[],
    range: DayRange,
  ): Promise<AllCostsReport> {
    const breakdowns = await this.breakdowns(scope, vehicles, user, range);
    const combined = combineBreakdowns(
      vehicles.map((vehicle, index) => ({
        breakdown: breakdowns[index],
        distanceFactor: distanceFactor(vehicle.odometerUnit, user.distanceUnit),
      })),
    );
    return {
      ...report(combined, user.currency, user.distanceUnit, range),
      vehicles: vehicles
        .map((vehicle, index) => this.vehicleReport(vehicle, breakdowns[index], user.currency, range))
        .filter((costs) => costs.total.total !== 0 || costs.otherCurrencies.length > 0),
    };
  }

  private async breakdowns(
    scope: RequestScope,
    vehicles: readonly OwnedVehicle[],
    user: { currency: string; timeZone: string },
    range: DayRange,
  ): Promise<CostBreakdown[]> {
    const vehicleIds = vehicles.map((vehicle) => vehicle.id);
    const [fuel, service, readings] = await Promise.all([
      this.fuel.monthly(scope, { vehicleIds, timeZone: user.timeZone, ...range }),
      this.maintenance.monthly(scope, { vehicleIds, ...range }),
      this.odometer.readingDays(scope, vehicleIds, user.timeZone),
    ]);
    const fuelOf = byVehicle(fuel);
    const serviceOf = byVehicle(service);
    return vehicles.map((vehicle) =>
      costBreakdown({
        currency: user.currency,
        range,
        fuel: fuelOf.get(vehicle.id) ?? [],
        service: serviceOf.get(vehicle.id) ?? [],
        purchase:
          vehicle.purchaseDate !== null && vehicle.purchasePrice !== null
            ? { day: vehicle.purchaseDate, costMinor: Math.round(vehicle.purchasePrice * 100) }
            : null,
        readings: readings.get(vehicle.id) ?? [],
      }),
    );
  }

  private vehicleReport(
    vehicle: OwnedVehicle,
    breakdown: CostBreakdown,
    currency: string,
    range: DayRange,
  ): VehicleCostsReport {
    return {
      vehicleId: vehicle.id,
      displayName: displayNameOf(vehicle),
      ...report(breakdown, currency, vehicle.odometerUnit, range),
    };
  }
}

/**
 * Everything a report is made of besides the data `version` stands for: which report, the caller
 * and the preferences it is shown in, what of each vehicle it shows (name, unit, purchase), the range.
 */
function reportKey(
  report: 'vehicle' | 'all',
  scope: RequestScope,
  user: UserEntity,
  vehicles: readonly OwnedVehicle[],
  version: string,
  range: DayRange,
): string {
  const { currency, timeZone, distanceUnit } = user;
  return JSON.stringify([
    report,
    version,
    scope.userId,
    currency,
    timeZone,
    distanceUnit,
    range.from,
    range.to,
    vehicles.map((vehicle) => [
      vehicle.id,
      displayNameOf(vehicle),
      vehicle.odometerUnit,
      vehicle.purchaseDate,
      vehicle.purchasePrice,
    ]),
  ]);
}

/** A range that ends before it starts is a 400 on `to`; an empty one (`from` = `to`) is allowed. */
function checkRange(range: DayRange): void {
  if (range.from !== undefined && range.to !== undefined && range.to < range.from) {
    throw new ValidationProblem([{ field: 'to', message: `must not be before from (${range.from})` }]);
  }
}

function byVehicle<T extends MonthlyAmount & { vehicleId: string }>(amounts: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const amount of amounts) {
    const ofVehicle = grouped.get(amount.vehicleId);
    if (ofVehicle) ofVehicle.push(amount);
    else grouped.set(amount.vehicleId, [amount]);
  }
  return grouped;
}

/** How many of `to` one `from` is. */
function distanceFactor(from: OdometerUnit, to: OdometerUnit): number {
  if (from === to) return 1;
  return from === 'mi' ? KM_PER_MILE : 1 / KM_PER_MILE;
}

function report(breakdown: CostBreakdown, currency: string, distanceUnit: OdometerUnit, range: DayRange): CostsReport {
  return {
    currency,
    distanceUnit,
    from: range.from ?? null,
    to: range.to ?? null,
    total: period(breakdown.total),
    months: breakdown.months.map(({ month, ...costs }) => ({ month, ...period(costs) })),
    years: breakdown.years.map(({ year, ...costs }) => ({ year, ...period(costs) })),
    otherCurrencies: breakdown.otherCurrencies.map((other) => ({
      currency: other.currency,
      fuel: money(other.fuelMinor),
      service: money(other.serviceMinor),
      total: money(other.fuelMinor + other.serviceMinor),
    })),
  };
}

function period(costs: PeriodCosts): PeriodCostsReport {
  return {
    fuel: money(costs.fuelMinor),
    service: money(costs.serviceMinor),
    purchase: money(costs.purchaseMinor),
    total: money(costs.fuelMinor + costs.serviceMinor + costs.purchaseMinor),
    distance: rounded(costs.distance, 1),
    costPerDistance: costs.costPerDistanceMinor === null ? null : rounded(costs.costPerDistanceMinor / 100, 3),
  };
}
