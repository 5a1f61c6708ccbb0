import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ProblemException, ValidationProblem } from '@mvp/common';
import { And, DataSource, EntityManager, FindOptionsWhere, LessThan, MoreThanOrEqual, Repository } from 'typeorm';
import { AuthenticatedUser } from '../../../core/identity/auth/authenticated-user';
import { UserScopedRepository } from '../../../core/identity/scoping/user-scoped-repository';
import { UsersService } from '../../../core/identity/users/users.service';
import { OdometerService, OwnedVehicle, VehiclesService } from '../../vehicles';
import { FuelLogDto, FuelLogFieldsDto, FuelLogPageDto, FuelLogsQueryDto, NewFuelLogDto } from '../api/fuel-logs.dto';
import { FuelLogEntity } from '../data/fuel-log.entity';
import { readFuelHistory } from '../data/fuel-history.query';
import { displayEconomyUnit, economyValue, LiquidEconomyUnit } from './economy-units';
import { completeAmounts, GivenAmounts } from './fill-amounts';
import { economyPerEntry, findOdometerConflict } from './fuel-economy';
import { canonicalFill, energyOf, StoredFill } from './fuel-history';

const notFound = 'No such fill-up.';

const readingSource = 'fuel_log';

/**
 * Fill-ups: each belongs to one of the caller's vehicles, keeps the odometer from going backwards
 * along date order, reports its reading to the vehicle, and is returned with the economy of the
 * window it closes (or why it has none), computed from the vehicle's whole history.
 */
@Injectable()
export class FuelLogsService {
  private readonly fills: UserScopedRepository<FuelLogEntity>;

  constructor(
    @InjectRepository(FuelLogEntity) private readonly repository: Repository<FuelLogEntity>,
    private readonly dataSource: DataSource,
    private readonly vehicles: VehiclesService,
    private readonly odometer: OdometerService,
    private readonly users: UsersService,
  ) {
    this.fills = new UserScopedRepository(repository, notFound);
  }

  async list(caller: AuthenticatedUser, query: FuelLogsQueryDto): Promise<FuelLogPageDto> {
    if (query.vehicleId) await this.vehicles.findOwned(caller.userId, query.vehicleId);
    const where: FindOptionsWhere<FuelLogEntity> = {
      ...(query.vehicleId ? { vehicleId: query.vehicleId } : {}),
      ...filledAtRange(query.from, query.to),
    };
    const page = await this.fills.forUser(caller.userId).list({
      page: query.page,
      pageSize: query.pageSize,
      where,
      order: { filledAt: 'DESC', odometer: 'DESC', id: 'DESC' },
    });
    return { ...page, items: await this.withEconomy(caller, page.items) };
  }

  async get(caller: AuthenticatedUser, id: string): Promise<FuelLogDto> {
    const [dto] = await this.withEconomy(caller, [await this.fills.forUser(caller.userId).findOne(id)]);
    return dto;
  }

  async create(caller: AuthenticatedUser, input: NewFuelLogDto): Promise<FuelLogDto> {
    const vehicle = await this.vehicles.findOwned(caller.userId, input.vehicleId);
    const missing = (['filledAt', 'odometer'] as const).filter((field) => input[field] === undefined);
    if (missing.length) throw new ValidationProblem(missing.map((field) => ({ field, message: 'is required' })));
    const user = await this.users.findById(caller.userId);
    const amounts = this.amountsOf(input);
    const created = await this.dataSource.transaction(async (manager) => {
      const values = {
        vehicleId: vehicle.id,
        filledAt: new Date(input.filledAt!),
        odometer: input.odometer!,
        ...amounts,
        quantityUnit: input.quantityUnit ?? defaultQuantityUnit(vehicle, user.volumeUnit),
        currency: input.currency ?? user.currency,
        fuelType: input.fuelType ?? null,
        fuelGrade: input.fuelGrade ?? null,
        isFull: input.isFull ?? true,
        missedPrevious: input.missedPrevious ?? false,
        stationId: null,
        stationName: input.stationName ?? null,
        notes: input.notes ?? null,
        tags: input.tags ?? [],
      };
      const history = await this.checkOdometerOrder(manager, caller, vehicle, { id: '', ...values });
      const fill = await this.scoped(manager, caller).create(values);
      await this.report(manager, caller, fill);
      return { fill, history: [...history, fill] };
    });
    const [dto] = await this.withEconomy(caller, [created.fill], { vehicle, history: created.history });
    return dto;
  }

  async update(caller: AuthenticatedUser, id: string, patch: FuelLogFieldsDto): Promise<FuelLogDto> {
    const current = await this.fills.forUser(caller.userId).findOne(id);
    const vehicle = await this.vehicles.findOwned(caller.userId, current.vehicleId);
    const touchesAmounts = ['quantity', 'pricePerUnit', 'totalCost'].some((field) => field in patch);
    const amounts = touchesAmounts ? this.amountsOf(patchedAmounts(current, patch)) : {};
    const { filledAt, ...fields } = patch;
    const values = { ...fields, ...amounts, ...(filledAt ? { filledAt: new Date(filledAt) } : {}) };
    await this.dataSource.transaction(async (manager) => {
      await this.checkOdometerOrder(manager, caller, vehicle, { ...current, ...values });
      const fill = await this.scoped(manager, caller).update(id, values);
      await this.report(manager, caller, fill);
    });
    return this.get(caller, id);
  }

  async remove(caller: AuthenticatedUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.scoped(manager, caller).softDelete(id);
      await this.odometer.withdraw(caller.userId, readingSource, id, manager);
    });
  }

  async restore(caller: AuthenticatedUser, id: string): Promise<FuelLogDto> {
    await this.dataSource.transaction(async (manager) => {
      const fill = await this.scoped(manager, caller).restore(id);
      const vehicle = await this.vehicles.findOwned(caller.userId, fill.vehicleId);
      await this.checkOdometerOrder(manager, caller, vehicle, fill);
      await this.report(manager, caller, fill);
    });
    return this.get(caller, id);
  }

  /** The live fill-ups of one of the caller's vehicles, for economy and statistics. */
  history(userId: string, vehicleId: string, manager: EntityManager = this.dataSource.manager): Promise<StoredFill[]> {
    return readFuelHistory(manager, userId, vehicleId);
  }

  /** `known`: a vehicle whose history the caller has just read, so it is not read again. */
  private async withEconomy(
    caller: AuthenticatedUser,
    fills: FuelLogEntity[],
    known?: { vehicle: OwnedVehicle; history: StoredFill[] },
  ): Promise<FuelLogDto[]> {
    const preference = (await this.users.findById(caller.userId)).economyUnit as LiquidEconomyUnit;
    const economies = new Map<string, Pick<FuelLogDto, 'economy' | 'economyReason'>>();
    for (const vehicleId of new Set(fills.map((fill) => fill.vehicleId))) {
      const prefetched = known?.vehicle.id === vehicleId ? known : undefined;
      const vehicle = prefetched?.vehicle ?? (await this.vehicles.findOwned(caller.userId, vehicleId));
      const history = prefetched?.history ?? (await this.history(caller.userId, vehicleId));
      const unit = displayEconomyUnit(preference, energyOf(history));
      for (const [id, entry] of economyPerEntry(history.map((fill) => canonicalFill(fill, vehicle.odometerUnit)))) {
        const economy = entry.window
          ? { value: round(economyValue(entry.window.distanceKm, entry.window.fuel, unit), 2), unit }
          : null;
        economies.set(id, { economy, economyReason: entry.reason });
      }
    }
    return fills.map((fill) => ({
      ...toFuelLogDto(fill),
      ...(economies.get(fill.id) ?? { economy: null, economyReason: 'baseline' }),
    }));
  }

  private amountsOf(given: GivenAmounts) {
    const amounts = completeAmounts(given);
    if (Array.isArray(amounts)) throw new ValidationProblem(amounts);
    return amounts;
  }

  /** The odometer may not go backwards along date order: a 400 naming the readings it would break. */
  private async checkOdometerOrder(
    manager: EntityManager,
    caller: AuthenticatedUser,
    vehicle: OwnedVehicle,
    fill: Pick<FuelLogEntity, 'id' | 'filledAt' | 'odometer'>,
  ): Promise<StoredFill[]> {
    // One writer per vehicle at a time: two fill-ups checked side by side could each pass and together break the order.
    await this.vehicles.lockForWriting(manager, vehicle.id);
    // Readings of one vehicle share its unit, so they compare as they are, without converting to km.
    const history = await this.history(caller.userId, vehicle.id, manager);
    const others = history.map((other) => ({ ...other, odometerKm: other.odometer }));
    const conflict = findOdometerConflict(others, { id: fill.id, filledAt: fill.filledAt, odometerKm: fill.odometer });
    if (!conflict) return history;
    const describe = (other: { filledAt: Date; odometer: number }) =>
      `${other.odometer} ${vehicle.odometerUnit} on ${other.filledAt.toISOString()}`;
    const parts = [
      conflict.previous && `an earlier fill-up reads ${describe(conflict.previous)}`,
      conflict.next && `a later fill-up reads ${describe(conflict.next)}`,
    ].filter(Boolean);
    throw new ProblemException(HttpStatus.BAD_REQUEST, {
      title: 'Odometer out of order',
      detail: `The odometer cannot go backwards: ${parts.join(' and ')}.`,
      errors: [{ field: 'odometer', message: `must fit between the neighbouring readings: ${parts.join('; ')}` }],
      previous: conflict.previous && {
        id: conflict.previous.id,
        filledAt: conflict.previous.filledAt,
        odometer: conflict.previous.odometer,
      },
      next: conflict.next && {
        id: conflict.next.id,
        filledAt: conflict.next.filledAt,
        odometer: conflict.next.odometer,
      },
    });
  }

  private report(manager: EntityManager, caller: AuthenticatedUser, fill: FuelLogEntity): Promise<void> {
    return this.odometer.report(
      caller.userId,
      fill.vehicleId,
      { source: readingSource, sourceId: fill.id, odometer: fill.odometer, recordedAt: fill.filledAt },
      manager,
    );
  }

  private scoped(manager: EntityManager, caller: AuthenticatedUser) {
    return new UserScopedRepository(manager.getRepository(FuelLogEntity), notFound).forUser(caller.userId);
  }
}

/** Half-open, as everywhere in the app (stats, charts, the web's month ranges): from <= filledAt < to. */
function filledAtRange(from?: string, to?: string): FindOptionsWhere<FuelLogEntity> {
  if (from && to) return { filledAt: And(MoreThanOrEqual(new Date(from)), LessThan(new Date(to))) };
  if (from) return { filledAt: MoreThanOrEqual(new Date(from)) };
  if (to) return { filledAt: LessThan(new Date(to)) };
  return {};
}

function patchedAmounts(current: FuelLogEntity, patch: FuelLogFieldsDto): GivenAmounts {
  const given = (['quantity', 'pricePerUnit', 'totalCost'] as const).filter((field) => patch[field] !== undefined);
  if (given.length >= 2) return Object.fromEntries(given.map((field) => [field, patch[field]]));
  // One amount changed: keep the quantity unless it is the one changing, and work out the other.
  const [changed] = given;
  return changed === 'quantity'
    ? { quantity: patch.quantity, pricePerUnit: current.pricePerUnit }
    : { quantity: current.quantity, [changed]: patch[changed] };
}

function defaultQuantityUnit(vehicle: OwnedVehicle, volumeUnit: 'l' | 'gal_us' | 'gal_uk') {
  return vehicle.fuelTypes.length === 1 && vehicle.fuelTypes[0] === 'electric' ? 'kwh' : volumeUnit;
}

function round(value: number, places: number): number {
  return Math.round(value * 10 ** places) / 10 ** places;
}

export function toFuelLogDto(fill: FuelLogEntity): Omit<FuelLogDto, 'economy' | 'economyReason'> {
  const { userId: _userId, deletedAt: _deletedAt, ...rest } = fill;
  return {
    ...rest,
    filledAt: fill.filledAt.toISOString(),
    createdAt: fill.createdAt.toISOString(),
    updatedAt: fill.updatedAt.toISOString(),
  };
}
