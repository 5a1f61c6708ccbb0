/**
 * One request the load sends over and over; a function `path` or `body` is called for each request
 * (a fresh nickname, say). A body is sent as JSON, or as multipart when it is a `FormData`.
 */
export interface LoadRoute {
  name: string;
  method?: string;
  path: string | (() => string);
  body?: () => unknown;
}

/** What one route was answered, by status (0: no HTTP answer, the connection failed). */
export type StatusCounts = Record<number, number>;

export interface RouteLoad {
  /** Requests sent from now on are counted under this phase (`before` until the first call). */
  phase(name: string): void;
  /** Resolves once no request sent in `phase` waits for its answer. */
  settled(phase: string, timeoutMs?: number): Promise<void>;
  /** Per phase, per route, answers by status. */
  readonly counts: Record<string, Record<string, StatusCounts>>;
  /** Error answers (4xx, 5xx) whose content type was not application/problem+json. */
  readonly notProblemJson: string[];
  /** The `id` of every 201 answer: the writes the API acknowledged. */
  readonly createdIds: string[];
  /** Requests with no HTTP answer, by the socket error's code (ECONNREFUSED: nothing listens). */
  readonly failures: Record<string, number>;
  /** Resolves once every route has been answered with a 2xx `times` times in the current phase. */
  succeededOnEveryRoute(times: number, timeoutMs?: number): Promise<void>;
  /** Resolves once `route` has been answered `status` `times` times in the current phase. */
  answered(route: string, status: number, times: number, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A few clients, each going through `routes` one request after another as fast as answers come,
 * counting every answer by phase, route and status: the steady traffic a fault test breaks
 * something under. A failed connection counts as status 0 and is retried after a short pause.
 */
export function startRouteLoad(apiUrl: string, token: string, routes: LoadRoute[], clients = 3): RouteLoad {
  const counts: Record<string, Record<string, StatusCounts>> = {};
  const notProblemJson: string[] = [];
  const createdIds: string[] = [];
  const failures: Record<string, number> = {};
  let current = 'before';
  const pending: Record<string, number> = {};
  let running = true;

  /** Under the phase the request was sent in: one sent just before a fault may still be answered after it. */
  const count = (phase: string, route: LoadRoute, status: number) => {
    const byRoute = (counts[phase] ??= {});
    const byStatus = (byRoute[route.name] ??= {});
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  };

  const client = async (offset: number) => {
    for (let turn = offset; running; turn += 1) {
      const route = routes[turn % routes.length];
      const body = route.body?.();
      const json = body !== undefined && !(body instanceof FormData);
      const phase = current;
      pending[phase] = (pending[phase] ?? 0) + 1;
      try {
        const path = typeof route.path === 'string' ? route.path : route.path();
        const response = await fetch(`${apiUrl}${path}`, {
          method: route.method ?? 'GET',
          headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}) },
          body: json ? JSON.stringify(body) : (body as FormData | undefined),
        });
        const text = await response.text();
        if (response.status === 201) createdIds.push((JSON.parse(text) as { id: string }).id);
        const type = response.headers.get('content-type') ?? '';
        if (response.status >= 400 && !type.startsWith('application/problem+json')) {
          notProblemJson.push(`${route.name} ${response.status} ${type}`);
        }
        count(phase, route, response.status);
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        const code = cause?.code ?? (error as Error).message;
        failures[code] = (failures[code] ?? 0) + 1;
        count(phase, route, 0);
        await new Promise((done) => setTimeout(done, 20));
      } finally {
        pending[phase] -= 1;
      }
    }
  };
  const finished = Promise.all(Array.from({ length: clients }, (_, index) => client(index)));

  return {
    counts,
    notProblemJson,
    createdIds,
    failures,
    phase: (name) => {
      current = name;
    },
    settled: (phase, timeoutMs) =>
      until(`the requests sent in phase ${phase} to be answered`, () => !pending[phase], timeoutMs),
    succeededOnEveryRoute: (times, timeoutMs) => {
      const phase = current;
      return until(
        `${times} 2xx on every route in phase ${phase}`,
        () => routes.every((route) => totals({ [route.name]: counts[phase]?.[route.name] ?? {} }).ok >= times),
        timeoutMs,
      );
    },
    answered: (route, status, times, timeoutMs) => {
      const phase = current;
      return until(
        `${times}× ${status} on ${route} in phase ${phase}`,
        () => (counts[phase]?.[route]?.[status] ?? 0) >= times,
        timeoutMs,
      );
    },
    stop: async () => {
      running = false;
      await finished;
    },
  };
}

async function until(what: string, done: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Gave up after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Totals of a phase over all routes (or the named ones): answers, 2xx, 4xx, 5xx, no answer. */
export function totals(byRoute: Record<string, StatusCounts> | undefined, only?: string[]) {
  const sum = { requests: 0, ok: 0, clientErrors: 0, serverErrors: 0, noAnswer: 0 };
  for (const [route, statuses] of Object.entries(byRoute ?? {})) {
    if (only && !only.includes(route)) continue;
    for (const [status, times] of Object.entries(statuses)) {
      const code = Number(status);
      sum.requests += times;
      if (code === 0) sum.noAnswer += times;
      else if (code < 300) sum.ok += times;
      else if (code >= 500) sum.serverErrors += times;
      else if (code >= 400) sum.clientErrors += times;
    }
  }
  return sum;
}

/** `812 requests, 812 2xx, 0 4xx, 0 5xx, 0 no answer`: a phase's totals as the output prints them. */
export function describeTotals(sum: ReturnType<typeof totals>): string {
  return (
    `${sum.requests} requests, ${sum.ok} 2xx, ${sum.clientErrors} 4xx, ${sum.serverErrors} 5xx` +
    (sum.noAnswer ? `, ${sum.noAnswer} no answer` : '')
  );
}

/** The routes every fault test keeps loaded besides its own: who am I, the garage, and adding a vehicle. */
export function everydayRoutes(): LoadRoute[] {
  let sequence = 0;
  return [
    { name: 'me', path: '/api/me' },
    { name: 'list vehicles', path: '/api/vehicles' },
    {
      name: 'add vehicle',
      method: 'POST',
      path: '/api/vehicles',
      body: () => ({ year: 2015, make: 'Honda', model: 'Civic', nickname: `Load ${(sequence += 1)}` }),
    },
  ];
}
