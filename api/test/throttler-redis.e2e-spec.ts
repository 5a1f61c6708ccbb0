import { createClient } from '@redis/client';
import { randomUUID } from 'node:crypto';
import type { RedisClient } from '@mvp/common';
import { RedisThrottlerStorage } from '../src/core/http/redis-throttler-storage';

const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;
const minute = 60_000;

if (!redisUrl) console.log('Redis throttler tests not run: REDIS_URL is not set (npm test uses it when it is).');

describeWithRedis('RedisThrottlerStorage', () => {
  let redis: RedisClient;
  let namespace: string;

  beforeAll(async () => {
    redis = createClient({ url: redisUrl, disableOfflineQueue: true });
    await redis.connect();
  });
  beforeEach(() => (namespace = `mvp-test-${randomUUID()}`));
  afterEach(async () => {
    const keys = await redis.keys(`${namespace}:*`);
    if (keys.length > 0) await redis.del(keys);
  });
  afterAll(async () => {
    if (redis.isOpen) await redis.close();
  });

  it('counts hits from every replica into one window and blocks the one over the limit', async () => {
    const replicas = [new RedisThrottlerStorage(redis, namespace), new RedisThrottlerStorage(redis, namespace)];
    const records = [];
    for (let hit = 0; hit < 4; hit += 1) {
      records.push(await replicas[hit % 2].increment('client-a', minute, 3, minute, 'signIn'));
    }
    expect(records.map((record) => [record.totalHits, record.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(records[0].timeToExpire).toBeGreaterThan(0);
    expect(records[0].timeToExpire).toBeLessThanOrEqual(60);
    expect(records[3].timeToBlockExpire).toBe(60);

    const stillBlocked = await replicas[1].increment('client-a', minute, 3, minute, 'signIn');
    expect(stillBlocked).toMatchObject({ totalHits: 4, isBlocked: true });
  });

  it('keeps separate budgets per key and per throttler', async () => {
    const storage = new RedisThrottlerStorage(redis, namespace);
    await storage.increment('client-a', minute, 1, minute, 'signIn');
    expect(await storage.increment('client-a', minute, 1, minute, 'signIn')).toMatchObject({ isBlocked: true });
    expect(await storage.increment('client-b', minute, 1, minute, 'signIn')).toMatchObject({ isBlocked: false });
    expect(await storage.increment('client-a', minute, 1, minute, 'signUp')).toMatchObject({ isBlocked: false });
  });

  it('lets the key go once its block has expired', async () => {
    const storage = new RedisThrottlerStorage(redis, namespace);
    await storage.increment('client-a', minute, 1, 1, 'signIn');
    expect(await storage.increment('client-a', minute, 1, 1, 'signIn')).toMatchObject({ isBlocked: true });
    // The block lasted 1 ms; drop the window as if it had passed too.
    await redis.del(`${namespace}:throttle:signIn:client-a:hits`);
    while ((await redis.exists(`${namespace}:throttle:signIn:client-a:blocked`)) === 1) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await storage.increment('client-a', minute, 1, 1, 'signIn')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('counts in memory while Redis is unreachable instead of failing the request', async () => {
    const offline: RedisClient = createClient({ url: redisUrl, disableOfflineQueue: true });
    const storage = new RedisThrottlerStorage(offline, namespace);
    expect(await storage.increment('client-a', minute, 1, minute, 'signIn')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    expect(await storage.increment('client-a', minute, 1, minute, 'signIn')).toMatchObject({ isBlocked: true });
  });
});
