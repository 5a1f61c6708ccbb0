/**
 * What every bare baseline shares: plain Fastify (no logger, no plugins) and a `pg.Pool` of
 * DATABASE_POOL_SIZE on DATABASE_URL, plus a Redis client when asked for and REDIS_URL is set.
 * It prints one JSON line with its `url` when it listens, nothing per request, and closes on SIGTERM.
 */
import { createClient } from '@redis/client';
import Fastify, { FastifyInstance } from 'fastify';
import { Pool } from 'pg';

export type Redis = ReturnType<typeof createClient>;

export interface BareDeps {
  pool: Pool;
  /** Only when the server asked for it and REDIS_URL is set. */
  redis?: Redis;
}

export async function runBareServer(
  options: { redis?: boolean },
  routes: (app: FastifyInstance, deps: BareDeps) => void,
): Promise<void> {
  const env = process.env;
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const pool = new Pool({
    connectionString: env.DATABASE_URL,
    max: Number(env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
    application_name: 'motovaultpro-bench-bare',
  });
  pool.on('error', (error) => process.stderr.write(`pool error: ${error.message}\n`));
  let redis: Redis | undefined;
  if (options.redis && env.REDIS_URL) {
    redis = createClient({ url: env.REDIS_URL, disableOfflineQueue: true });
    redis.on('error', (error: Error) => process.stderr.write(`redis error: ${error.message}\n`));
    await redis.connect();
  }

  const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
  routes(app, { pool, redis });
  await app.listen({ host: env.HOST ?? '127.0.0.1', port: Number(env.PORT ?? 0) });
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ msg: 'bare server is ready', url: `http://127.0.0.1:${port}` })}\n`);

  process.once('SIGTERM', () => {
    void (async () => {
      await app.close();
      await pool.end();
      if (redis?.isOpen) await redis.close();
      process.exit(0);
    })();
  });
}

/** For a bare server's entry point: start it, or print why not and exit 1. */
export function main(start: () => Promise<void>): void {
  start().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
