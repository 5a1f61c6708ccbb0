import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ValidationProblem } from '@mvp/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { Page, UserScopedRepository } from '../../../core/identity/scoping/user-scoped-repository';
import { UsersService } from '../../../core/identity/users/users.service';
import { OwnedVehicle, VehiclesService } from '../../vehicles';
import { reminderFilter } from '../data/maintenance-reminder-filters';
import { MaintenanceReminderEntity } from '../data/maintenance-reminder.entity';
import { calendarDateAt } from './calendar-date';
import { categoryKeyOrRefuse } from './maintenance-categories';
import { MaintenanceRecordsService } from './maintenance-records.service';
import { ReminderSchedule, scheduleProblems } from './reminder-due';
import { ReminderDueService } from './reminder-due.service';
import {
  CompletionRecord,
  NewReminder,
  ReminderFields,
  ReminderListQuery,
  ReminderToImport,
  ReminderWithDue,
} from './reminder-fields';
import { byUrgency, pageOf } from './reminder-order';
import { TITLE_MAX_LENGTH } from './reminder-templates';

const notFound = 'No such reminder.';

/** The fields that decide when a reminder is due: a change to one resets what its owner was alerted of. */
const scheduleFields = [
  'category',
  'serviceKey',
  'intervalMonths',
  'intervalDistance',
  'dueDate',
  'dueOdometer',
  'startDate',
  'startOdometer',
] as const;

type ReminderValues = Omit<MaintenanceReminderEntity, 'id' | 'userId' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

/**
 * Reminders of the caller's vehicles, each answered with what is due now (`ReminderDueService`).
 * Completing one records the service and rolls it forward in one transaction.
 */
@Injectable()
export class RemindersService {
  private readonly reminders: UserScopedRepository<MaintenanceReminderEntity>;

  constructor(
    @InjectRepository(MaintenanceReminderEntity) repository: Repository<MaintenanceReminderEntity>,
    private readonly dataSource: DataSource,
    private readonly vehicles: VehiclesService,
    private readonly users: UsersService,
    private readonly due: ReminderDueService,
    private readonly records: MaintenanceRecordsService,
  ) {
    this.reminders = new UserScopedRepository(repository, notFound);
  }

  /** The caller's reminders, most pressing first. */
  async list(scope: RequestScope, query: ReminderListQuery): Promise<Page<ReminderWithDue>> {
    if (query.vehicleId) await this.vehicles.get(scope, query.vehicleId);
    const reminders = await scope.of(this.reminders).all({ where: reminderFilter(query) });
    const withDue = await this.due.of(scope, reminders);
    return pageOf(withDue.sort(byUrgency), query.page, query.pageSize);
  }

  /** The caller's live reminders, open and completed in id order, up to `limit` after the id `after` (null: from the first): a keyset page for the export. */
  exportPage(scope: RequestScope, after: string | null, limit: number): Promise<MaintenanceReminderEntity[]> {
    return scope.of(this.reminders).pageAfter(after, limit);
  }

  /** Every open reminder of the caller's live vehicles with what is due, most pressing first. */
  async allOpen(scope: RequestScope, now = new Date()): Promise<ReminderWithDue[]> {
    const reminders = await scope.of(this.reminders).all({ where: reminderFilter({}) });
    return (await this.due.of(scope, reminders, { now })).sort(byUrgency);
  }

  /** What needs doing across the caller's vehicles: overdue first, then due soon. */
  async dueList(scope: RequestScope, page?: { page?: number; pageSize?: number }): Promise<Page<ReminderWithDue>> {
    const pressing = (await this.allOpen(scope)).filter(({ due }) => due.status !== 'ok');
    return pageOf(pressing, page?.page, page?.pageSize);
  }

  /** The service keys of a vehicle's open reminders: a template is added to a vehicle once. */
  async openServiceKeys(scope: RequestScope, vehicleId: string): Promise<Set<string | null>> {
    const open = await scope.of(this.reminders).all({ where: reminderFilter({ vehicleId }) });
    return new Set(open.map((reminder) => reminder.serviceKey));
  }

  async get(scope: RequestScope, id: string): Promise<ReminderWithDue> {
    const [found] = await this.due.of(scope, [await scope.of(this.reminders).findOne(id)]);
    // A reminder of a deleted vehicle is as gone as the vehicle.
    if (!found) throw new NotFoundException(notFound);
    return found;
  }

  async create(scope: RequestScope, input: NewReminder): Promise<ReminderWithDue> {
    const vehicle = await this.vehicles.get(scope, input.vehicleId);
    const [id] = await this.insert(scope, await this.newValues(scope, vehicle, [input]));
    return this.get(scope, id);
  }

  /** Several reminders for one vehicle in one transaction: all or none. */
  async createMany(scope: RequestScope, inputs: ReminderValues[]): Promise<ReminderWithDue[]> {
    const ids = await this.insert(scope, inputs);
    return this.due.of(scope, await Promise.all(ids.map((id) => scope.of(this.reminders).findOne(id))));
  }

  async update(scope: RequestScope, id: string, patch: ReminderFields): Promise<ReminderWithDue> {
    const current = await scope.of(this.reminders).findOne(id);
    const { category, ...fields } = patch;
    const changes: Partial<ReminderValues> = {
      ...fields,
      ...(category === undefined ? {} : { category: categoryKeyOrRefuse(category) }),
    };
    const next = { ...current, ...changes };
    check(next);
    if (scheduleFields.some((field) => changes[field] !== undefined))
      changes.alertedStatus = await this.due.statusOf(scope, next);
    await scope.of(this.reminders).update(id, changes);
    return this.get(scope, id);
  }

  async remove(scope: RequestScope, id: string): Promise<void> {
    await scope.of(this.reminders).softDelete(id);
  }

  async restore(scope: RequestScope, id: string): Promise<ReminderWithDue> {
    const restored = await scope.of(this.reminders).restore(id);
    await this.vehicles.get(scope, restored.vehicleId);
    await scope.of(this.reminders).update(id, { alertedStatus: await this.due.statusOf(scope, restored) });
    return this.get(scope, id);
  }

  /**
   * Records the service a reminder asked for and rolls it forward, in one transaction: a recurring
   * reminder counts from the new record; a one-off one is done. The record takes the reminder's
   * vehicle, category, service and title unless given, today and the vehicle's odometer by default.
   */
  async complete(scope: RequestScope, id: string, input: CompletionRecord) {
    const reminder = await scope.of(this.reminders).findOne(id);
    if (reminder.completedAt) throw new ConflictException('This reminder is already done.');
    const vehicle = await this.vehicles.get(scope, reminder.vehicleId);
    const { timeZone } = await this.users.findCaller(scope);
    const recordId = await this.dataSource.transaction(async (manager) => {
      const recordId = await this.records.createWithin(manager, scope, {
        category: reminder.category,
        serviceKey: reminder.serviceKey,
        title: reminder.title,
        performedAt: calendarDateAt(new Date(), timeZone),
        odometer: vehicle.currentOdometer,
        ...input,
        vehicleId: vehicle.id,
      });
      const done = reminder.intervalMonths === null && reminder.intervalDistance === null;
      const changes = done ? { completedAt: new Date(), completedRecordId: recordId } : {};
      const alertedStatus = await this.due.statusOf(scope, { ...reminder, ...changes }, manager);
      await scope.of(this.reminders.within(manager)).update(id, { ...changes, alertedStatus });
      return recordId;
    });
    return { record: await this.records.get(scope, recordId), reminder: await this.get(scope, id) };
  }

  /**
   * New reminders' values for one vehicle: category keyed, start defaulting to today and the
   * current odometer, checked, and the status they start with, worked out in one pass over the facts.
   */
  async newValues(scope: RequestScope, vehicle: OwnedVehicle, inputs: ReminderFields[]): Promise<ReminderValues[]> {
    const { timeZone } = await this.users.findCaller(scope);
    const today = calendarDateAt(new Date(), timeZone);
    const drafts = inputs.map((input) => draftValues(vehicle, input, today));
    const unsaved = drafts.map((values, index) => ({ ...values, id: String(index) }) as MaintenanceReminderEntity);
    const statuses = new Map((await this.due.of(scope, unsaved)).map(({ reminder, due }) => [reminder.id, due.status]));
    return drafts.map((values, index) => ({ ...values, alertedStatus: statuses.get(String(index)) ?? 'ok' }));
  }

  /**
   * Reminders of one vehicle from our own export, in the caller's transaction (an import): checked as
   * new ones are, their completion and last alert kept as they were. Their ids, in the order given.
   */
  async importWithin(
    manager: EntityManager,
    scope: RequestScope,
    vehicle: OwnedVehicle,
    inputs: ReminderToImport[],
  ): Promise<string[]> {
    const { timeZone } = await this.users.findCaller(scope, manager);
    const today = calendarDateAt(new Date(), timeZone);
    const reminders = scope.of(this.reminders.within(manager));
    const ids: string[] = [];
    for (const { completedAt, completedRecordId, alertedStatus, ...fields } of inputs) {
      const values = { ...draftValues(vehicle, fields, today), completedAt, completedRecordId, alertedStatus };
      ids.push((await reminders.create(values)).id);
    }
    return ids;
  }

  private async insert(scope: RequestScope, rows: ReminderValues[]): Promise<string[]> {
    return this.dataSource.transaction(async (manager: EntityManager) => {
      const ids: string[] = [];
      for (const values of rows) ids.push((await scope.of(this.reminders.within(manager)).create(values)).id);
      return ids;
    });
  }
}

/** A title, and a schedule that recurs or is due once (`scheduleProblems`): a 400 naming each field. */
function check(values: Pick<ReminderValues, 'title'> & Omit<ReminderSchedule, 'category'>): void {
  const problems: { field: string; message: string }[] = scheduleProblems(values);
  const title = values.title.trim();
  if (title.length === 0) problems.unshift({ field: 'title', message: 'must not be empty' });
  if ([...title].length > TITLE_MAX_LENGTH)
    problems.unshift({ field: 'title', message: `must be at most ${TITLE_MAX_LENGTH} characters` });
  if (problems.length > 0) throw new ValidationProblem(problems);
}

/** A new reminder's values from a form, before its starting status is known; a 400 naming each bad field. */
function draftValues(vehicle: OwnedVehicle, input: ReminderFields, today: string): ReminderValues {
  const missing = (['title', 'category'] as const).filter((field) => input[field] === undefined);
  if (missing.length) throw new ValidationProblem(missing.map((field) => ({ field, message: 'is required' })));
  const values: ReminderValues = {
    vehicleId: vehicle.id,
    title: input.title!,
    category: categoryKeyOrRefuse(input.category!),
    serviceKey: input.serviceKey ?? null,
    intervalMonths: input.intervalMonths ?? null,
    intervalDistance: input.intervalDistance ?? null,
    dueDate: input.dueDate ?? null,
    dueOdometer: input.dueOdometer ?? null,
    startDate: input.startDate ?? today,
    startOdometer: input.startOdometer ?? vehicle.currentOdometer,
    notes: input.notes ?? null,
    completedAt: null,
    completedRecordId: null,
    alertedStatus: 'ok',
  };
  check(values);
  return values;
}
