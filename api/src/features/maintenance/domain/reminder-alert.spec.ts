import type { MaintenanceReminderEntity } from '../data/maintenance-reminder.entity';
import type { OwnedVehicle } from '../../vehicles';
import { alertFor } from './reminder-alert';
import type { ReminderDue } from './reminder-due';

const vehicle = {
  id: 'v1',
  nickname: null,
  year: 2019,
  make: 'Honda',
  model: 'Civic',
  odometerUnit: 'mi',
} as OwnedVehicle;
const reminder = { id: 'r1', title: 'Oil change' } as MaintenanceReminderEntity;
const due = (fields: Partial<ReminderDue>) =>
  ({
    status: 'overdue',
    statusReason: 'overdue by 312 mi',
    nextDueDate: null,
    nextDueOdometer: 45_000,
    ...fields,
  }) as ReminderDue;

describe('alertFor', () => {
  it('says what got worse, on which vehicle, and by when it was due', () => {
    expect(alertFor({ reminder, vehicle, due: due({ nextDueDate: '2026-12-01' }) })).toEqual({
      key: 'reminder:r1:overdue:2026-12-01:45000',
      title: 'Oil change is overdue · 2019 Honda Civic',
      message:
        '2019 Honda Civic: Oil change is overdue by 312 mi (due on 2026-12-01 or at 45,000 mi, whichever comes first).',
      link: '/vehicles/v1',
      data: {
        reminderId: 'r1',
        vehicleId: 'v1',
        status: 'overdue',
        statusReason: 'overdue by 312 mi',
        nextDueDate: '2026-12-01',
        nextDueOdometer: 45_000,
        odometerUnit: 'mi',
      },
    });
  });

  it('keys each status and due point apart, so a change is news once and the next cycle again', () => {
    const soon = alertFor({ reminder, vehicle, due: due({ status: 'due_soon', statusReason: 'due in 9 days' }) });
    expect(soon.title).toBe('Oil change is due soon · 2019 Honda Civic');
    expect(soon.message).toBe('2019 Honda Civic: Oil change is due in 9 days (due at 45,000 mi).');
    const nextCycle = alertFor({ reminder, vehicle, due: due({ status: 'due_soon', nextDueOdometer: 50_000 }) });
    expect(new Set([soon.key, nextCycle.key, alertFor({ reminder, vehicle, due: due({}) }).key]).size).toBe(3);
  });
});
