import type { Notification } from '../../notifications';
import { displayNameOf } from '../../vehicles';
import type { ReminderWithDue } from './reminder-fields';

const statusWords = { ok: 'is ok', due_soon: 'is due soon', overdue: 'is overdue' } as const;

/**
 * The notification of a reminder that got worse. Its key names the reminder, the status and the due
 * point, so the same change is never sent twice, while the next cycle (after it was done) is news.
 */
export function alertFor({ reminder, vehicle, due }: ReminderWithDue): Notification {
  const when = [
    due.nextDueDate && `on ${due.nextDueDate}`,
    due.nextDueOdometer !== null && `at ${due.nextDueOdometer.toLocaleString('en-US')} ${vehicle.odometerUnit}`,
  ].filter(Boolean);
  const vehicleName = displayNameOf(vehicle);
  return {
    key: `reminder:${reminder.id}:${due.status}:${due.nextDueDate ?? ''}:${due.nextDueOdometer ?? ''}`,
    title: `${reminder.title} ${statusWords[due.status]} · ${vehicleName}`,
    message:
      `${vehicleName}: ${reminder.title} is ${due.statusReason}` +
      (when.length ? ` (due ${when.join(' or ')}${when.length > 1 ? ', whichever comes first' : ''}).` : '.'),
    link: `/vehicles/${vehicle.id}`,
    data: {
      reminderId: reminder.id,
      vehicleId: vehicle.id,
      status: due.status,
      statusReason: due.statusReason,
      nextDueDate: due.nextDueDate,
      nextDueOdometer: due.nextDueOdometer,
      odometerUnit: vehicle.odometerUnit,
    },
  };
}
