import type { NotificationSettings, NotificationSettingsPatch } from './notifications-api';

/** What the notifications form edits. */
export interface NotificationFormValue {
  emailEnabled: boolean;
  /** Empty: the account's own address. */
  emailAddress: string;
  webhookEnabled: boolean;
  webhookUrl: string;
}

export function formValueOf(settings: NotificationSettings): NotificationFormValue {
  return {
    emailEnabled: settings.emailEnabled,
    emailAddress: settings.emailAddress ?? '',
    webhookEnabled: settings.webhookEnabled,
    webhookUrl: settings.webhookUrl ?? '',
  };
}

/** Only what changed, with empty text meaning "none" (the account's address, no webhook). */
export function settingsPatch(saved: NotificationSettings, value: NotificationFormValue): NotificationSettingsPatch {
  const emailAddress = value.emailAddress.trim() || null;
  const webhookUrl = value.webhookUrl.trim() || null;
  const patch: NotificationSettingsPatch = {};
  if (value.emailEnabled !== saved.emailEnabled) patch.emailEnabled = value.emailEnabled;
  if (emailAddress !== saved.emailAddress) patch.emailAddress = emailAddress;
  if (value.webhookEnabled !== saved.webhookEnabled) patch.webhookEnabled = value.webhookEnabled;
  if (webhookUrl !== saved.webhookUrl) patch.webhookUrl = webhookUrl;
  return patch;
}

/** Whether the URL is one the API takes: http(s), with a host, no user name or password. */
export function isWebhookUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
}

export const deliveryStatusLabels: Record<string, string> = { pending: 'Pending', sent: 'Sent', failed: 'Failed' };
export const channelLabels: Record<string, string> = { email: 'E-mail', webhook: 'Webhook' };
