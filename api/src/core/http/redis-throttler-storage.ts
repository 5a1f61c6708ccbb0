import { Logger } from '@nestjs/common';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { RedisClient } from '@mvp/common';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One fixed window per key: the hit that goes over the limit blocks the key for the block duration
 * (as @nestjs/throttler's memory storage does). Atomic in Redis, so every replica counts into the
 * same window. Replies [hits, window ms left, blocked 0|1, block ms left].
 */
const incrementScript = `
local hits_key, block_key = KEYS[1], KEYS[2]
local ttl, limit, block_ms = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local block_left = redis.call('PTTL', block_key)
if block_left > 0 then
  return { tonumber(redis.call('GET', hits_key) or '0'), math.max(redis.call('PTTL', hits_key), 0), 1, block_left }
end
local hits = redis.call('INCR', hits_key)
local left = redis.call('PTTL', hits_key)
if left < 0 then
  redis.call('PEXPIRE', hits_key, ttl)
  left = ttl
end
if hits <= limit then return { hits, left, 0, 0 } end
if block_ms <= 0 then return { hits, left, 1, left } end
redis.call('SET', block_key, '1', 'PX', block_ms)
return { hits, left, 1, block_ms }
`;

/**
 * Throttler counts kept in Redis under `<namespace>:throttle:`, shared by every API replica. While
 * Redis is unreachable each process counts in its own memory (limits then apply per replica) rather
 * than refusing every request.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('Throttler');
  private readonly fallback = new ThrottlerStorageService();
  private lastWarningAt = 0;

  constructor(
    private readonly redis: RedisClient,
    private readonly namespace: string,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const prefix = `${this.namespace}:throttle:${throttlerName}:${key}`;
    try {
      const reply = (await this.redis.eval(incrementScript, {
        keys: [`${prefix}:hits`, `${prefix}:blocked`],
        arguments: [String(ttl), String(limit), String(blockDuration)],
      })) as number[];
      const [totalHits, windowLeftMs, blocked, blockLeftMs] = reply.map(Number);
      return {
        totalHits,
        timeToExpire: Math.ceil(windowLeftMs / 1000),
        isBlocked: blocked === 1,
        timeToBlockExpire: Math.ceil(blockLeftMs / 1000),
      };
    } catch (error) {
      this.warnOnce(error);
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  /** Every request fails the same way while Redis is away: one warning every 30 s. */
  private warnOnce(error: unknown): void {
    const now = Date.now();
    if (now - this.lastWarningAt < 30_000) return;
    this.lastWarningAt = now;
    this.logger.warn(`Counting rate limits in memory, Redis failed: ${(error as Error).message}`);
  }
}
