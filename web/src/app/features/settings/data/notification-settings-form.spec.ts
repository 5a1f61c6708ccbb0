import { formValueOf, isWebhookUrl, settingsPatch } from './notification-settings-form';
import type { NotificationSettings } from './notifications-api';

const saved: NotificationSettings = {
  emailEnabled: true,
  emailAddress: null,
  accountEmail: 'me@example.com',
  emailAvailable: true,
  emailUnavailableReason: null,
  webhookEnabled: false,
  webhookUrl: null,
};

describe('notification settings form', () => {
  it('sends only what changed, empty text as none', () => {
    expect(settingsPatch(saved, formValueOf(saved))).toEqual({});
    expect(
      settingsPatch(saved, {
        emailEnabled: true,
        emailAddress: '  other@example.com ',
        webhookEnabled: true,
        webhookUrl: 'https://ntfy.sh/?topic=car',
      }),
    ).toEqual({ emailAddress: 'other@example.com', webhookEnabled: true, webhookUrl: 'https://ntfy.sh/?topic=car' });
    const withWebhook = { ...saved, webhookEnabled: true, webhookUrl: 'https://ntfy.sh/?topic=car' };
    expect(settingsPatch(withWebhook, { ...formValueOf(withWebhook), webhookUrl: ' ' })).toEqual({ webhookUrl: null });
  });

  it('takes http(s) webhook URLs without credentials', () => {
    expect(isWebhookUrl('https://gotify.example.com/message?token=abc')).toBe(true);
    expect(isWebhookUrl('ftp://example.com')).toBe(false);
    expect(isWebhookUrl('https://user:pw@example.com')).toBe(false);
    expect(isWebhookUrl('not a url')).toBe(false);
  });
});
