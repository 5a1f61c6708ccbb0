import { CacheStores } from '@mvp/common';

const quiet = { info: () => undefined, warn: () => undefined };
const redisUrl = process.env.REDIS_URL;
const describeWithRedis = redisUrl ? describe : describe.skip;

if (!redisUrl) console.log('Redis-store tests not run: REDIS_URL is not set (npm test uses it when it is).');

describeWithRedis('the Redis cache store', () => {
  let stores: CacheStores;
  const namespace = `mvp-test-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    stores = await CacheStores.open({ redisUrl, namespace }, quiet);
  });

  afterAll(async () => {
    await stores.keyv.clear();
    await stores.close();
  });

  it('stores and reads values through Keyv, with a TTL', async () => {
    await stores.keyv.set('answer', { value: 42 }, 60_000);
    expect(await stores.keyv.get('answer')).toEqual({ value: 42 });
    await stores.keyv.set('brief', 'gone soon', 50);
    await new Promise((done) => setTimeout(done, 120));
    expect(await stores.keyv.get('brief')).toBeUndefined();
  });

  it('keeps namespaces apart', async () => {
    const other = await CacheStores.open({ redisUrl, namespace: `${namespace}-other` }, quiet);
    await stores.keyv.set('shared-name', 'mine');
    expect(await other.keyv.get('shared-name')).toBeUndefined();
    await other.close();
  });

  it('reports itself up with a latency', async () => {
    expect(await stores.probe()).toMatchObject({ status: 'up', store: 'redis', latencyMs: expect.any(Number) });
  });
});

describe('a Redis that cannot be reached', () => {
  it('starts anyway, misses instead of throwing, and reports itself down', async () => {
    const stores = await CacheStores.open({ redisUrl: 'redis://127.0.0.1:1', namespace: 'unreachable' }, quiet);
    await expect(stores.keyv.set('k', 'v')).resolves.not.toThrow();
    expect(await stores.keyv.get('k')).toBeUndefined();
    expect(await stores.probe()).toMatchObject({ status: 'down', store: 'redis' });
    await stores.close();
  });
});

describe('the in-memory cache store', () => {
  it('works with no Redis configured', async () => {
    const stores = await CacheStores.open({ namespace: 'memory' }, quiet);
    await stores.keyv.set('k', 'v');
    expect(await stores.keyv.get('k')).toBe('v');
    expect(await stores.probe()).toEqual({ status: 'up', store: 'memory' });
  });
});
