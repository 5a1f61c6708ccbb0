import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ProblemException, ValidationProblem } from '@mvp/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { Page, UserScopedRepository } from '../../../core/identity/scoping/user-scoped-repository';
import { UsersService } from '../../../core/identity/users/users.service';
import { LineFieldProblem, LinesRefused } from '../../../core/validation/line-problems';
import {
  OdometerNeighbour,
  odometerOutOfOrder,
  OdometerReport,
  OdometerService,
  OutOfOrderReading,
  OwnedVehicle,
  VehiclesService,
} from '../../vehicles';
import { MaintenancePartsRepository, PartValues } from '../data/maintenance-parts.repository';
import { MaintenanceRecordEntity } from '../data/maintenance-record.entity';
import { MaintenanceRecordListRepository, MaintenanceRecordRow } from '../data/maintenance-record-list.query';
import { insertRecordWithParts } from '../data/maintenance-record-insert.query';
import { startOfCalendarDateIn } from './calendar-date';
import { categoryKeyOrRefuse } from './maintenance-categories';
import {
  MaintenanceRecordFields,
  MaintenanceRecordListQuery,
  MaintenanceRecordWithParts,
  NewMaintenanceRecord,
  PartFields,
  RecordToImport,
} from './maintenance-record-fields';
import { completeCosts, GivenCosts } from './record-costs';

const notFound = 'No such maintenance record.';

const readingSource = 'maintenance';

/** What a record's writes need of it to check and report its odometer. */
type Dated = Pick<MaintenanceRecordEntity, 'id' | 'vehicleId' | 'performedAt' | 'odometer'>;

/**
 * Maintenance records: each belongs to one of the caller's vehicles, holds its parts (replaced as a
 * set), keeps its costs consistent (`completeCosts`), and reports its odometer to the vehicle. The
 * odometer may not go backwards against any of the vehicle's other readings, by calendar day.
 */
@Injectable()
export class MaintenanceRecordsService {
  private readonly records: UserScopedRepository<MaintenanceRecordEntity>;

  constructor(
    @InjectRepository(MaintenanceRecordEntity) repository: Repository<MaintenanceRecordEntity>,
    private readonly parts: MaintenancePartsRepository,
    private readonly listed: MaintenanceRecordListRepository,
    private readonly dataSource: DataSource,
    private readonly vehicles: VehiclesService,
    private readonly odometer: OdometerService,
    private readonly users: UsersService,
  ) {
    this.records = new UserScopedRepository(repository, notFound);
  }

  /** A page of the caller's records with their parts, as list rows (numbers and ISO text, ready to send). */
  async list(scope: RequestScope, query: MaintenanceRecordListQuery): Promise<Page<MaintenanceRecordRow>> {
    const category = query.category === undefined ? undefined : categoryKeyOrRefuse(query.category);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 25;
    const { vehicleId, from, to, q: text } = query;
    const { rows, total } = await this.listed.page({
      userId: scope.userId,
      vehicleId,
      category,
      from,
      to,
      text,
      page,
      pageSize,
    });
    // Only the live vehicles' records are listed, so a row proves the vehicle is the caller's; without one, a 404 if it is not.
    if (vehicleId && rows.length === 0) await this.vehicles.get(scope, vehicleId);
    return { items: rows, total, page, pageSize };
  }

  async get(scope: RequestScope, id: string): Promise<MaintenanceRecordWithParts> {
    const [found] = await this.withParts([await scope.of(this.records).findOne(id)]);
    return found;
  }

  async create(scope: RequestScope, input: NewMaintenanceRecord): Promise<MaintenanceRecordWithParts> {
    // Before the transaction: a user read past the cache takes a pooled connection of its own, and
    // one taken while holding another can starve the pool under load (every holder waiting for one more).
    const user = await this.users.findCaller(scope);
    return this.dataSource.transaction((manager) => this.write(manager, scope, input, user));
  }

  /** Writes a new record in the caller's transaction (completing a reminder does more in it); its id. */
  async createWithin(manager: EntityManager, scope: RequestScope, input: NewMaintenanceRecord): Promise<string> {
    return (await this.write(manager, scope, input, await this.users.findCaller(scope, manager))).record.id;
  }

  /** A new record and its parts, as stored, in the caller's transaction. */
  private async write(
    manager: EntityManager,
    scope: RequestScope,
    input: NewMaintenanceRecord,
    user: { currency: string; timeZone: string },
  ): Promise<MaintenanceRecordWithParts> {
    // One writer per vehicle at a time: two records checked side by side could each pass and together break the order.
    const vehicle = await this.vehicles.getForWriting(scope, input.vehicleId, manager);
    const missing = (['performedAt', 'odometer', 'category', 'title'] as const).filter(
      (field) => input[field] === undefined,
    );
    if (missing.length) throw new ValidationProblem(missing.map((field) => ({ field, message: 'is required' })));
    const parts = (input.parts ?? []).map(partValues);
    const costs = this.costsOf({
      parts: parts.length > 0 ? parts : undefined,
      labourCost: input.labourCost ?? undefined,
      totalCost: input.totalCost ?? undefined,
    });
    const values = {
      vehicleId: vehicle.id,
      performedAt: input.performedAt!,
      odometer: input.odometer!,
      category: categoryKeyOrRefuse(input.category!),
      serviceKey: input.serviceKey ?? null,
      title: input.title!,
      notes: input.notes ?? null,
      ...costs,
      currency: input.currency ?? user.currency,
      shop: input.shop ?? null,
      tags: input.tags ?? [],
    };
    await this.refuseOutOfOrder(manager, scope, vehicle, { id: '', ...values });
    const written = await insertRecordWithParts(manager, scope.userId, values, parts);
    await this.odometer.reportNew(scope, vehicle.id, [this.readingOf(written.record, user.timeZone)], manager);
    return written;
  }

  /**
   * Writes many records of one vehicle in the caller's transaction (an import), each by the rules of
   * `createWithin`, checked against the readings written before it (a file's fill-ups included). A
   * record without an odometer takes the highest reading before its day (the initial one at least);
   * without a category, `other`. Any line at fault refuses the batch (`LinesRefused`). The new ids, in the order given.
   */
  async importRecords(
    scope: RequestScope,
    vehicleId: string,
    inputs: RecordToImport[],
    manager: EntityManager,
  ): Promise<string[]> {
    const vehicle = await this.vehicles.get(scope, vehicleId, manager);
    const problems: LineFieldProblem[] = [];
    const ids = new Map<RecordToImport, string>();
    const ordered = [...inputs].sort((a, b) => a.performedAt.localeCompare(b.performedAt) || a.line - b.line);
    for (const entry of ordered) {
      const { line, ...input } = entry;
      try {
        const odometer = input.odometer ?? (await this.readingBefore(manager, scope, vehicle, input.performedAt));
        const fields = { ...input, odometer, category: input.category ?? 'other', vehicleId };
        ids.set(entry, await this.createWithin(manager, scope, fields));
      } catch (error) {
        if (!(error instanceof ProblemException)) throw error;
        const errors = error.problem.errors ?? [{ field: 'record', message: error.problem.detail }];
        problems.push(...errors.map((problem) => ({ line, field: problem.field, message: problem.message })));
      }
    }
    if (problems.length) throw new LinesRefused(problems);
    return inputs.map((input) => ids.get(input)!);
  }

  private async readingBefore(
    manager: EntityManager,
    scope: RequestScope,
    vehicle: OwnedVehicle,
    day: string,
  ): Promise<number> {
    const { previous } = await this.odometer.neighbours(scope, vehicle.id, { at: day }, manager);
    return previous?.odometer ?? vehicle.initialOdometer;
  }

  async update(scope: RequestScope, id: string, patch: MaintenanceRecordFields): Promise<MaintenanceRecordWithParts> {
    const current = await this.get(scope, id);
    const vehicle = await this.vehicles.get(scope, current.record.vehicleId);
    const { timeZone } = await this.users.findCaller(scope);
    const { parts: givenParts, labourCost, totalCost, category, ...fields } = patch;
    const parts = givenParts?.map(partValues);
    const touchesCosts = parts !== undefined || labourCost !== undefined || totalCost !== undefined;
    const costs = touchesCosts ? this.costsOf(patchedCosts(current, { parts, labourCost, totalCost })) : {};
    const values = {
      ...fields,
      ...costs,
      ...(category === undefined ? {} : { category: categoryKeyOrRefuse(category) }),
    };
    await this.dataSource.transaction(async (manager) => {
      await this.checkOdometerOrder(manager, scope, vehicle, { ...current.record, ...values });
      const record = await scope.of(this.records.within(manager)).update(id, values);
      if (parts) await this.parts.replace(manager, id, parts);
      await this.report(manager, scope, record, timeZone);
    });
    return this.get(scope, id);
  }

  async remove(scope: RequestScope, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await scope.of(this.records.within(manager)).softDelete(id);
      await this.odometer.withdraw(scope, readingSource, id, manager);
    });
  }

  async restore(scope: RequestScope, id: string): Promise<MaintenanceRecordWithParts> {
    const { timeZone } = await this.users.findCaller(scope);
    await this.dataSource.transaction(async (manager) => {
      const record = await scope.of(this.records.within(manager)).restore(id);
      const vehicle = await this.vehicles.get(scope, record.vehicleId, manager);
      await this.checkOdometerOrder(manager, scope, vehicle, record);
      await this.report(manager, scope, record, timeZone);
    });
    return this.get(scope, id);
  }

  /** The caller's live records with their parts in id order, up to `limit` after the id `after` (null: from the first): a keyset page for the export. */
  async exportPage(scope: RequestScope, after: string | null, limit: number): Promise<MaintenanceRecordWithParts[]> {
    return this.withParts(await scope.of(this.records).pageAfter(after, limit));
  }

  private async withParts(records: MaintenanceRecordEntity[]): Promise<MaintenanceRecordWithParts[]> {
    const parts = await this.parts.ofRecords(records.map((record) => record.id));
    return records.map((record) => ({ record, parts: parts.get(record.id) ?? [] }));
  }

  /** Labour and total in the record's currency (null: not given), from `completeCosts`; a 400 naming the field. */
  private costsOf(given: GivenCosts): Pick<MaintenanceRecordEntity, 'labourCost' | 'totalCost'> {
    const costs = completeCosts(given);
    if (Array.isArray(costs)) throw new ValidationProblem(costs);
    const major = (minor: number | null) => (minor === null ? null : minor / 100);
    return { labourCost: major(costs.labourCostMinor), totalCost: major(costs.totalCostMinor) };
  }

  /**
   * The odometer may not go backwards along date order against any of the vehicle's live readings
   * (initial, fill-ups, other records), its own excepted: a 400 naming the neighbouring reading.
   * A record has a day, not an instant, so readings on the same day in the user's time zone never
   * conflict with it (`OdometerService.neighbours`).
   */
  private async checkOdometerOrder(
    manager: EntityManager,
    scope: RequestScope,
    vehicle: OwnedVehicle,
    record: Dated,
  ): Promise<void> {
    // One writer per vehicle at a time: two records checked side by side could each pass and together break the order.
    await this.vehicles.lockForWriting(manager, vehicle.id);
    await this.refuseOutOfOrder(manager, scope, vehicle, record);
  }

  /** `checkOdometerOrder` with the vehicle already locked by the caller's transaction. */
  private async refuseOutOfOrder(
    manager: EntityManager,
    scope: RequestScope,
    vehicle: OwnedVehicle,
    record: Dated,
  ): Promise<void> {
    const { previous, next } = await this.odometer.neighbours(
      scope,
      vehicle.id,
      { at: record.performedAt, excluding: record.id ? { source: readingSource, sourceId: record.id } : undefined },
      manager,
    );
    const conflict = {
      previous: previous && previous.odometer > record.odometer ? previous : undefined,
      next: next && next.odometer < record.odometer ? next : undefined,
    };
    if (!conflict.previous && !conflict.next) return;
    throw odometerOutOfOrder(vehicle.odometerUnit, {
      previous: conflict.previous && outOfOrder(conflict.previous, 'earlier'),
      next: conflict.next && outOfOrder(conflict.next, 'later'),
    });
  }

  /** `timeZone`: the user's, read before the transaction (see `create`). */
  private async report(manager: EntityManager, scope: RequestScope, record: Dated, timeZone: string): Promise<void> {
    await this.odometer.report(scope, record.vehicleId, this.readingOf(record, timeZone), manager);
  }

  /** What a record reports to its vehicle's odometer: its reading at the start of its day, in the user's time zone. */
  private readingOf(record: Dated, timeZone: string): OdometerReport {
    return {
      source: readingSource,
      sourceId: record.id,
      odometer: record.odometer,
      recordedAt: startOfCalendarDateIn(record.performedAt, timeZone),
    };
  }
}

const sourceNames: Record<string, string> = { fuel_log: 'fill-up', maintenance: 'maintenance record' };

function outOfOrder(reading: OdometerNeighbour, side: 'earlier' | 'later'): OutOfOrderReading {
  const label =
    reading.source === 'initial'
      ? 'the initial reading'
      : `${side === 'earlier' ? 'an earlier' : 'a later'} ${sourceNames[reading.source] ?? 'reading'}`;
  return {
    label,
    odometer: reading.odometer,
    at: reading.day,
    member: {
      id: reading.sourceId,
      odometer: reading.odometer,
      source: reading.source,
      recordedAt: reading.recordedAt.toISOString(),
      day: reading.day,
    },
  };
}

function partValues(part: PartFields): PartValues {
  return { name: part.name, partNumber: part.partNumber ?? null, quantity: part.quantity, unitCost: part.unitCost };
}

/**
 * The costs after a patch that touches them: the patch's parts, labour and total over the record's
 * own. A total is kept only when given; otherwise it is worked out again from parts + labour (a
 * record whose total was given alone, with neither, keeps it).
 */
function patchedCosts(
  current: MaintenanceRecordWithParts,
  patch: { parts?: PartValues[]; labourCost?: number | null; totalCost?: number | null },
): GivenCosts {
  const parts = patch.parts ?? current.parts;
  const labourCost = patch.labourCost === undefined ? current.record.labourCost : patch.labourCost;
  const hasBreakdown = parts.length > 0 || labourCost !== null;
  const totalCost = patch.totalCost !== undefined ? patch.totalCost : hasBreakdown ? null : current.record.totalCost;
  return {
    ...(parts.length > 0 ? { parts } : {}),
    ...(labourCost === null ? {} : { labourCost }),
    ...(totalCost === null ? {} : { totalCost }),
  };
}
