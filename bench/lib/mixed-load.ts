import autocannon from 'autocannon';
import { LatencyLog, type LoadSettings } from './load';
import { cpuSeconds, residentMb } from './servers';

/** One route of a mixed load: its share of the connections and the request each connection sends next. */
export interface MixedRoute {
  /** Shown in the table, e.g. `GET /api/vehicles`. */
  label: string;
  /** Relative share of the connections (the connections are split by these weights, at least one each). */
  weight: number;
  /** The next request (any connection's); called before every request, so keep it cheap. */
  next: () => {
    method: 'GET' | 'POST';
    path: string;
    headers: Record<string, string>;
    body?: string | Buffer;
  };
}

export interface RouteFigures {
  label: string;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Answers by status code, e.g. `{ "200": 1200, "409": 3 }`. */
  statusCodes: Record<string, number>;
  non2xx: number;
  serverErrors: number;
  /** Connection errors and timeouts (no answer at all). */
  errors: number;
}

export interface MixedFigures {
  routes: RouteFigures[];
  total: Omit<RouteFigures, 'label' | 'connections' | 'statusCodes'> & { statusCodes: Record<string, number> };
  seconds: number;
  rssStartMb?: number;
  rssEndMb?: number;
  rssPeakMb?: number;
  /** CPU the API used over the run, in % of one core (100 = one core busy all along). */
  apiCpuPercent?: number;
  /** CPU this process (the load generator) used over the run, in % of one core. */
  generatorCpuPercent: number;
}

/**
 * Every route under its own autocannon instance, all at once, so each route's figures are its own
 * while they share the server: `settings.connections` split by the routes' weights. Nothing throws on
 * a non-2xx answer: the answers are counted per route and per status.
 */
export async function runMixedLoad(
  baseUrl: string,
  routes: MixedRoute[],
  settings: LoadSettings,
  watchPid?: number,
): Promise<MixedFigures> {
  const shares = splitConnections(
    settings.connections,
    routes.map((route) => route.weight),
  );
  const all = new LatencyLog();
  const rssStartMb = watchPid === undefined ? undefined : residentMb(watchPid);
  let rssPeakMb = rssStartMb;
  const sampler = setInterval(() => {
    const rss = watchPid === undefined ? undefined : residentMb(watchPid);
    if (rss !== undefined) rssPeakMb = Math.max(rssPeakMb ?? 0, rss);
  }, 250);

  const apiCpuStart = watchPid === undefined ? undefined : cpuSeconds(watchPid);
  const generatorCpuStart = process.cpuUsage();
  const started = performance.now();
  let runs: { route: MixedRoute; connections: number; latencies: LatencyLog; result: autocannon.Result }[];
  try {
    runs = await Promise.all(
      routes.map(async (route, index) => {
        const connections = shares[index];
        const latencies = new LatencyLog();
        const instance = autocannon({
          url: baseUrl,
          connections,
          duration: settings.seconds,
          timeout: 10,
          requests: [{ setupRequest: (request) => ({ ...request, ...route.next() }) }],
        });
        instance.on('response', (_client, _status, _bytes, ms) => {
          latencies.add(ms);
          all.add(ms);
        });
        return { route, connections, latencies, result: await instance };
      }),
    );
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  const apiCpuEnd = watchPid === undefined ? undefined : cpuSeconds(watchPid);
  const generatorCpu = process.cpuUsage(generatorCpuStart);
  const apiCpuPercent =
    apiCpuStart === undefined || apiCpuEnd === undefined ? undefined : ((apiCpuEnd - apiCpuStart) / seconds) * 100;
  const generatorCpuPercent = ((generatorCpu.user + generatorCpu.system) / 1e6 / seconds) * 100;
  const rssEndMb = watchPid === undefined ? undefined : residentMb(watchPid);
  if (rssEndMb !== undefined) rssPeakMb = Math.max(rssPeakMb ?? 0, rssEndMb);

  const figures = runs.map(({ route, connections, latencies, result }): RouteFigures => {
    const statusCodes = Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, stats]) => [code, Number(stats.count)]),
    );
    return {
      label: route.label,
      connections,
      requests: result.requests.total,
      requestsPerSecond: result.requests.total / result.duration,
      p50: latencies.percentile(50),
      p99: latencies.percentile(99),
      statusCodes,
      non2xx: countWhere(statusCodes, (code) => code < 200 || code > 299),
      serverErrors: countWhere(statusCodes, (code) => code >= 500),
      errors: result.errors,
    };
  });
  const statusCodes: Record<string, number> = {};
  for (const route of figures)
    for (const [code, count] of Object.entries(route.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  const sum = (pick: (route: RouteFigures) => number) => figures.reduce((total, route) => total + pick(route), 0);
  return {
    routes: figures,
    total: {
      requests: sum((route) => route.requests),
      requestsPerSecond: sum((route) => route.requestsPerSecond),
      p50: all.percentile(50),
      p99: all.percentile(99),
      statusCodes,
      non2xx: sum((route) => route.non2xx),
      serverErrors: sum((route) => route.serverErrors),
      errors: sum((route) => route.errors),
    },
    seconds,
    rssStartMb,
    rssEndMb,
    rssPeakMb,
    apiCpuPercent,
    generatorCpuPercent,
  };
}

/** `total` split by `weights`, largest remainders first, at least one each. */
export function splitConnections(total: number, weights: number[]): number[] {
  if (total < weights.length)
    throw new Error(`A mixed load of ${weights.length} routes needs ≥ ${weights.length} connections`);
  const spare = total - weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (spare * weight) / sum);
  const shares = exact.map((share) => 1 + Math.floor(share));
  const byRemainder = exact.map((share, index) => ({ index, rest: share - Math.floor(share) }));
  byRemainder.sort((a, b) => b.rest - a.rest);
  let left = total - shares.reduce((a, b) => a + b, 0);
  for (const { index } of byRemainder) {
    if (left-- <= 0) break;
    shares[index] += 1;
  }
  return shares;
}

function countWhere(statusCodes: Record<string, number>, matches: (code: number) => boolean): number {
  return Object.entries(statusCodes)
    .filter(([code]) => matches(Number(code)))
    .reduce((total, [, count]) => total + count, 0);
}
