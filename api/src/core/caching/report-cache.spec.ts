import { ReportCache } from './report-cache';

describe('ReportCache', () => {
  const report = (size: number) => ({ text: 'x'.repeat(size) });

  it('answers a kept report as the same text without computing it again', async () => {
    const cache = new ReportCache({ maxSize: 10_000 });
    const compute = jest.fn(async () => ({ total: 1.5, months: [] }));
    const first = await cache.text('costs', 'key', compute);
    expect(first).toBe('{"total":1.5,"months":[]}');
    expect(await cache.text('costs', 'key', compute)).toBe(first);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps key spaces apart', async () => {
    const cache = new ReportCache({ maxSize: 10_000 });
    await cache.text('costs', 'key', async () => 'costs');
    expect(await cache.text('fuel-stats', 'key', async () => 'fuel')).toBe('"fuel"');
  });

  it('drops the least recently used reports once their texts outgrow the size', async () => {
    const cache = new ReportCache({ maxSize: 250 });
    const compute = jest.fn(async () => report(90));
    await cache.text('costs', 'a', compute);
    await cache.text('costs', 'b', compute);
    await cache.text('costs', 'a', compute); // a is now the more recent
    await cache.text('costs', 'c', compute); // 3 × ~100 > 250: b goes
    expect(compute).toHaveBeenCalledTimes(3);
    await cache.text('costs', 'a', compute);
    await cache.text('costs', 'c', compute);
    expect(compute).toHaveBeenCalledTimes(3);
    await cache.text('costs', 'b', compute);
    expect(compute).toHaveBeenCalledTimes(4);
  });

  it('never keeps a report larger than the whole cache', async () => {
    const cache = new ReportCache({ maxSize: 50 });
    const compute = jest.fn(async () => report(100));
    await cache.text('costs', 'big', compute);
    await cache.text('costs', 'big', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing at size 0', async () => {
    const cache = new ReportCache({ maxSize: 0 });
    const compute = jest.fn(async () => report(1));
    expect(await cache.text('costs', 'key', compute)).toBe('{"text":"x"}');
    await cache.text('costs', 'key', compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('shares one computation between requests for the same key at once', async () => {
    const cache = new ReportCache({ maxSize: 10_000 });
    let finish!: (value: object) => void;
    const compute = jest.fn(() => new Promise<object>((resolve) => (finish = resolve)));
    const answers = [cache.text('costs', 'key', compute), cache.text('costs', 'key', compute)];
    await Promise.resolve();
    finish({ shared: true });
    expect(await Promise.all(answers)).toEqual(['{"shared":true}', '{"shared":true}']);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('keeps no failure: every waiting request gets the error and the next one computes again', async () => {
    const cache = new ReportCache({ maxSize: 10_000 });
    const failing = jest.fn(() => Promise.reject(new Error('database down')));
    const answers = [cache.text('costs', 'key', failing), cache.text('costs', 'key', failing)];
    await expect(answers[0]).rejects.toThrow('database down');
    await expect(answers[1]).rejects.toThrow('database down');
    expect(failing).toHaveBeenCalledTimes(1);
    expect(await cache.text('costs', 'key', async () => 'back')).toBe('"back"');
  });

  it('reports hits and misses by key space', async () => {
    const observed: [string, boolean][] = [];
    const cache = new ReportCache({ maxSize: 10_000, observe: (keyspace, hit) => observed.push([keyspace, hit]) });
    await cache.text('costs', 'key', async () => 1);
    await cache.text('costs', 'key', async () => 1);
    expect(observed).toEqual([
      ['costs', false],
      ['costs', true],
    ]);
  });
});
