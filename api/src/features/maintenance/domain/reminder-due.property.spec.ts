import fc from 'fast-check';
import { addCalendarMonths, daysBetween } from './calendar-date';
import {
  DueSoonThresholds,
  ReminderSchedule,
  ReminderStatus,
  reminderDue,
  reminderStatuses,
  ServiceRecordFact,
  VehicleFacts,
} from './reminder-due';

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.UTC(2020, 0, 1);
const dateAfterStart = (days: number) => new Date(START + days * DAY_MS).toISOString().slice(0, 10);
const severity = (status: ReminderStatus) => reminderStatuses.indexOf(status);
const zones = ['UTC', 'Asia/Tokyo', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/Berlin'];

const recordsArbitrary = fc.array(
  fc.record({
    category: fc.constantFrom('oil', 'tires'),
    performedAt: fc.integer({ min: 0, max: 2000 }).map(dateAfterStart),
    odometer: fc.integer({ min: 0, max: 150_000 }),
  }),
  { maxLength: 8 },
);
const readingsArbitrary = fc.array(
  fc.record({
    odometer: fc.integer({ min: 0, max: 150_000 }),
    recordedAt: fc.integer({ min: 0, max: 2000 * 24 * 60 }).map((minutes) => new Date(START + minutes * 60_000)),
  }),
  { maxLength: 12 },
);
const vehicleArbitrary: fc.Arbitrary<VehicleFacts> = fc.record({
  odometerUnit: fc.constantFrom('mi' as const, 'km' as const),
  readings: readingsArbitrary,
  records: recordsArbitrary,
});
const dueSoonArbitrary: fc.Arbitrary<DueSoonThresholds> = fc.record({
  days: fc.integer({ min: 0, max: 60 }),
  distance: fc.integer({ min: 0, max: 2000 }),
  distanceUnit: fc.constantFrom('mi' as const, 'km' as const),
});
const startDateArbitrary = fc.integer({ min: 0, max: 2000 }).map(dateAfterStart);

/** Recurring by months and distance: the single-criterion schedules are this one with a criterion left out. */
const bothCriteriaArbitrary: fc.Arbitrary<ReminderSchedule> = fc.record({
  category: fc.constant('oil'),
  intervalMonths: fc.integer({ min: 1, max: 60 }),
  intervalDistance: fc.integer({ min: 500, max: 30_000 }),
  dueDate: fc.constant(null),
  dueOdometer: fc.constant(null),
  startDate: startDateArbitrary,
  startOdometer: fc.integer({ min: 0, max: 150_000 }),
});
const oneOffArbitrary: fc.Arbitrary<ReminderSchedule> = fc
  .record({
    dueDate: fc.option(startDateArbitrary, { nil: null }),
    dueOdometer: fc.option(fc.integer({ min: 0, max: 150_000 }), { nil: null }),
  })
  .filter(({ dueDate, dueOdometer }) => dueDate !== null || dueOdometer !== null)
  .map((due) => ({
    category: 'oil',
    intervalMonths: null,
    intervalDistance: null,
    startDate: '2020-01-01',
    startOdometer: 0,
    ...due,
  }));
const scheduleArbitrary: fc.Arbitrary<ReminderSchedule> = fc.oneof(
  bothCriteriaArbitrary,
  bothCriteriaArbitrary.map((schedule) => ({ ...schedule, intervalDistance: null })),
  bothCriteriaArbitrary.map((schedule) => ({ ...schedule, intervalMonths: null })),
  oneOffArbitrary,
);
const instantArbitrary = fc
  .integer({ min: 0, max: 2400 * 24 * 60 })
  .map((minutes) => new Date(START + minutes * 60_000));
const optionsArbitrary = fc.record({
  now: instantArbitrary,
  timeZone: fc.constantFrom(...zones),
  dueSoon: dueSoonArbitrary,
});

/** The latest record of a category by the rule in words: latest day, then highest odometer. */
function latestOf(category: string, records: ServiceRecordFact[]): ServiceRecordFact | undefined {
  return records
    .filter((record) => record.category === category)
    .sort((a, b) => (a.performedAt < b.performedAt ? -1 : a.performedAt > b.performedAt ? 1 : a.odometer - b.odometer))
    .pop();
}

describe('reminderDue against the rules in words', () => {
  it('puts the next due point an interval after the last record (or the start), never before it', () => {
    fc.assert(
      fc.property(bothCriteriaArbitrary, vehicleArbitrary, optionsArbitrary, (schedule, vehicle, options) => {
        const due = reminderDue(schedule, vehicle, options);
        const latest = latestOf(schedule.category, [...vehicle.records]);
        const from = latest ?? { performedAt: schedule.startDate, odometer: schedule.startOdometer };
        expect(due.dueFrom).toBe(latest ? 'last_record' : 'reminder_start');
        expect(due.nextDueDate).toBe(addCalendarMonths(from.performedAt, schedule.intervalMonths!));
        expect(due.nextDueDate! > from.performedAt).toBe(true);
        expect(daysBetween(from.performedAt, due.nextDueDate!)).toBeGreaterThanOrEqual(28 * schedule.intervalMonths!);
        expect(due.nextDueOdometer).toBe(from.odometer + schedule.intervalDistance!);
      }),
      { numRuns: 300 },
    );
  });

  it('gives whichever-first the worse of the two single-criterion answers', () => {
    fc.assert(
      fc.property(bothCriteriaArbitrary, vehicleArbitrary, optionsArbitrary, (schedule, vehicle, options) => {
        const both = reminderDue(schedule, vehicle, options);
        const byDate = reminderDue({ ...schedule, intervalDistance: null }, vehicle, options);
        const byDistance = reminderDue({ ...schedule, intervalMonths: null }, vehicle, options);
        expect(both.nextDueDate).toBe(byDate.nextDueDate);
        expect(both.nextDueOdometer).toBe(byDistance.nextDueOdometer);
        expect(severity(both.status)).toBe(Math.max(severity(byDate.status), severity(byDistance.status)));
        const decided = both.dueBy === 'date' ? byDate : byDistance;
        expect(both.status).toBe(decided.status);
        expect(both.statusReason).toBe(decided.statusReason);
        if (byDistance.odometer === null) expect(both.dueBy).toBe('date');
      }),
      { numRuns: 300 },
    );
  });

  it('never gets better as time passes', () => {
    fc.assert(
      fc.property(
        scheduleArbitrary,
        vehicleArbitrary,
        optionsArbitrary,
        fc.integer({ min: 0, max: 400 * 24 * 60 }),
        (schedule, vehicle, options, minutesLater) => {
          const before = reminderDue(schedule, vehicle, options);
          const later = { ...options, now: new Date(options.now.getTime() + minutesLater * 60_000) };
          const after = reminderDue(schedule, vehicle, later);
          expect(severity(after.status)).toBeGreaterThanOrEqual(severity(before.status));
          expect(after.today >= before.today).toBe(true);
          if (before.odometer !== null) expect(after.odometer).toBeGreaterThanOrEqual(before.odometer);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives a date-only reminder the status of its days left, and says them in words', () => {
    const dateOnly = bothCriteriaArbitrary.map((schedule) => ({ ...schedule, intervalDistance: null }));
    fc.assert(
      fc.property(dateOnly, vehicleArbitrary, optionsArbitrary, (schedule, vehicle, options) => {
        const due = reminderDue(schedule, vehicle, options);
        const parts = new Intl.DateTimeFormat('en-CA', { timeZone: options.timeZone }).formatToParts(options.now);
        const part = (type: string) => parts.find((p) => p.type === type)!.value;
        const today = `${part('year')}-${part('month')}-${part('day')}`;
        const daysLeft = Math.round((Date.parse(due.nextDueDate!) - Date.parse(today)) / DAY_MS);
        const status = daysLeft < 0 ? 'overdue' : daysLeft <= options.dueSoon.days ? 'due_soon' : 'ok';
        const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);
        const reason =
          daysLeft < 0 ? `overdue by ${days(-daysLeft)}` : daysLeft === 0 ? 'due today' : `due in ${days(daysLeft)}`;
        expect(due).toMatchObject({ today, daysLeft, status, statusReason: reason, dueBy: 'date' });
      }),
      { numRuns: 300 },
    );
  });

  it('says a distance in whole units of the vehicle, “about” when estimated', () => {
    fc.assert(
      fc.property(scheduleArbitrary, vehicleArbitrary, optionsArbitrary, (schedule, vehicle, options) => {
        const due = reminderDue(schedule, vehicle, options);
        if (due.dueBy !== 'distance' || due.distanceLeft === null) return;
        const about = due.odometerEstimated ? 'about ' : '';
        const amount = `${Math.ceil(Math.abs(due.distanceLeft)).toLocaleString('en-US')} ${vehicle.odometerUnit}`;
        const expected =
          due.distanceLeft === 0
            ? `due ${about}now`
            : due.distanceLeft < 0
              ? `overdue by ${about}${amount}`
              : `due in ${about}${amount}`;
        expect(due.statusReason).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
