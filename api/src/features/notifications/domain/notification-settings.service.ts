import { Injectable } from '@nestjs/common';
import { ValidationProblem } from '@mvp/common';
import type { EntityManager } from 'typeorm';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { UsersService } from '../../../core/identity/users/users.service';
import { NotificationSettingsRepository } from '../data/notification-settings.repository';
import { EmailChannel } from '../external/email.channel';
import { webhookUrlProblem } from './webhook-url';

/** A user's channels as they stand, defaults filled in. */
export interface NotificationSettings {
  emailEnabled: boolean;
  /** The address chosen for notifications; null: the account's own. */
  emailAddress: string | null;
  /** The account's address (`users.email`), the default. */
  accountEmail: string | null;
  /** Whether this server can send e-mail (SMTP_URL is set). */
  emailAvailable: boolean;
  webhookEnabled: boolean;
  webhookUrl: string | null;
}

export interface NotificationSettingsPatch {
  emailEnabled?: boolean;
  /** null: back to the account's address. */
  emailAddress?: string | null;
  webhookEnabled?: boolean;
  /** null: no webhook (which turns it off). */
  webhookUrl?: string | null;
}

/** Each user's channels: e-mail (on by default when the account has an address) and a webhook (off until set). */
@Injectable()
export class NotificationSettingsService {
  constructor(
    private readonly settings: NotificationSettingsRepository,
    private readonly users: UsersService,
    private readonly email: EmailChannel,
  ) {}

  get(scope: RequestScope): Promise<NotificationSettings> {
    return this.of(scope.userId);
  }

  /**
   * The user's settings; also for background work, which has a user id and no request. `manager`:
   * the caller's transaction, whose connection reads them (not a second one from the pool).
   */
  async of(userId: string, manager?: EntityManager): Promise<NotificationSettings> {
    const [row, user] = await Promise.all([
      this.settings.find(userId, manager),
      this.users.findById(userId, { manager }),
    ]);
    const accountEmail = user.email;
    return {
      emailEnabled: row ? row.emailEnabled : accountEmail !== null,
      emailAddress: row?.emailAddress ?? null,
      accountEmail,
      emailAvailable: this.email.available,
      webhookEnabled: row?.webhookEnabled ?? false,
      webhookUrl: row?.webhookUrl ?? null,
    };
  }

  async update(scope: RequestScope, patch: NotificationSettingsPatch): Promise<NotificationSettings> {
    const current = await this.of(scope.userId);
    const next = { ...current, ...patch };
    if (patch.webhookUrl === null && patch.webhookEnabled === undefined) next.webhookEnabled = false;
    const problems = [];
    const urlProblem = next.webhookUrl === null ? undefined : webhookUrlProblem(next.webhookUrl);
    if (urlProblem && patch.webhookUrl !== undefined) problems.push({ field: 'webhookUrl', message: urlProblem });
    if (next.webhookEnabled && next.webhookUrl === null) {
      problems.push({ field: 'webhookUrl', message: 'is needed to turn the webhook on' });
    }
    if (next.emailEnabled && next.emailAddress === null && next.accountEmail === null) {
      problems.push({ field: 'emailAddress', message: 'is needed to turn e-mail on: the account has no address' });
    }
    if (problems.length > 0) throw new ValidationProblem(problems);
    await this.settings.save(scope.userId, next);
    return this.of(scope.userId);
  }
}

/** Where a channel sends to for these settings, or undefined when it has nowhere to send. */
export function emailAddressOf(settings: NotificationSettings): string | undefined {
  return settings.emailAddress ?? settings.accountEmail ?? undefined;
}
