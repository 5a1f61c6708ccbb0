import {
  DEFAULT_DUE_SOON_DAYS,
  DEFAULT_DUE_SOON_DISTANCE,
  defaultDueSoon,
  ReminderSchedule,
  reminderDue,
  scheduleProblems,
  ServiceRecordFact,
  VehicleFacts,
} from './reminder-due';

const schedule = (fields: Partial<ReminderSchedule>): ReminderSchedule => ({
  category: 'oil',
  intervalMonths: null,
  intervalDistance: null,
  dueDate: null,
  dueOdometer: null,
  startDate: '2025-01-01',
  startOdometer: 10_000,
  ...fields,
});
const record = (performedAt: string, odometer: number, category = 'oil'): ServiceRecordFact => ({
  category,
  performedAt,
  odometer,
});
const reading = (odometer: number, recordedAt: string) => ({ odometer, recordedAt: new Date(recordedAt) });
const vehicle = (fields: Partial<VehicleFacts>): VehicleFacts => ({
  odometerUnit: 'mi',
  readings: [],
  records: [],
  ...fields,
});
const inUtc = (now: string) => ({ now: new Date(now), timeZone: 'UTC' });

describe('reminderDue: distance only', () => {
  const every5000 = schedule({ intervalDistance: 5000 });
  const serviced = (odometerNow: number) =>
    vehicle({ records: [record('2025-03-01', 40_000)], readings: [reading(odometerNow, '2025-06-01T09:00Z')] });

  it('counts the interval from the last record and compares it with the last reading', () => {
    expect(reminderDue(every5000, serviced(44_688), inUtc('2025-06-05T12:00Z'))).toMatchObject({
      nextDueDate: null,
      nextDueOdometer: 45_000,
      status: 'due_soon',
      statusReason: 'due in 312 mi',
      dueBy: 'distance',
      dueFrom: 'last_record',
      lastRecord: record('2025-03-01', 40_000),
      distanceLeft: 312,
      daysLeft: null,
      odometer: 44_688,
      odometerEstimated: false,
      odometerReason: 'recent_reading',
    });
  });

  it('is ok beyond the threshold, due soon within it, overdue past the due odometer', () => {
    const statusAt = (odometer: number) => reminderDue(every5000, serviced(odometer), inUtc('2025-06-05T12:00Z'));
    expect(statusAt(44_499)).toMatchObject({ status: 'ok', statusReason: 'due in 501 mi' });
    expect(statusAt(44_500)).toMatchObject({ status: 'due_soon', statusReason: 'due in 500 mi' });
    expect(statusAt(44_999)).toMatchObject({ status: 'due_soon', statusReason: 'due in 1 mi' });
    expect(statusAt(45_000)).toMatchObject({ status: 'due_soon', statusReason: 'due now' });
    expect(statusAt(45_312)).toMatchObject({
      status: 'overdue',
      statusReason: 'overdue by 312 mi',
      distanceLeft: -312,
    });
    expect(statusAt(51_250)).toMatchObject({ statusReason: 'overdue by 6,250 mi' });
  });

  it('never reads a fraction of a unit as 0', () => {
    expect(reminderDue(every5000, serviced(45_000.4), inUtc('2025-06-05T12:00Z'))).toMatchObject({
      statusReason: 'overdue by 1 mi',
    });
  });

  it('speaks in the vehicle’s unit, with the due-soon default of that unit', () => {
    const inKm = vehicle({
      odometerUnit: 'km',
      records: [record('2025-03-01', 40_000)],
      readings: [reading(47_250, '2025-06-01T09:00Z')],
    });
    expect(reminderDue(schedule({ intervalDistance: 8000 }), inKm, inUtc('2025-06-05T12:00Z'))).toMatchObject({
      nextDueOdometer: 48_000,
      status: 'due_soon',
      statusReason: 'due in 750 km',
    });
  });

  it('cannot measure a distance without any reading, and says so', () => {
    const unread = vehicle({ records: [record('2025-03-01', 40_000)] });
    expect(reminderDue(every5000, unread, inUtc('2025-06-05T12:00Z'))).toMatchObject({
      nextDueOdometer: 45_000,
      status: 'ok',
      statusReason: 'due at 45,000 mi; no odometer reading yet',
      dueBy: 'distance',
      distanceLeft: null,
      odometer: null,
      odometerReason: 'no_readings',
    });
  });
});

describe('reminderDue: time only', () => {
  const yearly = schedule({ category: 'inspection', intervalMonths: 12 });
  const inspected = vehicle({ records: [record('2024-06-10', 30_000, 'inspection')] });
  const on = (day: string) => reminderDue(yearly, inspected, inUtc(`${day}T12:00Z`));

  it('counts months from the last record', () => {
    expect(on('2025-06-01')).toMatchObject({
      nextDueDate: '2025-06-10',
      nextDueOdometer: null,
      status: 'due_soon',
      statusReason: 'due in 9 days',
      dueBy: 'date',
      daysLeft: 9,
    });
  });

  it('says days in words, one day singular', () => {
    expect(on('2025-02-10')).toMatchObject({ status: 'ok', statusReason: 'due in 120 days' });
    expect(on('2025-05-11')).toMatchObject({ status: 'due_soon', statusReason: 'due in 30 days' });
    expect(on('2025-05-10')).toMatchObject({ status: 'ok', statusReason: 'due in 31 days' });
    expect(on('2025-06-09')).toMatchObject({ status: 'due_soon', statusReason: 'due in 1 day' });
    expect(on('2025-06-10')).toMatchObject({ status: 'due_soon', statusReason: 'due today', daysLeft: 0 });
    expect(on('2025-06-11')).toMatchObject({ status: 'overdue', statusReason: 'overdue by 1 day' });
    expect(on('2025-06-13')).toMatchObject({ status: 'overdue', statusReason: 'overdue by 3 days', daysLeft: -3 });
  });

  it('takes the latest record of the reminder’s category, whatever the order', () => {
    const history = vehicle({
      records: [
        record('2024-06-10', 30_000, 'inspection'),
        record('2024-11-02', 33_000, 'oil'),
        record('2023-06-01', 20_000, 'inspection'),
        record('2024-08-01', 31_000, 'inspection'),
      ],
    });
    expect(reminderDue(yearly, history, inUtc('2025-06-01T12:00Z'))).toMatchObject({
      nextDueDate: '2025-08-01',
      lastRecord: record('2024-08-01', 31_000, 'inspection'),
    });
  });

  it('counts a record of another service in the same category only when either names no service', () => {
    const engineFilter = schedule({ category: 'filters', serviceKey: 'air_filter', intervalMonths: 24 });
    const filters = (serviceKey: string | null) =>
      vehicle({
        records: [
          { ...record('2024-01-10', 20_000, 'filters'), serviceKey: 'air_filter' },
          { ...record('2025-01-10', 30_000, 'filters'), serviceKey },
        ],
      });
    const now = inUtc('2025-06-01T12:00Z');
    expect(reminderDue(engineFilter, filters('cabin_filter'), now).nextDueDate).toBe('2026-01-10');
    expect(reminderDue(engineFilter, filters(null), now).nextDueDate).toBe('2027-01-10');
    expect(reminderDue({ ...engineFilter, serviceKey: null }, filters('cabin_filter'), now).nextDueDate).toBe(
      '2027-01-10',
    );
  });

  it('of two records on one day, takes the higher odometer', () => {
    const twice = vehicle({ records: [record('2025-03-01', 40_100), record('2025-03-01', 40_000)] });
    expect(reminderDue(schedule({ intervalDistance: 5000 }), twice, inUtc('2025-03-02T12:00Z'))).toMatchObject({
      nextDueOdometer: 45_100,
    });
  });
});

describe('reminderDue: whichever comes first', () => {
  const sixMonthsOr5000 = schedule({ intervalMonths: 6, intervalDistance: 5000 });
  const at = (odometer: number, day: string) =>
    reminderDue(
      sixMonthsOr5000,
      vehicle({ records: [record('2025-01-15', 40_000)], readings: [reading(odometer, `${day}T08:00Z`)] }),
      inUtc(`${day}T12:00Z`),
    );

  it('gives both due points', () => {
    expect(at(44_000, '2025-06-20')).toMatchObject({ nextDueDate: '2025-07-15', nextDueOdometer: 45_000 });
  });

  it('lets the worse status decide', () => {
    expect(at(44_000, '2025-06-20')).toMatchObject({
      status: 'due_soon',
      statusReason: 'due in 25 days',
      dueBy: 'date',
      daysLeft: 25,
      distanceLeft: 1000,
    });
    expect(at(45_100, '2025-05-01')).toMatchObject({
      status: 'overdue',
      statusReason: 'overdue by 100 mi',
      dueBy: 'distance',
    });
    expect(at(40_500, '2025-07-18')).toMatchObject({
      status: 'overdue',
      statusReason: 'overdue by 3 days',
      dueBy: 'date',
    });
  });

  it('of equal statuses, takes the one with less of its threshold left', () => {
    // 25 of 30 days left against 300 of 500 mi: the distance is nearer.
    expect(at(44_700, '2025-06-20')).toMatchObject({
      status: 'due_soon',
      statusReason: 'due in 300 mi',
      dueBy: 'distance',
    });
    // Overdue by 3 of 30 days against 312 of 500 mi: the distance is worse.
    expect(at(45_312, '2025-07-18')).toMatchObject({ statusReason: 'overdue by 312 mi', dueBy: 'distance' });
    // 45 days against 2,000 mi, both ok: 1.5 thresholds against 4.
    expect(at(43_000, '2025-05-31')).toMatchObject({ status: 'ok', statusReason: 'due in 45 days' });
  });

  it('takes the date when both are as near', () => {
    // 15 of 30 days and 250 of 500 mi.
    expect(at(44_750, '2025-06-30')).toMatchObject({ statusReason: 'due in 15 days', dueBy: 'date' });
  });
});

describe('reminderDue: one-off', () => {
  it('is due on its date, whatever the records say', () => {
    const once = schedule({ category: 'repair', dueDate: '2025-09-30' });
    const repaired = vehicle({ records: [record('2025-09-01', 50_000, 'repair')] });
    expect(reminderDue(once, repaired, inUtc('2025-09-21T12:00Z'))).toMatchObject({
      nextDueDate: '2025-09-30',
      nextDueOdometer: null,
      status: 'due_soon',
      statusReason: 'due in 9 days',
      dueFrom: 'fixed',
      lastRecord: null,
    });
  });

  it('is due at its odometer', () => {
    const once = schedule({ category: 'tires', dueOdometer: 120_000 });
    const inKm = vehicle({ odometerUnit: 'km', readings: [reading(119_550, '2025-09-20T08:00Z')] });
    expect(reminderDue(once, inKm, inUtc('2025-09-21T12:00Z'))).toMatchObject({
      nextDueDate: null,
      nextDueOdometer: 120_000,
      status: 'due_soon',
      statusReason: 'due in 450 km',
      dueFrom: 'fixed',
    });
  });
});

describe('reminderDue: no record yet', () => {
  it('counts from the reminder’s start date and odometer', () => {
    const fresh = schedule({
      intervalMonths: 6,
      intervalDistance: 5000,
      startDate: '2025-02-10',
      startOdometer: 30_000,
    });
    const other = vehicle({
      records: [record('2025-01-05', 29_000, 'tires')],
      readings: [reading(31_000, '2025-03-01T08:00Z')],
    });
    expect(reminderDue(fresh, other, inUtc('2025-03-05T12:00Z'))).toMatchObject({
      nextDueDate: '2025-08-10',
      nextDueOdometer: 35_000,
      dueFrom: 'reminder_start',
      lastRecord: null,
      status: 'ok',
      statusReason: 'due in 158 days',
    });
  });
});

describe('reminderDue: month ends', () => {
  const dueAfter = (months: number, performedAt: string) =>
    reminderDue(
      schedule({ intervalMonths: months }),
      vehicle({ records: [record(performedAt, 1000)] }),
      inUtc('2020-01-01T00:00Z'),
    ).nextDueDate;

  it('keeps the day and clamps at the month’s end', () => {
    expect(dueAfter(1, '2025-01-31')).toBe('2025-02-28');
    expect(dueAfter(1, '2024-01-31')).toBe('2024-02-29');
    expect(dueAfter(6, '2024-08-31')).toBe('2025-02-28');
    expect(dueAfter(6, '2023-08-31')).toBe('2024-02-29');
    expect(dueAfter(1, '2025-03-31')).toBe('2025-04-30');
    expect(dueAfter(3, '2025-01-15')).toBe('2025-04-15');
  });

  it('takes Feb 29 a year on to Feb 28, and four years on to Feb 29', () => {
    expect(dueAfter(12, '2024-02-29')).toBe('2025-02-28');
    expect(dueAfter(48, '2024-02-29')).toBe('2028-02-29');
    expect(dueAfter(12, '2099-02-28')).toBe('2100-02-28');
  });
});

describe('reminderDue: the user’s time zone', () => {
  // 16:00 UTC is already 01:00 the next day in Tokyo, still noon in New York.
  const now = new Date('2025-06-09T16:00Z');
  const dueOn = (dueDate: string, timeZone: string) =>
    reminderDue(schedule({ dueDate }), vehicle({}), { now, timeZone });

  it('takes today from the user’s zone, not the server’s', () => {
    expect(dueOn('2025-06-10', 'Asia/Tokyo')).toMatchObject({ today: '2025-06-10', statusReason: 'due today' });
    expect(dueOn('2025-06-10', 'America/New_York')).toMatchObject({
      today: '2025-06-09',
      statusReason: 'due in 1 day',
    });
    expect(dueOn('2025-06-09', 'Asia/Tokyo')).toMatchObject({ status: 'overdue', statusReason: 'overdue by 1 day' });
    expect(dueOn('2025-06-09', 'America/New_York')).toMatchObject({ status: 'due_soon', statusReason: 'due today' });
  });

  it('refuses an unknown zone', () => {
    expect(() => dueOn('2025-06-10', 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('reminderDue: an estimated odometer', () => {
  // 40 mi a day from Jan 1 to Mar 1.
  const readings = [
    reading(10_000, '2025-01-01T08:00Z'),
    reading(11_240, '2025-02-01T08:00Z'),
    reading(12_360, '2025-03-01T08:00Z'),
  ];
  const dueAt14000 = schedule({ dueOdometer: 14_000 });

  it('estimates today’s odometer from the recent pace when the last reading is old, and says so', () => {
    expect(reminderDue(dueAt14000, vehicle({ readings }), inUtc('2025-04-10T12:00Z'))).toMatchObject({
      status: 'due_soon',
      statusReason: 'due in about 40 mi',
      odometer: 13_960,
      odometerEstimated: true,
      odometerReason: 'estimated',
      distanceLeft: 40,
    });
    expect(reminderDue(dueAt14000, vehicle({ readings }), inUtc('2025-04-20T12:00Z'))).toMatchObject({
      status: 'overdue',
      statusReason: 'overdue by about 360 mi',
      odometer: 14_360,
    });
  });

  it('uses the last reading as it is while it is at most 14 days old', () => {
    expect(reminderDue(dueAt14000, vehicle({ readings }), inUtc('2025-03-15T12:00Z'))).toMatchObject({
      status: 'ok',
      statusReason: 'due in 1,640 mi',
      odometer: 12_360,
      odometerEstimated: false,
      odometerReason: 'recent_reading',
    });
  });

  it('keeps the defaults of the user’s thresholds, and converts a threshold in the other unit', () => {
    expect(DEFAULT_DUE_SOON_DAYS).toBe(30);
    expect(DEFAULT_DUE_SOON_DISTANCE).toEqual({ mi: 500, km: 800 });
    expect(defaultDueSoon('km')).toEqual({ days: 30, distance: 800, distanceUnit: 'km' });
    const dueSoon = { days: 7, distance: 1000, distanceUnit: 'km' as const };
    const dueAt = (odometer: number) =>
      reminderDue(schedule({ dueOdometer: odometer }), vehicle({ readings }), {
        ...inUtc('2025-03-02T12:00Z'),
        dueSoon,
      });
    // 1,000 km is 621.4 mi.
    expect(dueAt(12_981)).toMatchObject({ status: 'due_soon', statusReason: 'due in 621 mi' });
    expect(dueAt(12_982)).toMatchObject({ status: 'ok', statusReason: 'due in 622 mi' });
  });
});

describe('scheduleProblems', () => {
  const base = {
    intervalMonths: null,
    intervalDistance: null,
    dueDate: null,
    dueOdometer: null,
    startDate: '2025-01-01',
    startOdometer: 0,
  };

  it('takes a recurring or a one-off schedule', () => {
    expect(scheduleProblems({ ...base, intervalMonths: 6, intervalDistance: 5000 })).toEqual([]);
    expect(scheduleProblems({ ...base, intervalDistance: 5000 })).toEqual([]);
    expect(scheduleProblems({ ...base, dueDate: '2025-09-30' })).toEqual([]);
    expect(scheduleProblems({ ...base, dueDate: '2025-09-30', dueOdometer: 120_000 })).toEqual([]);
  });

  it('needs one of the four', () => {
    expect(scheduleProblems(base).map((problem) => problem.field)).toEqual([
      'intervalMonths',
      'intervalDistance',
      'dueDate',
      'dueOdometer',
    ]);
  });

  it('refuses a schedule that both recurs and is due once', () => {
    expect(scheduleProblems({ ...base, intervalMonths: 6, dueOdometer: 120_000 })).toEqual([
      { field: 'dueOdometer', message: 'a reminder with an interval recurs; it takes no due date or odometer' },
    ]);
  });

  it('names values out of range', () => {
    expect(
      scheduleProblems({
        ...base,
        intervalMonths: 1.5,
        intervalDistance: 0,
        startDate: '2025-02-30',
        startOdometer: -1,
      }),
    ).toEqual([
      { field: 'intervalMonths', message: 'must be a whole number of months, at least 1' },
      { field: 'intervalDistance', message: 'must be above 0' },
      { field: 'startDate', message: 'must be a date, YYYY-MM-DD' },
      { field: 'startOdometer', message: 'must not be negative' },
    ]);
    expect(scheduleProblems({ ...base, intervalMonths: 601 })).toEqual([
      { field: 'intervalMonths', message: 'must be at most 600' },
    ]);
    expect(scheduleProblems({ ...base, dueDate: '30/09/2025', dueOdometer: -5 })).toEqual([
      { field: 'dueOdometer', message: 'must not be negative' },
      { field: 'dueDate', message: 'must be a date, YYYY-MM-DD' },
    ]);
  });
});
