import { z } from 'zod';

/** Schema fragments shared by every service's configuration. */

const booleanWords: Record<string, boolean> = {
  true: true,
  false: false,
  yes: true,
  no: false,
  on: true,
  off: false,
  '1': true,
  '0': false,
};

export const flag = () =>
  z.preprocess(
    (value) => (typeof value === 'string' ? (booleanWords[value.trim().toLowerCase()] ?? value) : value),
    z.boolean({ error: 'must be true or false' }),
  );

export const port = () =>
  z.coerce
    .number({ error: 'must be a port number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535');

export const positiveInt = () =>
  z.coerce.number({ error: 'must be a number' }).int('must be a whole number').positive('must be above 0');

export const nonEmpty = () => z.string({ error: 'must be text' }).trim().min(1, 'must not be empty');

export const httpUrl = () =>
  z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((url) => url.replace(/\/+$/, ''));

export const postgresUrl = () => z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' });

export const redisUrl = () => z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' });

export const logLevel = () =>
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  });

export const logFormat = () => z.enum(['auto', 'json', 'pretty'], { error: 'must be auto, json or pretty' });

/** Keys every service with a database reads: a URL, or host/user/password settings. */
export const databaseKeys = {
  DATABASE_URL: postgresUrl().optional(),
  DATABASE_HOST: nonEmpty().optional(),
  DATABASE_PORT: port(),
  DATABASE_USER: nonEmpty(),
  DATABASE_PASSWORD: z.string().optional(),
  DATABASE_NAME: nonEmpty(),
  DATABASE_SSL: flag(),
  DATABASE_POOL_SIZE: positiveInt(),
  EMBEDDED_DB_PORT: port(),
};

export type DatabaseKeys = z.infer<z.ZodObject<typeof databaseKeys>>;
