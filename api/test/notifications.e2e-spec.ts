import { DataSource } from 'typeorm';
import { JobsService } from '../src/core/jobs/jobs.service';
import { NotificationsService } from '../src/features/notifications';
import { deliverQueue, sweepQueue } from '../src/features/notifications/domain/notification-queues';
import type { RunningApi } from '../src/start-api';
import { useCapsuleApi } from './support/capsule-api';
import { startInProcessApi } from './support/in-process-api';
import { ApiSchema, Problem } from './support/json-call';
import { HttpReceiver, SmtpReceiver, startHttpReceiver, startSmtpReceiver, waitFor } from './support/local-receivers';

type Settings = ApiSchema<'NotificationSettingsDto'>;
type Delivery = ApiSchema<'NotificationDeliveryDto'>;
type DeliveryPage = ApiSchema<'NotificationDeliveryPageDto'>;
type TestResult = ApiSchema<'NotificationTestResultDto'>;

const retryDelayMs = 150;

describe('notifications', () => {
  let smtp: SmtpReceiver;
  let webhook: HttpReceiver;
  const env = () => ({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'MotoVaultPro <reminders@motovaultpro.test>',
    NOTIFICATIONS_RETRY_DELAY_MS: String(retryDelayMs),
    NOTIFICATIONS_TIMEOUT_MS: '5000',
    NOTIFICATIONS_MAX_ATTEMPTS: '3',
    PUBLIC_URL: 'https://garage.example.com',
  });

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    webhook = await startHttpReceiver();
  });
  const capsule = useCapsuleApi({ label: 'notifications', jobs: true, env });
  afterAll(async () => {
    await webhook?.close();
    await smtp?.close();
  });

  const { call } = capsule;
  const notifications = () => capsule.api.app.get(NotificationsService);
  const userId = async (token: string) => (await call<{ id: string }>('GET', '/api/me', undefined, token)).body.id;
  const settings = (patch: object, token = capsule.alice) =>
    call<Settings>('PATCH', '/api/me/notifications', patch, token);
  const deliveryRow = async (id: string) =>
    (
      await capsule.db.query<{ status: string; attempts: number; last_error: string | null }>(
        'select status, attempts, last_error from public.notification_deliveries where id = $1',
        [id],
      )
    ).rows[0];
  const sentRow = (id: string) =>
    waitFor(`delivery ${id} to be sent`, async () => {
      const row = await deliveryRow(id);
      return row.status === 'sent' ? row : undefined;
    });
  const webhookRequestsFor = (key: string) => webhook.requests.filter((request) => request.body.key === key);
  const mailsAbout = (title: string) => smtp.messages.filter((mail) => mail.subject === title);
  const jobsFor = async (deliveryId: string) =>
    Number(
      (
        await capsule.db.query(`select count(*) from pgboss.job where name = $1 and data->>'deliveryId' = $2`, [
          deliverQueue.name,
          deliveryId,
        ])
      ).rows[0].count,
    );
  let alice: string;

  beforeAll(async () => {
    alice = await userId(capsule.alice);
    const saved = await settings({
      emailEnabled: true,
      emailAddress: 'alice@example.com',
      webhookEnabled: true,
      webhookUrl: `${webhook.url}/?topic=alice-car`,
    });
    expect(saved.status).toBe(200);
  });

  it('shows the channels with their defaults and whether e-mail is available', async () => {
    const bobSettings = await call<Settings>('GET', '/api/me/notifications', undefined, capsule.bob);
    expect(bobSettings.status).toBe(200);
    // Bob's account has no address, so e-mail starts off; nobody sees Alice's webhook.
    expect(bobSettings.body).toEqual({
      emailEnabled: false,
      emailAddress: null,
      accountEmail: null,
      emailAvailable: true,
      emailUnavailableReason: null,
      webhookEnabled: false,
      webhookUrl: null,
    });
    const aliceSettings = await call<Settings>('GET', '/api/me/notifications');
    expect(aliceSettings.body).toMatchObject({
      emailEnabled: true,
      emailAddress: 'alice@example.com',
      webhookEnabled: true,
      webhookUrl: `${webhook.url}/?topic=alice-car`,
    });
  });

  it('refuses a bad address or URL, and a channel turned on with nowhere to send, writing nothing', async () => {
    const before = (await capsule.db.query('select count(*) from public.notification_settings')).rows[0].count;
    const cases: Array<[object, string]> = [
      [{ webhookUrl: 'ftp://files.example.com/hook' }, 'webhookUrl'],
      [{ webhookUrl: 'https://user:secret@ntfy.example.com/?topic=x' }, 'webhookUrl'],
      [{ webhookUrl: 'not a url' }, 'webhookUrl'],
      [{ emailAddress: 'not-an-address' }, 'emailAddress'],
      [{ emailEnabled: null }, 'emailEnabled'],
    ];
    for (const [patch, field] of cases) {
      const refused = await call<Problem>('PATCH', '/api/me/notifications', patch, capsule.bob);
      expect({ patch, status: refused.status }).toEqual({ patch, status: 400 });
      expect(refused.body.errors?.map((error) => error.field)).toContain(field);
    }
    const noUrl = await call<Problem>('PATCH', '/api/me/notifications', { webhookEnabled: true }, capsule.bob);
    expect(noUrl.status).toBe(400);
    expect(noUrl.body.errors).toEqual([{ field: 'webhookUrl', message: 'is needed to turn the webhook on' }]);
    const noAddress = await call<Problem>('PATCH', '/api/me/notifications', { emailEnabled: true }, capsule.bob);
    expect(noAddress.status).toBe(400);
    expect(noAddress.body.errors?.[0].field).toBe('emailAddress');
    const after = (await capsule.db.query('select count(*) from public.notification_settings')).rows[0].count;
    expect(after).toBe(before);
  });

  it('sends one e-mail and one webhook for a notification, in shapes ntfy and Gotify take', async () => {
    const recorded = await notifications().notify(alice, {
      key: 'reminder:oil:overdue',
      title: 'Oil change is overdue',
      message: 'The MX-5 is 312 mi past its oil change.',
      link: '/maintenance/reminders',
      data: { reminderId: 'oil', status: 'overdue' },
    });
    expect(recorded.map(({ channel, status, created }) => ({ channel, status, created }))).toEqual([
      { channel: 'email', status: 'pending', created: true },
      { channel: 'webhook', status: 'pending', created: true },
    ]);
    for (const delivery of recorded)
      expect(await sentRow(delivery.id)).toMatchObject({ attempts: 1, last_error: null });

    const [mail] = mailsAbout('Oil change is overdue');
    expect(mail.to).toMatchObject({ text: 'alice@example.com' });
    expect(mail.from?.value).toEqual([{ address: 'reminders@motovaultpro.test', name: 'MotoVaultPro' }]);
    expect(mail.text).toContain('The MX-5 is 312 mi past its oil change.');
    expect(mail.text).toContain('https://garage.example.com/maintenance/reminders');
    expect(mail.html).toContain('<a href="https://garage.example.com/maintenance/reminders">');

    const [request] = webhookRequestsFor('reminder:oil:overdue');
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/?topic=alice-car');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body).toEqual({
      topic: 'alice-car',
      title: 'Oil change is overdue',
      message: 'The MX-5 is 312 mi past its oil change.',
      priority: 4,
      tags: ['wrench'],
      click: 'https://garage.example.com/maintenance/reminders',
      extras: { 'client::notification': { click: { url: 'https://garage.example.com/maintenance/reminders' } } },
      source: 'motovaultpro',
      event: 'notification',
      key: 'reminder:oil:overdue',
      link: 'https://garage.example.com/maintenance/reminders',
      data: { reminderId: 'oil', status: 'overdue' },
      sentAt: expect.any(String),
    });
  });

  it('sends a key once however often it is asked for', async () => {
    const notification = { key: 'reminder:tires:due_soon', title: 'Tire rotation due soon', message: 'In 9 days.' };
    const first = await notifications().notify(alice, notification);
    const again = await notifications().notify(alice, { ...notification, title: 'Changed title' });
    expect(again).toEqual(first.map((delivery) => ({ ...delivery, created: false })));
    for (const delivery of first) {
      await sentRow(delivery.id);
      expect(await jobsFor(delivery.id)).toBe(1);
    }
    const rows = await capsule.db.query(
      "select channel from public.notification_deliveries where key = 'reminder:tires:due_soon' order by channel",
    );
    expect(rows.rows).toEqual([{ channel: 'email' }, { channel: 'webhook' }]);
    expect(webhookRequestsFor('reminder:tires:due_soon')).toHaveLength(1);
    expect(mailsAbout('Tire rotation due soon')).toHaveLength(1);
    expect(mailsAbout('Changed title')).toHaveLength(0);
  });

  it('records and queues in the caller’s transaction: a rollback leaves neither', async () => {
    await expect(
      capsule.api.app.get(DataSource).transaction(async (manager) => {
        const recorded = await notifications().notify(
          alice,
          { key: 'in-a-rollback', title: 'Rolled back', message: 'No.' },
          { manager },
        );
        expect(recorded).toHaveLength(2);
        throw new Error('the caller changed its mind');
      }),
    ).rejects.toThrow('the caller changed its mind');
    const rows = await capsule.db.query("select id from public.notification_deliveries where key = 'in-a-rollback'");
    expect(rows.rows).toEqual([]);
    const orphans = await capsule.db.query(
      `select count(*) from pgboss.job j where j.name = $1
       and not exists (select 1 from public.notification_deliveries d where d.id::text = j.data->>'deliveryId')`,
      [deliverQueue.name],
    );
    expect(Number(orphans.rows[0].count)).toBe(0);
  });

  it('retries a failing webhook with backoff and lists it as sent on the second attempt', async () => {
    webhook.answers.push(500);
    const [, hook] = await notifications().notify(alice, {
      key: 'reminder:brakes:overdue',
      title: 'Brake fluid is overdue',
      message: 'Overdue by 3 days.',
    });
    const failedOnce = await waitFor('the first attempt to fail', async () => {
      const row = await deliveryRow(hook.id);
      return row.attempts === 1 ? row : undefined;
    });
    expect(failedOnce).toMatchObject({ status: 'pending' });
    expect(failedOnce.last_error).toContain('500');
    const listedPending = await call<DeliveryPage>('GET', '/api/me/notifications/deliveries?status=pending');
    expect(listedPending.body.items.find((item) => item.id === hook.id)).toMatchObject({
      attempts: 1,
      status: 'pending',
      nextAttemptAt: expect.any(String),
    });

    await sentRow(hook.id);
    const [first, second] = webhookRequestsFor('reminder:brakes:overdue');
    expect(second.at - first.at).toBeGreaterThanOrEqual(retryDelayMs);
    const listed = await call<DeliveryPage>('GET', '/api/me/notifications/deliveries');
    expect(listed.body.items.find((item) => item.id === hook.id)).toMatchObject({
      channel: 'webhook',
      key: 'reminder:brakes:overdue',
      title: 'Brake fluid is overdue',
      status: 'sent',
      attempts: 2,
      lastError: null,
      nextAttemptAt: null,
      sentAt: expect.any(String),
    });
  });

  it('marks a delivery failed when the receiver refuses it, shows why, and retries it on request', async () => {
    webhook.answers.push(404);
    const [, hook] = await notifications().notify(alice, {
      key: 'reminder:coolant:overdue',
      title: 'Coolant is overdue',
      message: 'Overdue by 2 months.',
    });
    const failed = await waitFor('the delivery to fail', async () => {
      const answer = await call<Delivery>('GET', `/api/me/notifications/deliveries/${hook.id}`);
      return answer.body.status === 'failed' ? answer.body : undefined;
    });
    expect(failed).toMatchObject({ attempts: 1, nextAttemptAt: null, sentAt: null });
    expect(failed.lastError).toContain('404');

    const retried = await call<Delivery>('POST', `/api/me/notifications/deliveries/${hook.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBe('pending');
    expect(await sentRow(hook.id)).toMatchObject({ attempts: 2 });
    const again = await call<Problem>('POST', `/api/me/notifications/deliveries/${hook.id}/retry`);
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('this one is sent');
  });

  it('gives up after the last attempt', async () => {
    const other = await startHttpReceiver();
    try {
      await settings({ webhookUrl: `${other.url}/hook`, webhookEnabled: true }, capsule.bob);
      other.answers.push(503, 503, 503);
      const bob = await userId(capsule.bob);
      const [hook] = await notifications().notify(bob, {
        key: 'gives-up',
        title: 'Gives up',
        message: 'Three attempts.',
      });
      // NOTIFICATIONS_MAX_ATTEMPTS is 3 here.
      const failed = await waitFor('the delivery to fail', async () => {
        const row = await deliveryRow(hook.id);
        return row.status === 'failed' ? row : undefined;
      });
      expect(failed.attempts).toBe(3);
      expect(failed.last_error).toContain('503');
      expect(other.requests).toHaveLength(3);
    } finally {
      await settings({ webhookUrl: null }, capsule.bob);
      await other.close();
    }
  });

  it('sends what is due through the minute’s sweep, the catch-all behind each delivery’s own job', async () => {
    const schedules = await capsule.db.query('select name, cron, timezone from pgboss.schedule');
    expect(schedules.rows).toContainEqual({ name: sweepQueue.name, cron: '* * * * *', timezone: 'UTC' });
    // Recorded with no job of its own, as when a process dies between recording and queuing.
    const { rows } = await capsule.db.query(
      `insert into public.notification_deliveries (id, user_id, channel, key, title, message)
       values (gen_random_uuid(), $1, 'webhook', 'left-behind', 'Left behind', 'Found by the sweep.') returning id`,
      [alice],
    );
    await capsule.api.app.get(JobsService).send(sweepQueue, {});
    expect(await sentRow(rows[0].id)).toMatchObject({ attempts: 1 });
    expect(webhookRequestsFor('left-behind')).toHaveLength(1);
  });

  it('sends a test through the channels that are on, or the one named, and says how each went', async () => {
    const tested = await call<TestResult>('POST', '/api/me/notifications/test', {});
    expect(tested.status).toBe(200);
    expect(tested.body.results).toEqual([
      { channel: 'email', ok: true, error: null },
      { channel: 'webhook', ok: true, error: null },
    ]);
    expect(mailsAbout('MotoVaultPro test notification').length).toBeGreaterThanOrEqual(1);
    expect(webhook.requests.at(-1)?.body).toMatchObject({ event: 'test', topic: 'alice-car' });

    webhook.answers.push(500);
    const failing = await call<TestResult>('POST', '/api/me/notifications/test', { channel: 'webhook' });
    expect(failing.body.results).toEqual([
      { channel: 'webhook', ok: false, error: expect.stringContaining('The webhook answered 500') },
    ]);
    const unknown = await call<Problem>('POST', '/api/me/notifications/test', { channel: 'sms' });
    expect(unknown.status).toBe(400);
    const nowhere = await call<TestResult>('POST', '/api/me/notifications/test', { channel: 'webhook' }, capsule.bob);
    expect(nowhere.body.results[0]).toMatchObject({ ok: false, error: expect.stringContaining('no webhook URL') });
  });

  it('keeps deliveries to their owner: another user’s id is a 404, never their data', async () => {
    const [delivery] = await notifications().notify(alice, { key: 'private', title: 'Private', message: 'Mine.' });
    await sentRow(delivery.id);
    const bobList = await call<DeliveryPage>(
      'GET',
      '/api/me/notifications/deliveries?pageSize=100',
      undefined,
      capsule.bob,
    );
    expect(bobList.status).toBe(200);
    expect(bobList.body.items.map((item) => item.id)).not.toContain(delivery.id);
    for (const [method, path] of [
      ['GET', `/api/me/notifications/deliveries/${delivery.id}`],
      ['POST', `/api/me/notifications/deliveries/${delivery.id}/retry`],
      ['GET', '/api/me/notifications/deliveries/not-a-uuid'],
    ]) {
      const answer = await call<Problem>(method, path, undefined, capsule.bob);
      expect({ method, path, status: answer.status }).toEqual({ method, path, status: 404 });
      expect(answer.type).toContain('application/problem+json');
    }
    const aliceList = await call<DeliveryPage>('GET', '/api/me/notifications/deliveries?pageSize=100');
    expect(aliceList.body.items.map((item) => item.id)).toContain(delivery.id);
    expect(await deliveryRow(delivery.id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  describe('with two API replicas on one database', () => {
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
      webhook.release();
      await replica?.close();
    });

    it('delivers once while both work jobs for the same delivery at the same time', async () => {
      await settings({ emailEnabled: false });
      try {
        webhook.hold();
        const [hook] = await notifications().notify(alice, { key: 'race', title: 'Race', message: 'Once.' });
        // More jobs for the same delivery, from both replicas: what a lost ack or a sweep could add.
        for (const app of [capsule.api.app, replica.app, capsule.api.app, replica.app]) {
          await app.get(JobsService).send(deliverQueue, { deliveryId: hook.id });
        }
        // While the first claim holds its request open, every other job finds the row taken and ends.
        await waitFor('the other jobs to finish', async () => {
          const { rows } = await capsule.db.query(
            `select count(*) filter (where state = 'completed') as done from pgboss.job where name = $1 and data->>'deliveryId' = $2`,
            [deliverQueue.name, hook.id],
          );
          return Number(rows[0].done) === 4 && webhookRequestsFor('race').length === 1;
        });
        webhook.release();
        await sentRow(hook.id);
        expect(webhookRequestsFor('race')).toHaveLength(1);
        expect(await deliveryRow(hook.id)).toMatchObject({ attempts: 1 });
      } finally {
        webhook.release();
        await settings({ emailEnabled: true });
      }
    });
  });
});

describe('notifications without an SMTP server', () => {
  const capsule = useCapsuleApi({ label: 'notifications_nosmtp' });

  it('shows e-mail as unavailable and records deliveries to it as failed, with the reason', async () => {
    const me = await capsule.call<{ id: string }>('GET', '/api/me');
    const saved = await capsule.call<Settings>('PATCH', '/api/me/notifications', {
      emailEnabled: true,
      emailAddress: 'alice@example.com',
    });
    expect(saved.body).toMatchObject({
      emailEnabled: true,
      emailAvailable: false,
      emailUnavailableReason: expect.stringContaining('SMTP_URL'),
    });
    const [delivery] = await capsule.api.app
      .get(NotificationsService)
      .notify(me.body.id, { key: 'no-smtp', title: 'No SMTP', message: 'Nowhere to go.' });
    expect(delivery).toMatchObject({ channel: 'email', status: 'failed', created: true });
    const listed = await capsule.call<DeliveryPage>('GET', '/api/me/notifications/deliveries');
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: delivery.id,
        status: 'failed',
        attempts: 0,
        lastError: expect.stringContaining('SMTP_URL'),
      }),
    ]);
    const tested = await capsule.call<TestResult>('POST', '/api/me/notifications/test', {});
    expect(tested.body.results).toEqual([
      { channel: 'email', ok: false, error: expect.stringContaining('E-mail is not set up on this server') },
    ]);
  });
});
