import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RequestScope } from '../../../core/identity/scoping/request-scope';
import { defineQueue } from '../../../core/jobs/job-queue';
import { JobsService } from '../../../core/jobs/jobs.service';
import { NotificationsService } from '../../notifications';
import { ReminderFactsQuery } from '../data/reminder-facts.query';
import { reminderStatuses } from './reminder-due';
import { alertFor } from './reminder-alert';
import { RemindersService } from './reminders.service';

export const reminderAlertsQueue = defineQueue<Record<string, never>>('maintenance.reminder-alerts', {
  retry: { limit: 1, delaySeconds: 60 },
  expireInSeconds: 30 * 60,
});

export interface AlertsRun {
  users: number;
  /** Reminders whose status got worse: their owner was notified. */
  alerted: number;
  /** Reminders whose status got better (done, or rescheduled): noted, nobody told. */
  eased: number;
}

const severity = (status: string) => reminderStatuses.indexOf(status as (typeof reminderStatuses)[number]);

/**
 * Tells people when a reminder's status gets worse: ok → due soon → overdue (or straight to
 * overdue), once per change. Each reminder remembers the status its owner was last told of
 * (`alerted_status`); a run moves it with a compare-and-set in the same transaction as the
 * notification, so of two runs at once, on any replicas, one notifies and the other finds nothing to
 * do. A status that got better is noted silently, so the next worsening is news again.
 */
@Injectable()
export class ReminderAlertsService implements OnModuleInit {
  private readonly logger = new Logger('ReminderAlerts');

  constructor(
    private readonly jobs: JobsService,
    private readonly facts: ReminderFactsQuery,
    private readonly reminders: RemindersService,
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.jobs.work(reminderAlertsQueue, async () => {
      const run = await this.run();
      if (run.alerted > 0) this.logger.log(`Reminder alerts: ${run.alerted} sent for ${run.users} users`);
    });
    // Due dates turn at midnight in each user's zone, distances with each new reading: a quarter of an hour is news enough.
    this.jobs.schedule(reminderAlertsQueue, '*/15 * * * *');
  }

  /** One pass over every user with an open reminder; a failure for one user is logged and the rest go on. */
  async run(now = new Date()): Promise<AlertsRun> {
    const result: AlertsRun = { users: 0, alerted: 0, eased: 0 };
    for (const userId of await this.facts.usersWithOpenReminders()) {
      result.users += 1;
      try {
        await this.runFor(userId, now, result);
      } catch (error) {
        this.logger.error(`Reminder alerts for user ${userId.slice(0, 8)}… failed: ${(error as Error).message}`);
      }
    }
    return result;
  }

  private async runFor(userId: string, now: Date, result: AlertsRun): Promise<void> {
    const scope = RequestScope.onBehalfOf(userId);
    for (const found of await this.reminders.allOpen(scope, now)) {
      const { reminder, due } = found;
      const change = severity(due.status) - severity(reminder.alertedStatus);
      if (change === 0) continue;
      await this.dataSource.transaction(async (manager) => {
        if (!(await this.facts.moveAlertedStatus(manager, reminder, reminder.alertedStatus, due.status))) return;
        if (change < 0) return void (result.eased += 1);
        await this.notifications.notify(userId, alertFor(found), { manager });
        result.alerted += 1;
      });
    }
  }
}
