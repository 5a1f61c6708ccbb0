import { JobsService } from '../src/core/jobs/jobs.service';
import { reminderAlertsQueue, ReminderAlertsService } from '../src/features/maintenance/domain/reminder-alerts.service';
import type { RunningApi } from '../src/start-api';
import { useCapsuleApi } from './support/capsule-api';
import { startInProcessApi } from './support/in-process-api';
import { ApiSchema } from './support/json-call';
import { HttpReceiver, SmtpReceiver, startHttpReceiver, startSmtpReceiver, waitFor } from './support/local-receivers';

type Reminder = ApiSchema<'ReminderDto'>;
type Vehicle = ApiSchema<'VehicleDto'>;

const today = () => new Date().toISOString().slice(0, 10);

describe('reminder alerts', () => {
  let smtp: SmtpReceiver;
  let webhook: HttpReceiver;
  const env = () => ({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'MotoVaultPro <reminders@motovaultpro.test>',
    NOTIFICATIONS_RETRY_DELAY_MS: '150',
    PUBLIC_URL: 'https://garage.example.com',
  });

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    webhook = await startHttpReceiver();
  });
  const capsule = useCapsuleApi({ label: 'reminder_alerts', jobs: true, env });
  let replica: RunningApi;
  beforeAll(async () => {
    replica = await startInProcessApi({
      databaseUrl: capsule.database.url,
      imports: [],
      jobs: true,
      env: { ...capsule.issuer.apiEnv(), ...env() },
    });
  });
  afterAll(async () => {
    await replica?.close();
    await webhook?.close();
    await smtp?.close();
  });

  const { call } = capsule;
  const alerts = (app = capsule.api.app) => app.get(ReminderAlertsService);
  const mailsAbout = (subject: string) => smtp.messages.filter((mail) => mail.subject === subject);
  const hooksAbout = (title: string) => webhook.requests.filter((request) => request.body.title === title);
  /** Both channels got it `times` times: that many deliveries for the title per channel, all sent. */
  const delivered = (title: string, times = 1) =>
    waitFor(`"${title}" by e-mail and webhook`, async () => {
      const { rows } = await capsule.db.query<{ status: string }>(
        'select status from public.notification_deliveries where title = $1',
        [title],
      );
      return rows.length === 2 * times && rows.every((row) => row.status === 'sent') ? rows : undefined;
    });

  let vehicle: string;
  let oil: Reminder;
  const soonTitle = 'Oil change is due soon · 2019 Honda Civic';
  const overdueTitle = 'Oil change is overdue · 2019 Honda Civic';
  const record = (odometer: number, category = 'tires') =>
    call('POST', '/api/maintenance/records', {
      vehicleId: vehicle,
      performedAt: today(),
      odometer,
      category,
      title: category,
    });

  beforeAll(async () => {
    const saved = await call('PATCH', '/api/me/notifications', {
      emailEnabled: true,
      emailAddress: 'alice@example.com',
      webhookEnabled: true,
      webhookUrl: `${webhook.url}/?topic=alice-car`,
    });
    expect(saved.status).toBe(200);
    vehicle = (
      await call<Vehicle>('POST', '/api/vehicles', {
        make: 'Honda',
        model: 'Civic',
        year: 2019,
        odometerUnit: 'mi',
        initialOdometer: 10_000,
      })
    ).body.id;
    oil = (
      await call<Reminder>('POST', '/api/maintenance/reminders', {
        vehicleId: vehicle,
        title: 'Oil change',
        category: 'oil',
        intervalDistance: 5000,
      })
    ).body;
    expect(oil.status).toBe('ok');
  });

  it('sends nothing while nothing changed, however often it runs', async () => {
    expect(await alerts().run()).toMatchObject({ alerted: 0 });
    expect(await alerts().run()).toMatchObject({ alerted: 0 });
    expect(smtp.messages).toHaveLength(0);
    expect(webhook.requests).toHaveLength(0);
  });

  it('sends one e-mail and one webhook when a reminder turns due soon, and nothing on the next run', async () => {
    await record(14_600);
    expect(await alerts().run()).toMatchObject({ alerted: 1 });
    expect(await alerts().run()).toMatchObject({ alerted: 0 });
    await delivered(soonTitle);
    expect(mailsAbout(soonTitle)).toHaveLength(1);
    expect(mailsAbout(soonTitle)[0].text).toContain('Oil change is due in 400 mi');
    expect(hooksAbout(soonTitle)).toHaveLength(1);
    expect(hooksAbout(soonTitle)[0].body).toMatchObject({
      topic: 'alice-car',
      data: { reminderId: oil.id, status: 'due_soon', nextDueOdometer: 15_000 },
    });
  });

  it('sends once when two replicas run the job at the same time as it turns overdue', async () => {
    await record(15_100);
    const runs = await Promise.all([alerts().run(), alerts(replica.app).run(), alerts().run()]);
    expect(runs.reduce((sum, run) => sum + run.alerted, 0)).toBe(1);
    await delivered(overdueTitle);
    expect(mailsAbout(overdueTitle)).toHaveLength(1);
    expect(hooksAbout(overdueTitle)).toHaveLength(1);
  });

  it('notes a reminder done without telling anyone, and tells again when the next cycle comes due', async () => {
    await call('POST', `/api/maintenance/reminders/${oil.id}/complete`, { odometer: 15_100 });
    expect(await alerts().run()).toMatchObject({ alerted: 0 });
    await record(19_700);
    // Through the queue this time, as the schedule runs it: a job on either replica.
    await replica.app.get(JobsService).send(reminderAlertsQueue, {});
    await delivered(soonTitle, 2);
    expect(mailsAbout(soonTitle)).toHaveLength(2);
    expect(hooksAbout(soonTitle)).toHaveLength(2);
    expect(hooksAbout(soonTitle)[1].body).toMatchObject({ data: { nextDueOdometer: 20_100 } });
  });
});
