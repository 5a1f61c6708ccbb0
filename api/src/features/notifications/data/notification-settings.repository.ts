import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { NotificationSettingsEntity } from './notification-settings.entity';

export type SettingsValues = Pick<
  NotificationSettingsEntity,
  'emailEnabled' | 'emailAddress' | 'webhookEnabled' | 'webhookUrl'
>;

/** The one live settings row of a user. */
@Injectable()
export class NotificationSettingsRepository {
  constructor(
    @InjectRepository(NotificationSettingsEntity) readonly repository: Repository<NotificationSettingsEntity>,
  ) {}

  /** `manager`: the caller's transaction. */
  async find(userId: string, manager?: EntityManager): Promise<NotificationSettingsEntity | undefined> {
    const table = manager ? manager.getRepository(NotificationSettingsEntity) : this.repository;
    return (await table.findOne({ where: { userId } })) ?? undefined;
  }

  /** Writes the user's settings, creating the row on first save (two first saves at once: the later wins). */
  async save(userId: string, values: SettingsValues): Promise<void> {
    await this.repository.query(
      `insert into public.notification_settings (id, user_id, email_enabled, email_address, webhook_enabled, webhook_url)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (user_id) where deleted_at is null do update set
         email_enabled = excluded.email_enabled, email_address = excluded.email_address,
         webhook_enabled = excluded.webhook_enabled, webhook_url = excluded.webhook_url, updated_at = now()`,
      [randomUUID(), userId, values.emailEnabled, values.emailAddress, values.webhookEnabled, values.webhookUrl],
    );
  }
}
