import { defineQueue } from '../../../core/jobs/job-queue';

/** Sends one delivery (its row says what and how far along it is). */
export const deliverQueue = defineQueue<{ deliveryId: string }>('notifications.deliver', {
  retry: { limit: 3, delaySeconds: 30, backoff: true },
  expireInSeconds: 5 * 60,
});

/** Each minute: sends whatever is due and was not sent by its own job (a crash, a lost job). */
export const sweepQueue = defineQueue<Record<string, never>>('notifications.sweep', {
  retry: { limit: 0 },
  expireInSeconds: 10 * 60,
});
