import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ValidationProblem } from '@mvp/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { Page, UserScopedRepository } from '../../../core/identity/scoping/user-scoped-repository';
import { UsersService } from '../../../core/identity/users/users.service';
import { LineFieldProblem, LinesRefused } from '../../../core/validation/line-problems';
import { StationsService } from '../../stations';
import { odometerOutOfOrder, OdometerReport, OdometerService, OwnedVehicle, VehiclesService } from '../../vehicles';
import { FuelLogEntity } from '../data/fuel-log.entity';
import { readFuelHistory, readFuelHistoryColumns } from '../data/fuel-history.query';
import { FuelLogListRepository } from '../data/fuel-log-list.query';
import { LiquidEconomyUnit } from './economy-units';
import { insertFillUpReadingHistory } from '../data/fill-up-insert.query';
import { completeAmounts, FillAmounts, GivenAmounts } from './fill-amounts';
import { economiesOf, FillUpEconomy, ListedFillUp, listedFillUps } from './fill-up-economies';
import { findOdometerConflict } from './fuel-economy';
import { FillUpToImport, FillUpWithEconomy, FuelLogFields, FuelLogListQuery, NewFuelLog } from './fuel-log-fields';
import { FuelHistoryColumns, StoredFill } from './fuel-history';
import { BatchReading, findBatchOdometerProblems } from './odometer-batch';

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
    @InjectRepository(FuelLogEntity) repository: Repository<FuelLogEntity>,
    private readonly dataSource: DataSource,
    private readonly vehicles: VehiclesService,
    private readonly odometer: OdometerService,
    private readonly users: UsersService,
    private readonly stations: StationsService,
    private readonly listed: FuelLogListRepository,
  ) {
    this.fills = new UserScopedRepository(repository, notFound);
  }

  /** A page of the caller's fill-ups as list rows (numbers and ISO text, ready to send), each with its economy. */
  async list(scope: RequestScope, query: FuelLogListQuery): Promise<Page<ListedFillUp>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const { vehicleId, from, to } = query;
    const { rows, total } = await this.listed.page({ userId: scope.userId, vehicleId, from, to, page, pageSize });
    // Only the live vehicles' fill-ups are listed, so a row proves the vehicle is the caller's; without one, a 404 if it is not.
    if (vehicleId && rows.length === 0) await this.vehicles.get(scope, vehicleId);
    const preference = (await this.users.findCaller(scope)).economyUnit as LiquidEconomyUnit;
    return { items: listedFillUps(rows, preference), total, page, pageSize };
  }

  async get(scope: RequestScope, id: string): Promise<FillUpWithEconomy> {
    const fills = await this.withStationNames(scope, [await scope.of(this.fills).findOne(id)]);
    const [entry] = await this.withEconomy(scope, fills);
    return entry;
  }

  async create(scope: RequestScope, input: NewFuelLog): Promise<FillUpWithEconomy> {
    const user = await this.users.findCaller(scope);
    const created = await this.dataSource.transaction(async (manager) => {
      // One writer per vehicle at a time: two fill-ups checked side by side could each pass and together break the order.
      const vehicle = await this.vehicles.getForWriting(scope, input.vehicleId, manager);
      const missing = (['filledAt', 'odometer'] as const).filter((field) => input[field] === undefined);
      if (missing.length) throw new ValidationProblem(missing.map((field) => ({ field, message: 'is required' })));
      const amounts = this.amountsOf(input);
      const station = await this.stations.forFillUp(scope, input, manager);
      const values = newFillUpValues(
        vehicle,
        user,
        { ...input, filledAt: input.filledAt!, odometer: input.odometer! },
        amounts,
        station,
      );
      // Written, then checked against the history as it was: a conflict throws, which rolls the insert back.
      const { fill, history } = await insertFillUpReadingHistory(manager, scope.userId, {
        id: randomUUID(),
        ...values,
      });
      refuseOdometerConflict(vehicle, history, fill);
      await this.odometer.reportNew(scope, vehicle.id, [readingOf(fill)], manager);
      return { vehicle, fill, history: [...history, fill] };
    });
    const [entry] = await this.withEconomy(scope, [created.fill], created);
    return entry;
  }

  /**
   * Writes many fill-ups of one vehicle in the caller's transaction (an import), by the rules of
   * `create`: amounts completed, the same defaults, stations by name. They come a chunk at a time
   * (an array of them is one chunk), each written as it comes while no line has been at fault, so
   * only a chunk of them is held; what the odometer check needs of each is kept compact. The
   * vehicle's history is read once and the whole batch checked against it and itself; any line at
   * fault refuses the batch (`LinesRefused`, listing every such line), which rolls back the caller's
   * transaction and with it whatever was written. The new fill-ups' ids, in the order given.
   */
  async importFillUps(
    scope: RequestScope,
    vehicleId: string,
    chunks: Iterable<readonly FillUpToImport[]> | AsyncIterable<readonly FillUpToImport[]>,
    manager: EntityManager,
  ): Promise<string[]> {
    const vehicle = await this.vehicles.get(scope, vehicleId, manager);
    const user = await this.users.findCaller(scope, manager);
    await this.vehicles.lockForWriting(manager, vehicle.id);
    const history = await this.history(scope, vehicle.id, manager);
    const fills = scope.of(this.fills.within(manager));
    const problems: LineFieldProblem[] = [];
    const stations = new Map<string, { stationId: string | null; stationName: string | null } | undefined>();
    const readings: (BatchReading & { line: number })[] = [];
    const ids: string[] = [];
    for await (const chunk of chunks) {
      const values: ReturnType<typeof newFillUpValues>[] = [];
      for (const input of chunk) {
        const amounts = completeAmounts(input);
        if (Array.isArray(amounts)) {
          problems.push(...amounts.map((problem) => ({ line: input.line, ...problem })));
          continue;
        }
        const stationKey = input.stationId ? `id:${input.stationId}` : (input.stationName?.trim().toLowerCase() ?? '');
        if (stationKey && !stations.has(stationKey)) {
          const { stationId, stationName } = input;
          stations.set(stationKey, await this.stations.forFillUp(scope, { stationId, stationName }, manager));
        }
        const row = newFillUpValues(vehicle, user, input, amounts, stationKey ? stations.get(stationKey) : undefined);
        readings.push({ line: input.line, filledAt: row.filledAt, odometer: row.odometer });
        values.push(row);
      }
      if (problems.length) continue;
      const written = await fills.createMany(values);
      const reports = values.map((row, index) => ({
        source: readingSource,
        sourceId: written[index],
        odometer: row.odometer,
        recordedAt: row.filledAt,
      }));
      await this.odometer.reportNew(scope, vehicle.id, reports, manager);
      ids.push(...written);
    }
    for (const problem of findBatchOdometerProblems(history, readings, vehicle.odometerUnit)) {
      problems.push({ line: problem.line, field: 'odometer', message: problem.message });
    }
    if (problems.length) throw new LinesRefused(problems);
    return ids;
  }

  async update(scope: RequestScope, id: string, patch: FuelLogFields): Promise<FillUpWithEconomy> {
    const current = await scope.of(this.fills).findOne(id);
    const vehicle = await this.vehicles.get(scope, current.vehicleId);
    const touchesAmounts = ['quantity', 'pricePerUnit', 'totalCost'].some((field) => field in patch);
    const amounts = touchesAmounts ? this.amountsOf(patchedAmounts(current, patch)) : {};
    const { filledAt, stationId, stationName, ...fields } = patch;
    await this.dataSource.transaction(async (manager) => {
      const station = await this.stations.forFillUp(scope, { stationId, stationName }, manager);
      const values = { ...fields, ...amounts, ...station, ...(filledAt ? { filledAt: new Date(filledAt) } : {}) };
      await this.checkOdometerOrder(manager, scope, vehicle, { ...current, ...values });
      const fill = await scope.of(this.fills.within(manager)).update(id, values);
      await this.report(manager, scope, fill);
    });
    return this.get(scope, id);
  }

  async remove(scope: RequestScope, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await scope.of(this.fills.within(manager)).softDelete(id);
      await this.odometer.withdraw(scope, readingSource, id, manager);
    });
  }

  async restore(scope: RequestScope, id: string): Promise<FillUpWithEconomy> {
    await this.dataSource.transaction(async (manager) => {
      const fill = await scope.of(this.fills.within(manager)).restore(id);
      const vehicle = await this.vehicles.get(scope, fill.vehicleId, manager);
      await this.checkOdometerOrder(manager, scope, vehicle, fill);
      await this.report(manager, scope, fill);
    });
    return this.get(scope, id);
  }

  /** The caller's live fill-ups, as stored in id order, up to `limit` after the id `after` (null: from the first): a keyset page for the export. */
  exportPage(scope: RequestScope, after: string | null, limit: number): Promise<FuelLogEntity[]> {
    return scope.of(this.fills).pageAfter(after, limit);
  }

  /** The live fill-ups of one of the caller's vehicles, for economy and statistics. */
  history(
    scope: RequestScope,
    vehicleId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<StoredFill[]> {
    return readFuelHistory(manager, scope.userId, vehicleId);
  }

  /** The same history as columns (`FuelHistoryColumns`), for statistics over a long one. */
  historyColumns(scope: RequestScope, vehicleId: string): Promise<FuelHistoryColumns> {
    return readFuelHistoryColumns(this.dataSource.manager, scope.userId, vehicleId);
  }

  /** Fill-ups naming their station as it is called now (it may have been renamed since). */
  private async withStationNames(scope: RequestScope, fills: FuelLogEntity[]): Promise<FuelLogEntity[]> {
    const ids = fills.flatMap((fill) => (fill.stationId ? [fill.stationId] : []));
    const names = await this.stations.namesOf(scope, ids);
    return fills.map((fill) =>
      fill.stationId && names.has(fill.stationId) ? { ...fill, stationName: names.get(fill.stationId)! } : fill,
    );
  }

  /** `known`: a vehicle whose history the caller has just read, so it is not read again. */
  private async withEconomy(
    scope: RequestScope,
    fills: FuelLogEntity[],
    known?: { vehicle: OwnedVehicle; history: StoredFill[] },
  ): Promise<FillUpWithEconomy[]> {
    const preference = (await this.users.findCaller(scope)).economyUnit as LiquidEconomyUnit;
    const economies = new Map<string, FillUpEconomy>();
    for (const vehicleId of new Set(fills.map((fill) => fill.vehicleId))) {
      const prefetched = known?.vehicle.id === vehicleId ? known : undefined;
      const vehicle = prefetched?.vehicle ?? (await this.vehicles.get(scope, vehicleId));
      const history = prefetched?.history ?? (await this.history(scope, vehicleId));
      for (const [id, economy] of economiesOf(history, vehicle.odometerUnit, preference)) economies.set(id, economy);
    }
    return fills.map((fill) => ({ fill, ...(economies.get(fill.id) ?? { economy: null, economyReason: 'baseline' }) }));
  }

  private amountsOf(given: GivenAmounts) {
    const amounts = completeAmounts(given);
    if (Array.isArray(amounts)) throw new ValidationProblem(amounts);
    return amounts;
  }

  /** The odometer may not go backwards along date order: a 400 naming the readings it would break. */
  private async checkOdometerOrder(
    manager: EntityManager,
    scope: RequestScope,
    vehicle: OwnedVehicle,
    fill: Pick<FuelLogEntity, 'id' | 'filledAt' | 'odometer'>,
  ): Promise<StoredFill[]> {
    // One writer per vehicle at a time: two fill-ups checked side by side could each pass and together break the order.
    await this.vehicles.lockForWriting(manager, vehicle.id);
    const history = await this.history(scope, vehicle.id, manager);
    refuseOdometerConflict(vehicle, history, fill);
    return history;
  }

  private report(manager: EntityManager, scope: RequestScope, fill: FuelLogEntity): Promise<void> {
    return this.odometer.report(scope, fill.vehicleId, readingOf(fill), manager);
  }
}

/** What a fill-up reports to its vehicle's odometer. */
function readingOf(fill: Pick<FuelLogEntity, 'id' | 'filledAt' | 'odometer'>): OdometerReport {
  return { source: readingSource, sourceId: fill.id, odometer: fill.odometer, recordedAt: fill.filledAt };
}

/**
 * The odometer may not go backwards along date order: a 400 naming the readings of `history` (the
 * vehicle's other fill-ups) that `fill` would break.
 */
function refuseOdometerConflict(
  vehicle: OwnedVehicle,
  history: readonly StoredFill[],
  fill: Pick<FuelLogEntity, 'id' | 'filledAt' | 'odometer'>,
): void {
  // Readings of one vehicle share its unit, so they compare as they are, without converting to km.
  const others = history.map((other) => ({ ...other, odometerKm: other.odometer }));
  const conflict = findOdometerConflict(others, { id: fill.id, filledAt: fill.filledAt, odometerKm: fill.odometer });
  if (!conflict) return;
  const reading = (label: string, other: StoredFill) => ({
    label,
    odometer: other.odometer,
    at: other.filledAt.toISOString(),
    member: { id: other.id, filledAt: other.filledAt, odometer: other.odometer },
  });
  throw odometerOutOfOrder(vehicle.odometerUnit, {
    previous: conflict.previous && reading('an earlier fill-up', conflict.previous),
    next: conflict.next && reading('a later fill-up', conflict.next),
  });
}

function patchedAmounts(current: FuelLogEntity, patch: FuelLogFields): GivenAmounts {
  const given = (['quantity', 'pricePerUnit', 'totalCost'] as const).filter((field) => patch[field] !== undefined);
  if (given.length >= 2) return Object.fromEntries(given.map((field) => [field, patch[field]]));
  // One amount changed: keep the quantity unless it is the one changing, and work out the other.
  const [changed] = given;
  return changed === 'quantity'
    ? { quantity: patch.quantity, pricePerUnit: current.pricePerUnit }
    : { quantity: current.quantity, [changed]: patch[changed] };
}

/** A new fill-up's columns: the amounts completed, the station resolved, the defaults of a typed one. */
function newFillUpValues(
  vehicle: OwnedVehicle,
  user: { volumeUnit: 'l' | 'gal_us' | 'gal_uk'; currency: string },
  input: FuelLogFields & { filledAt: string; odometer: number },
  amounts: FillAmounts,
  station: { stationId: string | null; stationName: string | null } | undefined,
) {
  return {
    vehicleId: vehicle.id,
    filledAt: new Date(input.filledAt),
    odometer: input.odometer,
    ...amounts,
    quantityUnit: input.quantityUnit ?? defaultQuantityUnit(vehicle, user.volumeUnit),
    currency: input.currency ?? user.currency,
    fuelType: input.fuelType ?? null,
    fuelGrade: input.fuelGrade ?? null,
    isFull: input.isFull ?? true,
    missedPrevious: input.missedPrevious ?? false,
    ...(station ?? { stationId: null, stationName: null }),
    notes: input.notes ?? null,
    tags: input.tags ?? [],
  };
}

function defaultQuantityUnit(vehicle: OwnedVehicle, volumeUnit: 'l' | 'gal_us' | 'gal_uk') {
  return vehicle.fuelTypes.length === 1 && vehicle.fuelTypes[0] === 'electric' ? 'kwh' : volumeUnit;
}
