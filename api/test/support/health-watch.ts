/** Polls `/health` one request after another (a short pause between) until stopped. */
export interface HealthWatch {
  /** Resolves at the first answer with this status from now on, with the time it came. */
  next(status: number): Promise<number>;
  /** Stops polling; resolves to how many answers of each status came. */
  stop(): Promise<Record<number, number>>;
}

export function watchHealth(apiUrl: string, pauseMs = 25): HealthWatch {
  const seen: Record<number, number> = {};
  const waiters: Array<{ status: number; done: (at: number) => void }> = [];
  let running = true;
  const poll = async () => {
    while (running) {
      let status = 0;
      try {
        status = (await fetch(`${apiUrl}/health`)).status;
      } catch {
        status = 0; // no answer at all: the API itself is down
      }
      seen[status] = (seen[status] ?? 0) + 1;
      const at = performance.now();
      for (const waiter of waiters.filter((candidate) => candidate.status === status)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done(at);
      }
      await new Promise((done) => setTimeout(done, pauseMs));
    }
  };
  const polling = poll();
  return {
    next: (status) => new Promise((done) => waiters.push({ status, done })),
    stop: async () => {
      running = false;
      await polling;
      return seen;
    },
  };
}
