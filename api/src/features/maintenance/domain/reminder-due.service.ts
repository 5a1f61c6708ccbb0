import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import type { UserEntity } from '../../../core/identity/users/user.entity';
import { UsersService } from '../../../core/identity/users/users.service';
import { OdometerService, OdometerUnit, VehiclesService } from '../../vehicles';
import type { MaintenanceReminderEntity } from '../data/maintenance-reminder.entity';
import { ReminderFactsQuery } from '../data/reminder-facts.query';
import { calendarDateAt } from './calendar-date';
import { PACE_WINDOW_DAYS } from './odometer-estimate';
import { DEFAULT_DUE_SOON_DISTANCE, DueSoonThresholds, reminderDue } from './reminder-due';
import type { ReminderWithDue } from './reminder-fields';

/** Readings older than this before a vehicle's last one cannot enter its pace (the window, and two days for zones). */
const READING_WINDOW_DAYS = PACE_WINDOW_DAYS + 2;

/**
 * Works out what is due for a set of one user's reminders: loads the facts once (the user's
 * thresholds and zone, the vehicles, their recent readings, the latest record of each category and
 * service) and applies `reminderDue` to each. Reminders of deleted vehicles are left out.
 */
@Injectable()
export class ReminderDueService {
  constructor(
    private readonly users: UsersService,
    private readonly vehicles: VehiclesService,
    private readonly odometer: OdometerService,
    private readonly facts: ReminderFactsQuery,
  ) {}

  async of(
    scope: RequestScope,
    reminders: readonly MaintenanceReminderEntity[],
    { now = new Date(), manager }: { now?: Date; manager?: EntityManager } = {},
  ): Promise<ReminderWithDue[]> {
    if (reminders.length === 0) return [];
    const user = await this.users.findCaller(scope, manager);
    const vehicles = new Map((await this.vehicles.allOwned(scope, manager)).map((vehicle) => [vehicle.id, vehicle]));
    const readings = groupBy(await this.odometer.recent(scope, READING_WINDOW_DAYS, manager));
    const records = groupBy(await this.facts.latestRecords(scope.userId, manager));
    return reminders.flatMap((reminder) => {
      const vehicle = vehicles.get(reminder.vehicleId);
      if (!vehicle) return [];
      const facts = {
        odometerUnit: vehicle.odometerUnit,
        readings: readings.get(vehicle.id) ?? [],
        records: records.get(vehicle.id) ?? [],
      };
      const options = { now, timeZone: user.timeZone, dueSoon: dueSoonOf(user, vehicle.odometerUnit) };
      const due = reminderDue(reminder, facts, options);
      if (reminder.completedAt === null) return [{ reminder, vehicle, due }];
      const doneOn = calendarDateAt(reminder.completedAt, user.timeZone);
      return [{ reminder, vehicle, due: { ...due, status: 'ok' as const, statusReason: `done on ${doneOn}` } }];
    });
  }

  /** The caller's current status of one reminder, for one vehicle's facts (the alerted status after a change). */
  async statusOf(scope: RequestScope, reminder: MaintenanceReminderEntity, manager?: EntityManager) {
    const [found] = await this.of(scope, [reminder], { manager });
    return found?.due.status ?? 'ok';
  }
}

/** The user's due-soon thresholds for a vehicle: a distance left unset is the default of the vehicle's unit. */
function dueSoonOf(user: UserEntity, unit: OdometerUnit): DueSoonThresholds {
  if (user.dueSoonDistance === null)
    return { days: user.dueSoonDays, distance: DEFAULT_DUE_SOON_DISTANCE[unit], distanceUnit: unit };
  return { days: user.dueSoonDays, distance: user.dueSoonDistance, distanceUnit: user.distanceUnit };
}

function groupBy<T extends { vehicleId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.vehicleId);
    if (group) group.push(row);
    else groups.set(row.vehicleId, [row]);
  }
  return groups;
}
