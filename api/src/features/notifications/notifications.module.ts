import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../../core/identity/identity.module';
import { NotificationsController } from './api/notifications.controller';
import { NotificationDeliveriesRepository } from './data/notification-deliveries.repository';
import { NotificationDeliveryEntity } from './data/notification-delivery.entity';
import { NotificationSettingsEntity } from './data/notification-settings.entity';
import { NotificationSettingsRepository } from './data/notification-settings.repository';
import { DeliveriesService } from './domain/deliveries.service';
import { NotificationSender } from './domain/notification-sender';
import { NotificationSettingsService } from './domain/notification-settings.service';
import { NotificationsService } from './domain/notifications.service';
import { EmailChannel } from './external/email.channel';
import { WebhookChannel } from './external/webhook.channel';

/** Notification channels (e-mail, webhook) per user and the deliveries made through them. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationSettingsEntity, NotificationDeliveryEntity]), IdentityModule],
  controllers: [NotificationsController],
  providers: [
    NotificationsService,
    NotificationSettingsService,
    DeliveriesService,
    NotificationSender,
    NotificationDeliveriesRepository,
    NotificationSettingsRepository,
    EmailChannel,
    WebhookChannel,
  ],
  exports: [NotificationsService],
})
export class NotificationsModule {}
