/** One request the load sends over and over; `body` is called for each request (a fresh nickname, say). */
export interface LoadRoute {
  name: string;
  method?: string;
  path: string;
  body?: () => unknown;
}

/** What one route was answered, by status (0: no HTTP answer, the connection failed). */
export type StatusCounts = Record<number, number>;

export interface RouteLoad {
  /** Answers counted from now on go under this phase (`before` until the first call). */
  phase(name: string): void;
  /** Per phase, per route, answers by status. */
  readonly counts: Record<string, Record<string, StatusCounts>>;
  /** Error answers (4xx, 5xx) whose content type was not application/problem+json. */
  readonly notProblemJson: string[];
  /** Resolves once every route has been answered with a 2xx `times` times in the current phase. */
  succeededOnEveryRoute(times: number, timeoutMs?: number): Promise<void>;
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
  let current = 'before';
  let running = true;

  const count = (route: LoadRoute, status: number) => {
    const byRoute = (counts[current] ??= {});
    const byStatus = (byRoute[route.name] ??= {});
    byStatus[status] = (byStatus[status] ?? 0) + 1;
  };

  const client = async (offset: number) => {
    for (let turn = offset; running; turn += 1) {
      const route = routes[turn % routes.length];
      const body = route.body?.();
      try {
        const response = await fetch(`${apiUrl}${route.path}`, {
          method: route.method ?? 'GET',
          headers: {
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        await response.arrayBuffer();
        const type = response.headers.get('content-type') ?? '';
        if (response.status >= 400 && !type.startsWith('application/problem+json')) {
          notProblemJson.push(`${route.name} ${response.status} ${type}`);
        }
        count(route, response.status);
      } catch {
        count(route, 0);
        await new Promise((done) => setTimeout(done, 20));
      }
    }
  };
  const finished = Promise.all(Array.from({ length: clients }, (_, index) => client(index)));

  return {
    counts,
    notProblemJson,
    phase: (name) => {
      current = name;
    },
    succeededOnEveryRoute: async (times, timeoutMs = 60_000) => {
      const phase = current;
      const deadline = Date.now() + timeoutMs;
      const enough = () =>
        routes.every((route) => totals({ [route.name]: counts[phase]?.[route.name] ?? {} }).ok >= times);
      while (!enough()) {
        if (Date.now() > deadline) {
          throw new Error(
            `Gave up after ${timeoutMs} ms waiting for ${times} 2xx on every route in phase ${phase}: ${JSON.stringify(counts[phase])}`,
          );
        }
        await new Promise((done) => setTimeout(done, 25));
      }
    },
    stop: async () => {
      running = false;
      await finished;
    },
  };
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
