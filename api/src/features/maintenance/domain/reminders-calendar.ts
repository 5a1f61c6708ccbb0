import ical, { ICalCalendar } from 'ical-generator';
import { displayNameOf } from '../../vehicles';
import type { NamedDatedDueItem } from './dated-due-items';
import type { ReminderWithDue } from './reminder-fields';

/**
 * The iCalendar feed of a user's reminders: one all-day event on each open reminder's next due
 * date (reminders due only by distance have no day to show). Event ids stay the same as the due
 * date moves, so a calendar app updates the event instead of adding another. Beside them, the day
 * each dated item of another capsule runs out (an insurance card's expiry).
 */
export function remindersCalendar(
  reminders: readonly ReminderWithDue[],
  expiries: readonly NamedDatedDueItem[],
  appUrl: string,
): ICalCalendar {
  const calendar = ical({
    name: 'MotoVaultPro reminders',
    prodId: { company: 'MotoVaultPro', product: 'reminders', language: 'EN' },
    ttl: 60 * 60,
  });
  for (const { reminder, vehicle, due } of reminders) {
    if (due.nextDueDate === null) continue;
    const vehicleName = displayNameOf(vehicle);
    const odometer =
      due.nextDueOdometer === null
        ? null
        : `or at ${due.nextDueOdometer.toLocaleString('en-US')} ${vehicle.odometerUnit}`;
    calendar.createEvent({
      id: `reminder-${reminder.id}@motovaultpro`,
      start: new Date(`${due.nextDueDate}T00:00:00Z`),
      allDay: true,
      summary: `${reminder.title} · ${vehicleName}`,
      description: [
        `${capitalised(due.statusReason)}.`,
        odometer && `Due on this day ${odometer}, whichever comes first.`,
        reminder.notes,
      ]
        .filter(Boolean)
        .join('\n'),
      url: `${appUrl}/vehicles/${vehicle.id}`,
      categories: [{ name: reminder.category }],
    });
  }
  for (const expiry of expiries) {
    calendar.createEvent({
      id: `${expiry.source}-${expiry.id}@motovaultpro`,
      start: new Date(`${expiry.dueDate}T00:00:00Z`),
      allDay: true,
      summary: [`${expiry.title} expires`, expiry.vehicleName].filter(Boolean).join(' · '),
      description: `Your ${expiry.kind} runs out on this day: renew it and upload the new one.`,
      url: expiry.vehicleId ? `${appUrl}/vehicles/${expiry.vehicleId}/documents` : `${appUrl}/`,
      categories: [{ name: expiry.kind }],
    });
  }
  return calendar;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
