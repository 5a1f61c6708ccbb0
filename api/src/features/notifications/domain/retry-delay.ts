/** The longest wait between two attempts, however many came before. */
export const maxRetryDelayMs = 6 * 60 * 60 * 1000;

/** The wait after the `attempts`-th failed attempt: the base delay, doubled for each attempt before it, capped. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(maxRetryDelayMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
