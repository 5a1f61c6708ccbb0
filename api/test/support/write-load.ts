/** What a light write load saw: every answer's status, and the ids of the writes that succeeded. */
export interface WriteLoadReport {
  statuses: Record<number, number>;
  createdIds: string[];
  /** Requests that got no HTTP answer at all (the socket failed). */
  networkErrors: number;
}

export interface WriteLoad {
  /** Resolves once `count` more writes than now have succeeded. */
  succeeded(count: number): Promise<void>;
  stop(): Promise<WriteLoadReport>;
}

/**
 * A few clients creating vehicles one request after another, as fast as answers come, until
 * stopped: the light, steady write traffic under which a database outage is tested.
 */
export function startWriteLoad(apiUrl: string, token: string, clients = 2): WriteLoad {
  const report: WriteLoadReport = { statuses: {}, createdIds: [], networkErrors: 0 };
  const waiters: Array<{ target: number; done: () => void }> = [];
  let running = true;
  let sequence = 0;

  const settle = () => {
    for (const waiter of [...waiters]) {
      if (report.createdIds.length >= waiter.target) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done();
      }
    }
  };

  const client = async () => {
    while (running) {
      sequence += 1;
      try {
        const response = await fetch(`${apiUrl}/api/vehicles`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ year: 2015, make: 'Honda', model: 'Civic', nickname: `Load ${sequence}` }),
        });
        report.statuses[response.status] = (report.statuses[response.status] ?? 0) + 1;
        const body = (await response.json()) as { id?: string };
        if (response.ok && body.id) report.createdIds.push(body.id);
        if (response.status === 503) await new Promise((done) => setTimeout(done, 20));
      } catch {
        report.networkErrors += 1;
        await new Promise((done) => setTimeout(done, 20));
      }
      settle();
    }
  };
  const finished = Promise.all(Array.from({ length: clients }, client));

  return {
    succeeded: (count) =>
      new Promise((done) => {
        waiters.push({ target: report.createdIds.length + count, done });
        settle();
      }),
    stop: async () => {
      running = false;
      await finished;
      return report;
    },
  };
}
