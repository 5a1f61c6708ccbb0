/** How pg-boss retries a job whose handler threw (or whose process died while working it). */
export interface JobRetry {
  /** Retries after the first run; default 2. */
  limit?: number;
  /** Seconds before the first retry; default 30. */
  delaySeconds?: number;
  /** Double the delay each time; default true. */
  backoff?: boolean;
}

/**
 * A named queue and the shape of its jobs' data: defined once by the capsule that works it, then
 * used for `work`, `send` and `schedule`, so a job's data is typed at both ends.
 */
export interface JobQueue<Data extends object> {
  readonly name: string;
  readonly retry: Required<JobRetry>;
  /** A job that runs longer than this counts as failed (and is retried). */
  readonly expireInSeconds: number;
  /** Only carries the type; never set. */
  readonly data?: Data;
}

const queueName = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;

/** `defineQueue<{ deliveryId: string }>('notifications.deliver', { retry: { limit: 3 } })` */
export function defineQueue<Data extends object>(
  name: string,
  options: { retry?: JobRetry; expireInSeconds?: number } = {},
): JobQueue<Data> {
  if (!queueName.test(name)) throw new Error(`A job queue name is lower case words joined by dots: got "${name}"`);
  return {
    name,
    retry: { limit: 2, delaySeconds: 30, backoff: true, ...options.retry },
    expireInSeconds: options.expireInSeconds ?? 15 * 60,
  };
}
