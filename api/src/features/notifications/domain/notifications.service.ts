import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { JobsService } from '../../../core/jobs/jobs.service';
import { NotificationDeliveriesRepository } from '../data/notification-deliveries.repository';
import { channels } from '../data/notification-delivery.entity';
import { enabledIn } from './deliveries.service';
import { checkNotification, Notification, RecordedDelivery } from './notification';
import { deliverQueue } from './notification-queues';
import { NotificationSender } from './notification-sender';
import { NotificationSettingsService } from './notification-settings.service';

export interface NotifyOptions {
  /**
   * Record (and queue) the deliveries in this transaction, so they exist exactly when the caller's
   * own change commits.
   */
  manager?: EntityManager;
}

/**
 * What other capsules call: `notify(userId, { key, title, message, link?, data? })` records one
 * delivery per channel the user has turned on and queues it; sending happens in the background.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly settings: NotificationSettingsService,
    private readonly sender: NotificationSender,
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Records a delivery per enabled channel, once per `key` (asking again returns the earlier ones and
   * sends nothing). A channel that cannot send at all (no SMTP on the server, no address) is
   * recorded `failed` with the reason, never dropped. No channel turned on: nothing is recorded.
   */
  async notify(userId: string, notification: Notification, options: NotifyOptions = {}): Promise<RecordedDelivery[]> {
    checkNotification(notification);
    const settings = await this.settings.of(userId, options.manager);
    const db = options.manager ?? this.dataSource.manager;
    const recorded: RecordedDelivery[] = [];
    for (const channel of channels.filter((each) => enabledIn(settings, each))) {
      const delivery = await this.deliveries.record(db, {
        userId,
        channel,
        key: notification.key,
        title: notification.title,
        message: notification.message,
        link: notification.link ?? null,
        data: notification.data ?? null,
        refusedBecause: this.sender.refusal(channel, settings),
      });
      recorded.push(delivery);
      if (delivery.created && delivery.status === 'pending') await this.queue(delivery.id, options.manager);
    }
    return recorded;
  }

  private async queue(deliveryId: string, manager: EntityManager | undefined): Promise<void> {
    if (manager) {
      await this.jobs.send(deliverQueue, { deliveryId }, { manager });
      return;
    }
    // Recorded already: should queuing fail, the minute's sweep sends it.
    await this.jobs.send(deliverQueue, { deliveryId }).catch((error: unknown) => {
      this.logger.warn(`Delivery ${deliveryId} is left to the sweep: ${(error as Error).message}`);
    });
  }
}
