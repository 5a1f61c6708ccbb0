/** The state of one dependency, as `/health` reports it. */
export interface ProbeResult {
  status: 'up' | 'down';
  latencyMs?: number;
  error?: string;
  [detail: string]: unknown;
}

export async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a probe, timing it; any failure is a `down` with its message. */
export async function timedProbe(check: () => Promise<unknown>, timeoutMs: number): Promise<ProbeResult> {
  const started = performance.now();
  try {
    await withTimeout(check(), timeoutMs, `no answer in ${timeoutMs} ms`);
    return { status: 'up', latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch (error) {
    return { status: 'down', error: (error as Error).message };
  }
}
