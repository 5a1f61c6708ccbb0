import { Inject, Injectable } from '@nestjs/common';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import { DeliveryOutcome, refused } from '../external/delivery-outcome';
import { EmailChannel, emailUnavailableReason } from '../external/email.channel';
import { WebhookChannel } from '../external/webhook.channel';
import { emailBody } from './email-body';
import type { Channel, OutgoingNotification } from './notification';
import { emailAddressOf, NotificationSettings } from './notification-settings.service';
import { webhookBody } from './webhook-body';

/** Sends one notification through one channel to where the user's settings point it. */
@Injectable()
export class NotificationSender {
  private readonly settingsUrl: string;

  constructor(
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.settingsUrl = `${config.PUBLIC_URL}/settings`;
  }

  /** Why the channel cannot send for these settings at all (so a delivery is refused at once), or undefined. */
  refusal(channel: Channel, settings: NotificationSettings): string | undefined {
    if (channel === 'email') {
      if (!this.email.available) return emailUnavailableReason;
      if (!emailAddressOf(settings)) return 'There is no e-mail address to send to: add one in the settings.';
      return undefined;
    }
    return settings.webhookUrl ? undefined : 'There is no webhook URL to send to: add one in the settings.';
  }

  async send(
    channel: Channel,
    settings: NotificationSettings,
    notification: OutgoingNotification,
  ): Promise<DeliveryOutcome> {
    const refusal = this.refusal(channel, settings);
    if (refusal) return refused(refusal, false);
    if (channel === 'email') {
      return this.email.send({ to: emailAddressOf(settings)!, ...emailBody(notification, this.settingsUrl) });
    }
    const url = settings.webhookUrl!;
    return this.webhook.send(url, webhookBody(url, notification, new Date()));
  }
}
