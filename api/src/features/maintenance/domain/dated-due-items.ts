import { Injectable } from '@nestjs/common';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { UsersService } from '../../../core/identity/users/users.service';
import { displayNameOf, VehiclesService } from '../../vehicles';
import { addCalendarDays, CalendarDate, calendarDateAt, daysBetween } from './calendar-date';

/** Something of another capsule that runs out on a day (an insurance card's expiry), for the due list. */
export interface DatedDueItem {
  /** What it is, for the client to link to: `document`. */
  source: string;
  id: string;
  title: string;
  /** The kind within its source: `insurance`, `registration`. */
  kind: string;
  vehicleId: string | null;
  dueDate: CalendarDate;
}

/** A capsule that has dated items: it registers itself with `DatedDueItems` when its module starts. */
export interface DatedDueItemSource {
  /** The caller's items due on or before `until` (overdue ones included). */
  dueBy(scope: RequestScope, until: CalendarDate): Promise<DatedDueItem[]>;
}

export type DatedDueStatus = 'overdue' | 'due_soon';

export interface DatedDueItemWithStatus extends DatedDueItem {
  /** The vehicle's display name; null when the item belongs to no vehicle. */
  vehicleName: string | null;
  status: DatedDueStatus;
  statusReason: string;
  /** Negative once the day has passed. */
  daysLeft: number;
}

/**
 * The due list's items from other capsules. They register here (documents does, for insurance and
 * registration expiries), so maintenance never depends on them: the dependency points their way.
 */
@Injectable()
export class DatedDueItems {
  private readonly sources: DatedDueItemSource[] = [];

  constructor(
    private readonly users: UsersService,
    private readonly vehicles: VehiclesService,
  ) {}

  register(source: DatedDueItemSource): void {
    this.sources.push(source);
  }

  /**
   * Every source's items due within the caller's due-soon days (in their time zone) or overdue,
   * most pressing first. Items of a deleted vehicle are left out, as its reminders are.
   */
  async pressing(scope: RequestScope, now = new Date()): Promise<DatedDueItemWithStatus[]> {
    if (this.sources.length === 0) return [];
    const user = await this.users.findCaller(scope);
    const today = calendarDateAt(now, user.timeZone);
    const until = addCalendarDays(today, user.dueSoonDays);
    const [vehicles, ...found] = await Promise.all([
      this.vehicles.allOwned(scope),
      ...this.sources.map((source) => source.dueBy(scope, until)),
    ]);
    const names = new Map(vehicles.map((vehicle) => [vehicle.id, displayNameOf(vehicle)]));
    return found
      .flat()
      .filter((item) => item.vehicleId === null || names.has(item.vehicleId))
      .map((item) => withStatus(item, item.vehicleId && names.get(item.vehicleId), daysBetween(today, item.dueDate)))
      .sort((a, b) => a.daysLeft - b.daysLeft || a.title.localeCompare(b.title));
  }
}

function withStatus(item: DatedDueItem, vehicleName: string | null | undefined, daysLeft: number) {
  const named = { ...item, vehicleName: vehicleName ?? null, daysLeft };
  if (daysLeft < 0) {
    const ago = -daysLeft;
    return { ...named, status: 'overdue' as const, statusReason: `expired ${ago} day${ago === 1 ? '' : 's'} ago` };
  }
  const reason = daysLeft === 0 ? 'expires today' : `expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'}`;
  return { ...named, status: 'due_soon' as const, statusReason: reason };
}
