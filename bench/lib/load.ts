import autocannon from 'autocannon';
import type { BenchRequest } from './scenario';
import { cpuSeconds, residentMb } from './servers';

export interface LoadSettings {
  connections: number;
  seconds: number;
}

export interface Measurement {
  requestsPerSecond: number;
  /** Milliseconds, from every response's own timing (autocannon's histogram rounds to whole ms). */
  p50: number;
  p99: number;
  requests: number;
  seconds: number;
  /** Slowest and fastest one-second sample: a wide spread means noise or a warm-up still going on. */
  perSecond: { min: number; max: number };
  statusCodes: Record<string, number>;
  rssPeakMb?: number;
  rssEndMb?: number;
  /**
   * CPU the server process used per completed request, in µs (user + system). Steadier than req/s on
   * a busy machine: it is what each request costs, whoever else wants the cores.
   */
  cpuMicrosPerRequest?: number;
}

/** Sends each request once and throws, with the start of the body, if one does not answer 2xx. */
export async function preflight(baseUrl: string, requests: BenchRequest[]): Promise<void> {
  for (const original of requests) {
    const request = original.setupRequest
      ? original.setupRequest({ ...original, headers: { ...original.headers } })
      : original;
    const response = await fetch(new URL(request.path, baseUrl), {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(10_000),
    });
    const body = await response.text();
    if (response.status < 200 || response.status > 299) {
      throw new Error(`${request.method ?? 'GET'} ${request.path} answered ${response.status}: ${body.slice(0, 500)}`);
    }
  }
}

/**
 * One autocannon run against `baseUrl`. Throws when any response is not 2xx, on connection errors
 * or timeouts, or when nothing completed: a benchmark of failures measures nothing.
 */
export async function runLoad(
  baseUrl: string,
  requests: BenchRequest[],
  settings: LoadSettings,
  watchPid?: number,
): Promise<Measurement> {
  const latencies = new LatencyLog();
  let rssPeakMb: number | undefined;
  const sampleRss = () => {
    const rss = watchPid === undefined ? undefined : residentMb(watchPid);
    if (rss !== undefined) rssPeakMb = Math.max(rssPeakMb ?? 0, rss);
  };
  const sampler = setInterval(sampleRss, 250);
  const cpuAtStart = watchPid === undefined ? undefined : cpuSeconds(watchPid);

  const instance = autocannon({
    url: baseUrl,
    connections: settings.connections,
    duration: settings.seconds,
    timeout: 10,
    requests: requests.map((request) => ({
      method: request.method ?? 'GET',
      path: request.path,
      headers: request.headers,
      body: request.body,
      // autocannon calls `setupRequest` whenever the key exists, even when undefined
      ...(request.setupRequest ? { setupRequest: adaptSetup(request.setupRequest) } : {}),
    })),
  });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.add(ms));

  let result: autocannon.Result;
  try {
    result = await instance;
  } finally {
    clearInterval(sampler);
  }
  sampleRss();
  const rssEndMb = watchPid === undefined ? undefined : residentMb(watchPid);
  const cpuAtEnd = watchPid === undefined ? undefined : cpuSeconds(watchPid);
  const cpuMicrosPerRequest =
    cpuAtStart === undefined || cpuAtEnd === undefined || result.requests.total === 0
      ? undefined
      : ((cpuAtEnd - cpuAtStart) * 1e6) / result.requests.total;

  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, stats]) => [code, Number(stats.count)]),
  );
  const problems = [
    result.non2xx && `${result.non2xx} non-2xx responses`,
    result.errors && `${result.errors} errors (connection errors and timeouts)`,
    result.timeouts && `${result.timeouts} timeouts`,
    result.mismatches && `${result.mismatches} body mismatches`,
    result.requests.total === 0 && 'no completed requests',
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(`${baseUrl}: ${problems.join(', ')}; status codes ${JSON.stringify(statusCodes)}`);
  }

  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50: latencies.percentile(50),
    p99: latencies.percentile(99),
    requests: result.requests.total,
    seconds: result.duration,
    perSecond: { min: result.requests.min, max: result.requests.max },
    statusCodes,
    rssPeakMb,
    rssEndMb,
    cpuMicrosPerRequest,
  };
}

/** Lets a scenario's `setupRequest` see and return plain `BenchRequest`s. */
function adaptSetup(setup: NonNullable<BenchRequest['setupRequest']>): autocannon.Request['setupRequest'] {
  return (sent) => {
    const { setupRequest: _own, ...changed } = setup({ ...sent, path: sent.path ?? '/' } as BenchRequest & {
      headers: Record<string, string>;
    });
    return { ...sent, ...changed };
  };
}

/** Every response time of a run, for exact percentiles. */
export class LatencyLog {
  private values = new Float64Array(1 << 16);
  private count = 0;

  add(ms: number): void {
    if (this.count === this.values.length) {
      const bigger = new Float64Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.count++] = ms;
  }

  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const sorted = this.values.subarray(0, this.count).sort();
    return sorted[Math.min(this.count - 1, Math.max(0, Math.ceil((p / 100) * this.count) - 1))];
  }
}
