import { Locator, Page } from 'playwright-core';
import { apiAsPage } from './support/api-as-page';
import { inSignedInPage, openSignedIn, useSignedInWebStack } from './support/auth';
import { screenshot } from './support/browser';
import {
  desktop,
  expectNoSidewaysScroll,
  field,
  phoneContext,
  snackBar,
  snackBarShown,
  waitForValue,
} from './support/page-checks';
import type { ApiSchema } from '../src/app/core/api/api-schema';

type Reminder = ApiSchema<'ReminderDto'>;

const vehicleName = '2019 Honda Civic';

const dueSoonCard = (page: Page) => page.locator('mvp-due-soon-card');
const vehicleReminders = (page: Page) => page.getByRole('region', { name: 'Reminders' });
const item = (list: Locator, title: string) => list.getByRole('listitem').filter({ hasText: title });
const chip = (list: Locator, title: string) => item(list, title).locator('mvp-reminder-chip');
const titles = (list: Locator) => list.locator('mvp-reminder-item .title').allTextContents();

/** The chip's words (its icon's ligature left out) and its background. */
async function chipLook(chipLocator: Locator): Promise<{ text: string; tone: string; background: string }> {
  return chipLocator.evaluate((element) => ({
    text: Array.from(element.querySelectorAll('span'))
      .map((span) => span.textContent?.trim())
      .join(' '),
    tone: element.className,
    background: getComputedStyle(element).backgroundColor,
  }));
}

/** A colour token of the theme as the page computes it. */
function tokenColour(page: Page, token: string): Promise<string> {
  return page.evaluate((name) => {
    const probe = document.createElement('span');
    probe.style.backgroundColor = `var(${name})`;
    document.body.appendChild(probe);
    const colour = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return colour;
  }, token);
}

/** Today in a time zone, `days` later (or earlier), as `YYYY-MM-DD`. */
function dayIn(timeZone: string, days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  const [year, month, day] = today.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

describe('reminders', () => {
  const web = useSignedInWebStack();

  it('applies templates, adds a one-off, shows what is due on the dashboard, edits, deletes with Undo', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page, problems }) => {
      problems.expect(/status of 400|HTTP 400: POST .*\/api\/maintenance\/reminders\/from-templates$/);

      await openSignedIn(page, '/dashboard');
      await dueSoonCard(page).getByText('Nothing due').waitFor();
      const call = await apiAsPage(page, web.api.url);
      const vehicle = await call<{ id: string }>('POST', '/api/vehicles', {
        year: 2019,
        make: 'Honda',
        model: 'Civic',
        odometerUnit: 'mi',
        initialOdometer: 10_000,
      });
      expect(vehicle.status).toBe(201);
      const vehicleId = vehicle.body.id;
      const { timeZone } = (await call<{ timeZone: string }>('GET', '/api/me')).body;

      // The vehicle's overview invites reminders.
      await openSignedIn(page, `/vehicles/${vehicleId}`);
      const reminders = vehicleReminders(page);
      await reminders.getByText('No reminders yet.').waitFor();

      // The template picker: the usual schedules in the vehicle's unit.
      await reminders.getByRole('button', { name: 'Add from templates' }).click();
      const picker = page.getByRole('dialog');
      await picker.getByRole('heading', { name: 'Add from templates' }).waitFor();
      const oilRow = item(picker, 'Oil change');
      await oilRow.getByText('every 6 months or 5,000 mi').waitFor();
      await item(picker, 'Brake fluid').getByText('every 2 years').waitFor();
      expect(await picker.getByRole('button', { name: 'Add reminders' }).isDisabled()).toBe(true);

      // Meanwhile the tire rotation is added elsewhere: the picker does not know yet.
      const elsewhere = await call('POST', '/api/maintenance/reminders/from-templates', {
        vehicleId,
        templates: [{ key: 'tire_rotation' }],
      });
      expect(elsewhere.status).toBe(201);

      // The oil change every 400 mi, so it is due soon at once (the default threshold is 500 mi).
      await oilRow.getByRole('checkbox', { name: 'Oil change' }).check();
      await oilRow.getByLabel('Distance', { exact: true }).fill('400');
      await oilRow.getByText('every 6 months or 400 mi').waitFor();
      // A ticked row needs an interval.
      const brakeRow = item(picker, 'Brake fluid');
      await brakeRow.getByRole('checkbox', { name: 'Brake fluid' }).check();
      await brakeRow.getByLabel('Months', { exact: true }).fill('');
      await item(picker, 'Tire rotation').getByRole('checkbox', { name: 'Tire rotation' }).check();
      await picker.getByRole('button', { name: 'Add 3 reminders' }).click();
      await brakeRow.getByText('Give months, a distance or both.').first().waitFor();
      await brakeRow.getByRole('checkbox', { name: 'Brake fluid' }).uncheck();
      await brakeRow.getByText('every 2 years').waitFor();

      // The API refuses the tire rotation (the vehicle has one now): on its row, and nothing is added.
      await picker.getByRole('button', { name: 'Add 2 reminders' }).click();
      await item(picker, 'Tire rotation').getByText('This vehicle has a Tire rotation reminder already.').waitFor();
      const listed = await call<{ items: { title: string }[] }>(
        'GET',
        `/api/maintenance/reminders?vehicleId=${vehicleId}`,
      );
      expect(listed.body.items.map((reminder) => reminder.title)).toEqual(['Tire rotation']);
      await screenshot(page, 'reminders-template-picker-desktop-light');
      await item(picker, 'Tire rotation').getByRole('checkbox', { name: 'Tire rotation' }).uncheck();
      await picker.getByRole('button', { name: 'Add 1 reminder' }).click();
      await snackBarShown(page, '1 reminder added');
      await picker.waitFor({ state: 'detached' });

      // The vehicle's list: the oil change due soon (amber), the tire rotation fine (neutral).
      await item(reminders, 'Oil change').waitFor();
      expect(await titles(reminders)).toEqual(['Oil change', 'Tire rotation']);
      const oil = await chipLook(chip(reminders, 'Oil change'));
      expect(oil).toMatchObject({ text: 'Due soon: Due in 400 mi', tone: 'tone-due-soon' });
      expect(oil.background).toBe(await tokenColour(page, '--mvp-warning-container'));
      expect(await chipLook(chip(reminders, 'Tire rotation'))).toMatchObject({ tone: 'tone-ok' });
      expect(await item(reminders, 'Oil change').textContent()).toContain('at 10,400 mi · Every 6 months or 400 mi');

      // A one-off through the form: its errors first, then overdue by three days.
      await reminders.getByRole('button', { name: 'Add reminder' }).click();
      const form = page.getByRole('dialog');
      await form.getByRole('heading', { name: 'Add a reminder' }).waitFor();
      await form.locator('mat-button-toggle', { hasText: 'Once' }).click();
      await form.getByRole('button', { name: 'Add reminder' }).click();
      await form.getByText('Give it a title.').waitFor();
      await form.getByText('Pick or type a category.').waitFor();
      expect(await form.getByText('Give a date, an odometer reading or both.').count()).toBe(2);
      await field(page, 'Title').fill('Registration');
      await field(page, 'Category').fill('oth');
      await page.getByRole('option', { name: 'Other', exact: true }).click();
      await field(page, 'Due date').fill(dayIn(timeZone, -3));
      const created = page.waitForRequest(
        (request) => request.method() === 'POST' && request.url().endsWith('/api/maintenance/reminders'),
      );
      await form.getByRole('button', { name: 'Add reminder' }).click();
      expect((await created).postDataJSON()).toEqual({
        vehicleId,
        title: 'Registration',
        category: 'other',
        dueDate: dayIn(timeZone, -3),
      });
      await snackBarShown(page, '“Registration” added · overdue by 3 days');
      await item(reminders, 'Registration').waitFor();
      expect(await titles(reminders)).toEqual(['Registration', 'Oil change', 'Tire rotation']);
      const registration = await chipLook(chip(reminders, 'Registration'));
      expect(registration).toMatchObject({ text: 'Overdue: Overdue by 3 days', tone: 'tone-overdue' });
      expect(registration.background).toBe(await tokenColour(page, '--mat-sys-error-container'));
      await screenshot(page, 'reminders-vehicle-desktop-light');

      // The dashboard: what is due across vehicles, overdue first, each naming its vehicle.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await page.waitForURL('**/dashboard');
      const card = dueSoonCard(page);
      await item(card, 'Oil change').waitFor();
      expect(await titles(card)).toEqual(['Registration', 'Oil change']);
      expect(await item(card, 'Oil change').textContent()).toContain(vehicleName);
      expect(await chipLook(chip(card, 'Oil change'))).toMatchObject({ text: 'Due soon: Due in 400 mi' });
      expect(await chipLook(chip(card, 'Registration'))).toMatchObject({ tone: 'tone-overdue' });
      await screenshot(page, 'reminders-dashboard-desktop-light');

      // Edit from the dashboard: the form holds the reminder; a PATCH saves the change.
      await item(card, 'Oil change').getByRole('button', { name: 'More for Oil change' }).click();
      await page.getByRole('menuitem', { name: 'Edit' }).click();
      await form.getByRole('heading', { name: 'Edit reminder' }).waitFor();
      expect(await field(page, 'Title').inputValue()).toBe('Oil change');
      expect(await field(page, 'Category').inputValue()).toBe('Oil');
      expect(await field(page, 'Every (months)').inputValue()).toBe('6');
      await field(page, 'Every (distance)').fill('450');
      await form.getByRole('button', { name: 'Save' }).click();
      await snackBarShown(page, '“Oil change” saved · due in 450 mi');
      await chip(card, 'Oil change').getByText('Due in 450 mi').waitFor();

      // Delete with Undo.
      await item(card, 'Registration').getByRole('button', { name: 'More for Registration' }).click();
      await page.getByRole('menuitem', { name: 'Delete' }).click();
      await snackBarShown(page, '“Registration” deleted');
      await item(card, 'Registration').waitFor({ state: 'detached' });
      expect(await titles(card)).toEqual(['Oil change']);
      await snackBar(page).getByRole('button', { name: 'Undo' }).click();
      await snackBarShown(page, '“Registration” restored');
      await item(card, 'Registration').waitFor();
      expect(await titles(card)).toEqual(['Registration', 'Oil change']);

      // "Mark done" opens the service record form, filled in from the reminder…
      const oilChange = (
        await call<{ items: { id: string; title: string; nextDueOdometer: number }[] }>(
          'GET',
          `/api/maintenance/reminders?vehicleId=${vehicleId}`,
        )
      ).body.items.find((reminder) => reminder.title === 'Oil change')!;
      expect(oilChange.nextDueOdometer).toBe(10_450);
      await item(card, 'Oil change').getByRole('link', { name: 'Mark Oil change done' }).click();
      await page.waitForURL(/\/service\/new\?/);
      const url = new URL(page.url());
      expect(url.pathname).toBe('/service/new');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        vehicleId,
        category: 'oil',
        title: 'Oil change',
        reminderId: oilChange.id,
      });
      await waitForValue(field(page, 'Title'), 'Oil change');
      expect(await page.getByRole('combobox', { name: 'Vehicle' }).textContent()).toContain(vehicleName);
      expect(await page.getByRole('combobox', { name: 'Category' }).inputValue()).toBe('Oil');

      // …and saving it completes the reminder: the record and the next due point in one step.
      await field(page, 'Odometer').fill('10300');
      const completed = page.waitForResponse((response) =>
        response.url().endsWith(`/api/maintenance/reminders/${oilChange.id}/complete`),
      );
      await page.getByRole('button', { name: 'Save record' }).click();
      expect((await completed).status()).toBe(200);
      await snackBarShown(page, 'Done: service record saved');
      await page.waitForURL(`**/vehicles/${vehicleId}/service`);
      await page.getByRole('list', { name: 'Service records' }).getByText('Oil change').waitFor();

      // The next due point moved on from the record: 10,300 + 450 mi.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
      await page.waitForURL('**/dashboard');
      await item(card, 'Oil change').waitFor();
      expect(await item(card, 'Oil change').textContent()).toContain('at 10,750 mi');
      expect(await chipLook(chip(card, 'Oil change'))).toMatchObject({ text: 'Due soon: Due in 450 mi' });
      const moved = (await call<Reminder>('GET', `/api/maintenance/reminders/${oilChange.id}`)).body;
      expect(moved).toMatchObject({
        nextDueOdometer: 10_750,
        dueFrom: 'last_record',
        lastService: { odometer: 10_300 },
      });
    });
  });

  it('takes the due-soon distance from the settings, and fits a phone', async () => {
    await inSignedInPage(web, { ...phoneContext, colorScheme: 'dark' }, async ({ page }) => {
      await openSignedIn(page, '/settings');
      const call = await apiAsPage(page, web.api.url);
      const vehicle = await call<{ id: string }>('POST', '/api/vehicles', {
        year: 2021,
        make: 'Mazda',
        model: 'MX-5',
        odometerUnit: 'mi',
        initialOdometer: 20_000,
      });
      const added = await call('POST', '/api/maintenance/reminders/from-templates', {
        vehicleId: vehicle.body.id,
        templates: [{ key: 'oil_change', intervalMonths: null, intervalDistance: 700 }],
      });
      expect(added.status).toBe(201);

      // 700 mi left: fine by the default 500 mi, due soon from 1,000 mi.
      const section = page.getByRole('region', { name: 'Reminders' });
      const distance = section.getByLabel('Distance before the odometer');
      await section.getByText('Blank: 500 mi').waitFor();
      expect(await section.getByLabel('Days before the date').inputValue()).toBe('30');
      await distance.fill('1 km');
      await section.getByRole('button', { name: 'Save' }).click();
      await section.getByText('Enter a whole number, or leave blank.').waitFor();
      await distance.fill('1,000');
      await section.getByRole('button', { name: 'Save' }).click();
      await snackBarShown(page, 'Reminder settings saved');
      expect((await call<{ dueSoonDistance: number }>('GET', '/api/me')).body.dueSoonDistance).toBe(1000);

      await openSignedIn(page, '/dashboard');
      // (The user's reminders from the test before are listed too: this one is the MX-5's.)
      const mazdaOil = dueSoonCard(page).getByRole('listitem').filter({ hasText: '2021 Mazda MX-5' });
      await mazdaOil.locator('mvp-reminder-chip').getByText('Due in 700 mi').waitFor();
      await expectNoSidewaysScroll(page);
      await screenshot(page, 'reminders-dashboard-phone-dark');

      await openSignedIn(page, `/vehicles/${vehicle.body.id}`);
      await item(vehicleReminders(page), 'Oil change').waitFor();
      await expectNoSidewaysScroll(page);
      await vehicleReminders(page).getByRole('button', { name: 'Add from templates' }).click();
      await item(page.getByRole('dialog'), 'Oil change').getByText('Added already').waitFor();
      expect(await page.getByRole('checkbox', { name: 'Oil change' }).isDisabled()).toBe(true);
      await screenshot(page, 'reminders-template-picker-phone-dark');
    });
  });
});
