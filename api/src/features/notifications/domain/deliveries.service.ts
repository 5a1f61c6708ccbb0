import { ConflictException, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, Repository } from 'typeorm';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { Page, UserScopedRepository } from '../../../core/identity/scoping/user-scoped-repository';
import { JobsService } from '../../../core/jobs/jobs.service';
import { NotificationDeliveriesRepository } from '../data/notification-deliveries.repository';
import { channels, NotificationDeliveryEntity } from '../data/notification-delivery.entity';
import { refused } from '../external/delivery-outcome';
import { absoluteLink, Channel, DeliveryStatus, OutgoingNotification } from './notification';
import { deliverQueue, sweepQueue } from './notification-queues';
import { NotificationSender } from './notification-sender';
import { NotificationSettings, NotificationSettingsService } from './notification-settings.service';
import { retryDelayMs } from './retry-delay';

const notFound = 'No such notification delivery.';
const sweepBatch = 100;

export interface DeliveryListQuery {
  page?: number;
  pageSize?: number;
  status?: DeliveryStatus;
}

export interface ChannelTestResult {
  channel: Channel;
  ok: boolean;
  error: string | null;
}

/**
 * Sending what `notify` recorded: each delivery is claimed with a row lock that skips rows another
 * worker holds, so it goes out once however many jobs or replicas reach for it. A failed attempt
 * that may pass later waits `NOTIFICATIONS_RETRY_DELAY_MS`, doubled each time, up to
 * `NOTIFICATIONS_MAX_ATTEMPTS` attempts; then, or at once when retrying cannot help, it is `failed`.
 */
@Injectable()
export class DeliveriesService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');
  private readonly scoped: UserScopedRepository<NotificationDeliveryEntity>;
  private readonly retryBaseMs: number;
  private readonly maxAttempts: number;
  private readonly publicUrl: string;

  constructor(
    @InjectRepository(NotificationDeliveryEntity) repository: Repository<NotificationDeliveryEntity>,
    private readonly deliveries: NotificationDeliveriesRepository,
    private readonly settings: NotificationSettingsService,
    private readonly sender: NotificationSender,
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.scoped = new UserScopedRepository(repository, notFound);
    this.retryBaseMs = config.NOTIFICATIONS_RETRY_DELAY_MS;
    this.maxAttempts = config.NOTIFICATIONS_MAX_ATTEMPTS;
    this.publicUrl = config.PUBLIC_URL;
  }

  onModuleInit(): void {
    this.jobs.work(deliverQueue, ({ deliveryId }) => this.deliver(deliveryId));
    this.jobs.work(sweepQueue, () => this.sweep());
    this.jobs.schedule(sweepQueue, '* * * * *');
  }

  /** One attempt at the delivery, if it is pending, due and nobody else is at it. */
  async deliver(id: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const delivery = await this.deliveries.claimDue(db, id);
      if (!delivery) return;
      const settings = await this.settings.of(delivery.userId, db);
      const outcome = enabledIn(settings, delivery.channel)
        ? await this.sender.send(delivery.channel, settings, this.outgoing(delivery))
        : refused(
            `${delivery.channel === 'email' ? 'E-mail' : 'The webhook'} was turned off before it went out.`,
            false,
          );
      const attempts = delivery.attempts + 1;
      if (outcome.ok) return this.deliveries.markSent(db, id, attempts);
      if (!outcome.retry || attempts >= this.maxAttempts) {
        return this.deliveries.markFailed(db, id, attempts, outcome.error);
      }
      const delayMs = retryDelayMs(attempts, this.retryBaseMs);
      const nextAttemptAt = await this.deliveries.retryLater(db, id, attempts, outcome.error, delayMs);
      await this.jobs.send(deliverQueue, { deliveryId: id }, { startAfter: nextAttemptAt, manager: db });
    });
  }

  /** Sends what is due; the catch-all behind each delivery's own job. */
  async sweep(): Promise<void> {
    const ids = await this.deliveries.dueIds(sweepBatch);
    for (const id of ids) {
      await this.deliver(id).catch((error: unknown) =>
        this.logger.warn(`Delivery ${id} failed in the sweep: ${(error as Error).message}`),
      );
    }
  }

  list(scope: RequestScope, query: DeliveryListQuery): Promise<Page<NotificationDeliveryEntity>> {
    const where: FindOptionsWhere<NotificationDeliveryEntity> = query.status ? { status: query.status } : {};
    return scope.of(this.scoped).list({
      page: query.page,
      pageSize: query.pageSize,
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  get(scope: RequestScope, id: string): Promise<NotificationDeliveryEntity> {
    return scope.of(this.scoped).findOne(id);
  }

  /** Another attempt now for a failed delivery; a 409 for one that is pending or sent. */
  async retry(scope: RequestScope, id: string): Promise<NotificationDeliveryEntity> {
    const delivery = await this.get(scope, id);
    const retried = await this.deliveries.retryNow(this.dataSource.manager, scope.userId, delivery.id);
    if (!retried) {
      throw new ConflictException(`Only a failed delivery can be retried; this one is ${delivery.status}.`);
    }
    await this.jobs.send(deliverQueue, { deliveryId: id });
    return this.get(scope, id);
  }

  /** Sends a test through each enabled channel (or the one named) now, and says how each went; records nothing. */
  async test(scope: RequestScope, only?: Channel): Promise<ChannelTestResult[]> {
    const settings = await this.settings.get(scope);
    const chosen = only ? [only] : channels.filter((channel) => enabledIn(settings, channel));
    const notification: OutgoingNotification = {
      event: 'test',
      key: `test:${Date.now()}`,
      title: 'MotoVaultPro test notification',
      message: 'Notifications reach you here. Reminders will arrive the same way.',
      link: absoluteLink('/settings', this.publicUrl),
      data: null,
    };
    return Promise.all(
      chosen.map(async (channel) => {
        const outcome = await this.sender.send(channel, settings, notification);
        return { channel, ok: outcome.ok, error: outcome.ok ? null : outcome.error };
      }),
    );
  }

  private outgoing(delivery: NotificationDeliveryEntity): OutgoingNotification {
    return {
      event: 'notification',
      key: delivery.key,
      title: delivery.title,
      message: delivery.message,
      link: absoluteLink(delivery.link, this.publicUrl),
      data: delivery.data,
    };
  }
}

export function enabledIn(settings: NotificationSettings, channel: Channel): boolean {
  return channel === 'email' ? settings.emailEnabled : settings.webhookEnabled;
}
