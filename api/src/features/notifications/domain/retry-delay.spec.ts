import { maxRetryDelayMs, retryDelayMs } from './retry-delay';

describe('retryDelayMs', () => {
  it('starts at the base delay and doubles with each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => retryDelayMs(attempts, 60_000))).toEqual([
      60_000, 120_000, 240_000, 480_000, 960_000,
    ]);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelayMs(40, 60_000)).toBe(maxRetryDelayMs);
  });
});
