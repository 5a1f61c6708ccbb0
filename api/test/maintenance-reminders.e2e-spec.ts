import ICAL from 'ical.js';
import { useCapsuleApi } from './support/capsule-api';
import { runCrossUserMatrix } from './support/cross-user-matrix';
import { ApiSchema, Problem } from './support/json-call';

type Reminder = ApiSchema<'ReminderDto'>;
type ReminderPage = ApiSchema<'ReminderPageDto'>;
type Template = ApiSchema<'ReminderTemplateDto'>;
type Completed = ApiSchema<'CompletedReminderDto'>;
type Vehicle = ApiSchema<'VehicleDto'>;
type CalendarFeed = ApiSchema<'CalendarFeedDto'>;
type CalendarFeedState = ApiSchema<'CalendarFeedStateDto'>;
type Me = ApiSchema<'MeDto'>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** A day relative to today in UTC (the test users' zone), 'YYYY-MM-DD'. */
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

describe('maintenance reminders', () => {
  const capsule = useCapsuleApi({ label: 'reminders' });
  const { call } = capsule;

  const newVehicle = async (odometerUnit: 'mi' | 'km' = 'mi', initialOdometer = 10_000, token = capsule.alice) =>
    (
      await call<Vehicle>(
        'POST',
        '/api/vehicles',
        { make: 'Honda', model: 'Civic', year: 2019, odometerUnit, initialOdometer },
        token,
      )
    ).body.id;
  const remind = <Body = Reminder>(vehicleId: string, fields: object, token = capsule.alice) =>
    call<Body>(
      'POST',
      '/api/maintenance/reminders',
      { vehicleId, title: 'Oil change', category: 'oil', ...fields },
      token,
    );
  const get = async (id: string) => (await call<Reminder>('GET', `/api/maintenance/reminders/${id}`)).body;
  const record = (vehicleId: string, performedAt: string, odometer: number, category = 'tires') =>
    call('POST', '/api/maintenance/records', { vehicleId, performedAt, odometer, category, title: category });
  const count = async (table: string) =>
    Number((await capsule.db.query(`select count(*) from public.${table}`)).rows[0].count);
  const due = async () => (await call<ReminderPage>('GET', '/api/maintenance/reminders/due?pageSize=100')).body.items;

  it('counts a recurring reminder from its start, then from the latest record, whichever comes first', async () => {
    const vehicle = await newVehicle();
    const oil = await remind(vehicle, { intervalDistance: 5000, intervalMonths: 6 });
    expect(oil.status).toBe(201);
    expect(oil.body).toMatchObject({
      vehicleId: vehicle,
      vehicleName: '2019 Honda Civic',
      odometerUnit: 'mi',
      startDate: day(0),
      startOdometer: 10_000,
      nextDueOdometer: 15_000,
      status: 'ok',
      dueFrom: 'reminder_start',
      lastService: null,
      estimated: false,
    });

    await record(vehicle, day(0), 14_600);
    expect(await get(oil.body.id)).toMatchObject({
      status: 'due_soon',
      statusReason: 'due in 400 mi',
      dueBy: 'distance',
      odometer: 14_600,
    });
    await record(vehicle, day(0), 15_100);
    expect(await get(oil.body.id)).toMatchObject({ status: 'overdue', statusReason: 'overdue by 100 mi' });

    await record(vehicle, day(0), 15_100, 'oil');
    expect(await get(oil.body.id)).toMatchObject({
      status: 'ok',
      dueFrom: 'last_record',
      lastService: { performedAt: day(0), odometer: 15_100 },
      nextDueOdometer: 20_100,
    });
  });

  it('marks a recurring reminder done: the record and the roll forward in one step', async () => {
    const vehicle = await newVehicle();
    const reminder = (await remind(vehicle, { intervalMonths: 12, startDate: day(-370) })).body;
    expect(reminder).toMatchObject({ status: 'overdue', dueBy: 'date', dueFrom: 'reminder_start' });

    const done = await call<Completed>('POST', `/api/maintenance/reminders/${reminder.id}/complete`, {
      totalCost: 49.9,
      shop: 'Corner Garage',
    });
    expect(done.status).toBe(200);
    expect(done.body.record).toMatchObject({
      vehicleId: vehicle,
      performedAt: day(0),
      odometer: 10_000,
      category: 'oil',
      title: 'Oil change',
      totalCost: 49.9,
      shop: 'Corner Garage',
    });
    expect(done.body.reminder).toMatchObject({
      status: 'ok',
      dueFrom: 'last_record',
      lastService: { performedAt: day(0), odometer: 10_000 },
      completedAt: null,
    });
    expect(done.body.reminder.nextDueDate! > day(360)).toBe(true);
  });

  it('refuses a completion that would turn the odometer back, writing nothing', async () => {
    const vehicle = await newVehicle();
    const reminder = (await remind(vehicle, { intervalMonths: 12, startDate: day(-370) })).body;
    await record(vehicle, day(-2), 12_000);
    const before = [await count('maintenance_records'), await count('odometer_readings')];
    const refused = await call<Problem>('POST', `/api/maintenance/reminders/${reminder.id}/complete`, {
      performedAt: day(-1),
      odometer: 11_000,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'odometer', message: expect.stringContaining('12000') }]);
    expect([await count('maintenance_records'), await count('odometer_readings')]).toEqual(before);
    expect(await get(reminder.id)).toMatchObject({ status: 'overdue', dueFrom: 'reminder_start' });
  });

  it('completes a one-off reminder once, and keeps it out of the lists unless asked', async () => {
    const vehicle = await newVehicle();
    const once = (await remind(vehicle, { title: 'Recall: airbag', category: 'repair', dueDate: day(-1) })).body;
    expect(once).toMatchObject({ status: 'overdue', statusReason: 'overdue by 1 day', dueFrom: 'fixed' });
    const done = await call<Completed>('POST', `/api/maintenance/reminders/${once.id}/complete`, {});
    expect(done.body.reminder).toMatchObject({ status: 'ok', completedRecordId: done.body.record.id });
    expect(done.body.reminder.statusReason).toMatch(/^done on \d{4}-\d{2}-\d{2}$/);
    const again = await call<Problem>('POST', `/api/maintenance/reminders/${once.id}/complete`, {});
    expect(again.status).toBe(409);

    const open = (await call<ReminderPage>('GET', `/api/maintenance/reminders?vehicleId=${vehicle}`)).body;
    expect(open.items.map((item) => item.id)).not.toContain(once.id);
    const all = (
      await call<ReminderPage>('GET', `/api/maintenance/reminders?vehicleId=${vehicle}&includeCompleted=true`)
    ).body;
    expect(all.items.map((item) => item.id)).toContain(once.id);
    expect((await due()).map((item) => item.id)).not.toContain(once.id);
  });

  it('lists what is due across vehicles, overdue first, each with its vehicle, and leaves ok ones out', async () => {
    const car = await newVehicle();
    const bike = await newVehicle('km', 2_000);
    await call('PATCH', `/api/vehicles/${bike}`, { nickname: 'Blue bike' });
    const soon = (await remind(car, { title: 'Inspection', category: 'inspection', dueDate: day(10) })).body;
    const late = (await remind(bike, { title: 'Chain', category: 'other', dueOdometer: 1_500 })).body;
    const later = (await remind(car, { title: 'Registration', category: 'other', dueDate: day(-20) })).body;
    const fine = (await remind(car, { title: 'Coolant', category: 'fluids', dueDate: day(200) })).body;

    const mine = (await due()).filter((item) => [car, bike].includes(item.vehicleId));
    expect(mine.map((item) => [item.title, item.status, item.vehicleName])).toEqual([
      ['Registration', 'overdue', '2019 Honda Civic'],
      ['Chain', 'overdue', 'Blue bike'],
      ['Inspection', 'due_soon', '2019 Honda Civic'],
    ]);
    expect(mine.find((item) => item.id === late.id)).toMatchObject({ statusReason: 'overdue by 500 km' });
    expect(mine.map((item) => item.id)).not.toContain(fine.id);
    expect(soon.statusReason).toMatch(/^due in (9|10) days$/);
    expect(later.id).toBeDefined();

    expect((await call('DELETE', `/api/vehicles/${bike}`)).status).toBe(204);
    expect((await due()).map((item) => item.id)).not.toContain(late.id);
    expect((await call('GET', `/api/maintenance/reminders/${late.id}`)).status).toBe(404);
  });

  it("takes the user's due-soon thresholds", async () => {
    const vehicle = await newVehicle();
    const reminder = (await remind(vehicle, { category: 'inspection', dueDate: day(45) })).body;
    expect(reminder.status).toBe('ok');
    expect((await call('PATCH', '/api/me', { dueSoonDays: 60 })).status).toBe(200);
    try {
      expect((await get(reminder.id)).status).toBe('due_soon');
    } finally {
      await call('PATCH', '/api/me', { dueSoonDays: 30 });
    }
    expect((await call<Problem>('PATCH', '/api/me', { dueSoonDays: -1 })).status).toBe(400);

    // The distance comes back a number, as the schema says (it failed as the string "1000.0").
    try {
      expect((await call<Me>('PATCH', '/api/me', { dueSoonDistance: 1000 })).body.dueSoonDistance).toBe(1000);
      expect((await call<Me>('GET', '/api/me')).body.dueSoonDistance).toBe(1000);
    } finally {
      await call('PATCH', '/api/me', { dueSoonDistance: null });
    }
    expect((await call<Me>('GET', '/api/me')).body.dueSoonDistance).toBeNull();
  });

  it("estimates today's odometer when the last reading is old, and says so", async () => {
    const vehicle = await newVehicle('mi', 10_000);
    await capsule.db.query(
      `update public.odometer_readings set recorded_at = now() - interval '100 days'
        where vehicle_id = $1 and source = 'initial'`,
      [vehicle],
    );
    await record(vehicle, day(-65), 10_600);
    await record(vehicle, day(-30), 11_400);
    const reminder = (await remind(vehicle, { intervalDistance: 2_000, startOdometer: 10_000 })).body;
    // 1,400 mi over the 70 days before the last reading: 20 mi a day, 30 days on: about 12,000.
    expect(reminder).toMatchObject({ estimated: true, dueBy: 'distance' });
    expect(reminder.odometer).toBeGreaterThan(11_900);
    expect(reminder.statusReason).toMatch(/^(due in about \d+ mi|due about now|overdue by about \d+ mi)$/);
  });

  it('counts from the history entered after the vehicle was added (an import), not from its initial reading', async () => {
    const vehicle = await newVehicle('mi', 5_000);
    await record(vehicle, day(-20), 5_300);
    await record(vehicle, day(-10), 5_580);
    const reminder = (await remind(vehicle, { intervalDistance: 1_000, startOdometer: 5_000 })).body;
    // The initial reading is where the history starts, whatever day it was written: the odometer
    // is the last record's (5,580), not the 5,000 written today.
    expect(reminder).toMatchObject({ odometer: 5_580, estimated: false, statusReason: 'due in 420 mi' });
  });

  it('offers the templates in the vehicle’s unit and adds several in one step, all or none', async () => {
    const vehicle = await newVehicle('km', 40_000);
    const templates = (await call<Template[]>('GET', `/api/maintenance/reminders/templates?vehicleId=${vehicle}`)).body;
    expect(templates).toHaveLength(10);
    expect(templates.find((template) => template.key === 'oil_change')).toEqual({
      key: 'oil_change',
      title: 'Oil change',
      category: 'oil',
      intervalMonths: 6,
      intervalDistance: 8000,
      odometerUnit: 'km',
      added: false,
    });

    const added = await call<Reminder[]>('POST', '/api/maintenance/reminders/from-templates', {
      vehicleId: vehicle,
      templates: [{ key: 'oil_change' }, { key: 'cabin_filter', intervalMonths: 18, intervalDistance: null }],
    });
    expect(added.status).toBe(201);
    expect(added.body.map((item) => [item.title, item.serviceKey, item.intervalMonths, item.intervalDistance])).toEqual(
      [
        ['Oil change', 'oil_change', 6, 8000],
        ['Cabin air filter', 'cabin_filter', 18, null],
      ],
    );
    expect(added.body[0]).toMatchObject({ nextDueOdometer: 48_000, startOdometer: 40_000 });

    const before = await count('maintenance_reminders');
    const refused = await call<Problem>('POST', '/api/maintenance/reminders/from-templates', {
      vehicleId: vehicle,
      templates: [{ key: 'tire_rotation' }, { key: 'oil_change' }, { key: 'no_such' }],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors!.map((error) => error.field)).toEqual(['templates.1.key', 'templates.2.key']);
    expect(await count('maintenance_reminders')).toBe(before);
    const after = (await call<Template[]>('GET', `/api/maintenance/reminders/templates?vehicleId=${vehicle}`)).body;
    expect(after.filter((template) => template.added).map((template) => template.key)).toEqual([
      'oil_change',
      'cabin_filter',
    ]);
  });

  it('keeps services of one category apart when both name theirs', async () => {
    const vehicle = await newVehicle('mi', 20_000);
    const [engine, cabin] = (
      await call<Reminder[]>('POST', '/api/maintenance/reminders/from-templates', {
        vehicleId: vehicle,
        templates: [{ key: 'air_filter' }, { key: 'cabin_filter' }],
      })
    ).body;
    await call('POST', `/api/maintenance/reminders/${cabin.id}/complete`, { odometer: 21_000 });
    expect(await get(cabin.id)).toMatchObject({ dueFrom: 'last_record', nextDueOdometer: 36_000 });
    expect(await get(engine.id)).toMatchObject({ dueFrom: 'reminder_start', nextDueOdometer: 35_000 });
    await call('POST', '/api/maintenance/records', {
      vehicleId: vehicle,
      performedAt: day(0),
      odometer: 21_500,
      category: 'filters',
      title: 'Filters',
    });
    expect(await get(engine.id)).toMatchObject({ dueFrom: 'last_record', nextDueOdometer: 36_500 });
  });

  it('refuses a schedule that both recurs and is due once, or neither, and null for a required field', async () => {
    const vehicle = await newVehicle();
    const before = await count('maintenance_reminders');
    const both = await remind<Problem>(vehicle, { intervalMonths: 6, dueDate: day(5) });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual([{ field: 'dueDate', message: expect.stringContaining('recurs') }]);
    const neither = await remind<Problem>(vehicle, {});
    expect(neither.body.errors!.map((error) => error.field)).toEqual([
      'intervalMonths',
      'intervalDistance',
      'dueDate',
      'dueOdometer',
    ]);
    expect((await remind<Problem>(vehicle, { intervalMonths: 2.5 })).status).toBe(400);
    expect((await remind<Problem>(vehicle, { intervalMonths: 6, title: null })).status).toBe(400);
    expect((await remind<Problem>(vehicle, { intervalMonths: 6, dueDate: '2026-02-30' })).status).toBe(400);
    expect(await count('maintenance_reminders')).toBe(before);

    const made = (await remind(vehicle, { intervalMonths: 6 })).body;
    const toOnce = await call<Reminder>('PATCH', `/api/maintenance/reminders/${made.id}`, {
      intervalMonths: null,
      dueDate: day(3),
    });
    expect(toOnce.body).toMatchObject({ intervalMonths: null, dueDate: day(3), dueFrom: 'fixed', status: 'due_soon' });
    const emptied = await call<Problem>('PATCH', `/api/maintenance/reminders/${made.id}`, { dueDate: null });
    expect(emptied.status).toBe(400);
    expect((await get(made.id)).dueDate).toBe(day(3));
  });

  it("answers 404 for another user's vehicle or reminder, everywhere", async () => {
    const bobsVehicle = await newVehicle('mi', 100, capsule.bob);
    const bobs = (await remind(bobsVehicle, { dueDate: day(-3) }, capsule.bob)).body;
    const before = [await count('maintenance_reminders'), await count('maintenance_records')];
    expect((await remind<Problem>(bobsVehicle, { intervalMonths: 6 })).status).toBe(404);
    expect((await call('GET', `/api/maintenance/reminders?vehicleId=${bobsVehicle}`)).status).toBe(404);
    expect((await call('GET', `/api/maintenance/reminders/templates?vehicleId=${bobsVehicle}`)).status).toBe(404);
    const templates = { vehicleId: bobsVehicle, templates: [{ key: 'oil_change' }] };
    expect((await call('POST', '/api/maintenance/reminders/from-templates', templates)).status).toBe(404);
    expect((await call('POST', `/api/maintenance/reminders/${bobs.id}/complete`, {})).status).toBe(404);
    expect([await count('maintenance_reminders'), await count('maintenance_records')]).toEqual(before);
    expect((await due()).map((item) => item.id)).not.toContain(bobs.id);
  });

  it('serves date-based reminders as an iCalendar feed at a secret URL that can be replaced and revoked', async () => {
    const vehicle = await newVehicle();
    const inspection = (await remind(vehicle, { title: 'Inspection', category: 'inspection', dueDate: day(12) })).body;
    const oil = (await remind(vehicle, { intervalMonths: 6, intervalDistance: 5000, notes: 'Full synthetic' })).body;
    const distanceOnly = (await remind(vehicle, { title: 'Chain', category: 'other', intervalDistance: 500 })).body;
    const bobsVehicle = await newVehicle('mi', 0, capsule.bob);
    await remind(bobsVehicle, { title: 'Bob’s inspection', category: 'inspection', dueDate: day(5) }, capsule.bob);
    await call('POST', '/api/maintenance/calendar-feed', undefined, capsule.bob);

    expect((await call<CalendarFeedState>('GET', '/api/maintenance/calendar-feed')).body).toEqual({ feed: null });
    const made = await call<CalendarFeed>('POST', '/api/maintenance/calendar-feed');
    expect(made.status).toBe(201);
    expect(made.body.url).toMatch(/\/api\/maintenance\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect((await call<CalendarFeedState>('GET', '/api/maintenance/calendar-feed')).body.feed).toEqual(made.body);
    const path = new URL(made.body.url).pathname;

    const answer = await fetch(`${capsule.api.url}${path}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await answer.text()));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    const mine = events.filter((event) => event.uid.includes(inspection.id) || event.uid.includes(oil.id));
    expect(mine).toHaveLength(2);
    expect(events.some((event) => event.uid.includes(distanceOnly.id))).toBe(false);
    expect(events.some((event) => event.summary.startsWith('Bob’s'))).toBe(false);
    const inspectionEvent = mine.find((event) => event.uid.includes(inspection.id))!;
    expect(inspectionEvent.summary).toBe('Inspection · 2019 Honda Civic');
    expect(inspectionEvent.startDate.isDate).toBe(true);
    expect(inspectionEvent.startDate.toString()).toBe(day(12));
    const oilEvent = mine.find((event) => event.uid.includes(oil.id))!;
    expect(oilEvent.startDate.toString()).toBe(oil.nextDueDate);
    expect(oilEvent.description).toContain('or at 15,000 mi');
    expect(oilEvent.description).toContain('Full synthetic');

    const replaced = (await call<CalendarFeed>('POST', '/api/maintenance/calendar-feed')).body;
    expect(replaced.url).not.toBe(made.body.url);
    expect((await fetch(`${capsule.api.url}${path}`)).status).toBe(404);
    expect((await fetch(`${capsule.api.url}${new URL(replaced.url).pathname}`)).status).toBe(200);
    expect((await call('DELETE', '/api/maintenance/calendar-feed')).status).toBe(204);
    const revoked = await fetch(`${capsule.api.url}${new URL(replaced.url).pathname}`);
    expect(revoked.status).toBe(404);
    expect(revoked.headers.get('content-type')).toContain('application/problem+json');
    expect((await fetch(`${capsule.api.url}/api/maintenance/calendar/not-a-token.ics`)).status).toBe(404);
    expect((await call<CalendarFeedState>('GET', '/api/maintenance/calendar-feed')).body).toEqual({ feed: null });
  });

  it('keeps every reminder to its owner (cross-user matrix)', async () => {
    const vehicle = await newVehicle();
    await runCrossUserMatrix({
      baseUrl: capsule.api.url,
      owner: capsule.alice,
      intruder: capsule.bob,
      path: '/api/maintenance/reminders',
      createBody: { vehicleId: vehicle, title: 'Tire rotation', category: 'tires', intervalDistance: 6000 },
      updateBody: { notes: 'mine now', intervalMonths: 1 },
      restore: true,
    });
  });
});
