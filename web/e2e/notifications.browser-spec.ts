import { Page } from 'playwright-core';
import {
  HttpReceiver,
  SmtpReceiver,
  startHttpReceiver,
  startSmtpReceiver,
} from '../../api/test/support/local-receivers';
import { inSignedInPage, useSignedInWebStack } from './support/auth';
import { screenshot } from './support/browser';
import { desktop } from './support/page-checks';

const notifications = (page: Page) => page.getByRole('region', { name: 'Notifications' });

describe('notification settings in the web app', () => {
  let smtp: SmtpReceiver;
  let webhook: HttpReceiver;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    webhook = await startHttpReceiver();
  });
  const web = useSignedInWebStack(() => ({
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'MotoVaultPro <reminders@motovaultpro.test>' },
  }));
  afterAll(async () => {
    await webhook?.close();
    await smtp?.close();
  });

  it('sets up a webhook, sends a test through both channels and shows how each went', async () => {
    await inSignedInPage(web, { viewport: desktop, colorScheme: 'light' }, async ({ page }) => {
      await page.goto('/settings');
      const section = notifications(page);
      const email = section.getByRole('switch', { name: 'E-mail' });
      // The account has an address (sign-up), so e-mail starts on.
      await page.waitForFunction(
        (element) => element?.getAttribute('aria-checked') === 'true',
        await email.elementHandle(),
      );
      await section.getByText('Nothing sent yet.').waitFor();

      const url = section.getByRole('textbox', { name: 'Webhook URL' });
      await url.fill('ftp://files.example.com/hook');
      await section.getByRole('button', { name: 'Save' }).click();
      await section.getByText('Enter an http:// or https:// URL, with no user name or password in it.').waitFor();

      await url.fill(`${webhook.url}/?topic=garage`);
      await section.getByRole('switch', { name: 'Webhook' }).click();
      const saved = page.waitForResponse(
        (response) => response.url().endsWith('/api/me/notifications') && response.request().method() === 'PATCH',
      );
      await section.getByRole('button', { name: 'Save' }).click();
      expect((await saved).status()).toBe(200);
      await page.getByText('Notification settings saved').waitFor();

      await section.getByRole('button', { name: 'Send test' }).click();
      const results = section.getByRole('list', { name: 'Test results' });
      await results.getByText('E-mail: sent').waitFor();
      await results.getByText('Webhook: sent').waitFor();
      expect(webhook.requests.map((request) => request.body)).toEqual([
        expect.objectContaining({ topic: 'garage', event: 'test', title: 'MotoVaultPro test notification' }),
      ]);
      expect(smtp.messages.map((mail) => mail.subject)).toEqual(['MotoVaultPro test notification']);
      await screenshot(page, 'settings-notifications-desktop-light');

      webhook.answers.push(500);
      await section.getByRole('button', { name: 'Send test' }).click();
      await results.getByText(/Webhook: The webhook answered 500/).waitFor();
    });
  });
});
