import { createServer, IncomingMessage, request, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy did with requests that did not simply pass through. */
export interface ProxyCounts {
  /** Upstream refused the connection (the request never reached it): sent to the next upstream. */
  failedOver: number;
  /** Upstream failed after the request was sent and before an answer: 502, never re-sent. */
  unacknowledged: number;
  /** The error codes behind those 502s (ECONNRESET, ...). */
  unacknowledgedCauses: Record<string, number>;
}

export interface RoundRobinProxy {
  url: string;
  counts: ProxyCounts;
  /** The replicas' base URLs (http://host:port); requests alternate between them. */
  setUpstreams(urls: string[]): void;
  close(): Promise<void>;
}

/**
 * A small HTTP load balancer for tests, as a Kubernetes Service or Traefik would sit in front of the
 * replicas: each request goes to the next upstream in turn, on a fresh connection. Only a refused
 * connection is tried on the next upstream; any other failure answers 502, because the replica may
 * have done the work.
 */
export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  let upstreams: URL[] = [];
  let next = 0;
  const counts: ProxyCounts = { failedOver: 0, unacknowledged: 0, unacknowledgedCauses: {} };

  /** `first` is this request's turn; a failover goes to the upstreams after it, each tried once. */
  const forward = (incoming: IncomingMessage, outgoing: ServerResponse, body: Buffer, first: number, attempt = 0) => {
    const upstream = upstreams[(first + attempt) % upstreams.length];
    const onward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
        agent: false,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
        answer.on('error', () => outgoing.destroy());
      },
    );
    onward.on('error', (error: NodeJS.ErrnoException) => {
      if (outgoing.headersSent) return void outgoing.destroy();
      if (error.code === 'ECONNREFUSED' && attempt + 1 < upstreams.length) {
        counts.failedOver += 1;
        return forward(incoming, outgoing, body, first, attempt + 1);
      }
      counts.unacknowledged += 1;
      const cause = error.code ?? error.message;
      counts.unacknowledgedCauses[cause] = (counts.unacknowledgedCauses[cause] ?? 0) + 1;
      outgoing.writeHead(502, { 'content-type': 'application/problem+json' });
      outgoing.end(JSON.stringify({ title: 'Bad Gateway', status: 502, detail: error.message }));
    });
    onward.end(body);
  };

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => forward(incoming, outgoing, Buffer.concat(chunks), next++));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setUpstreams: (urls) => (upstreams = urls.map((url) => new URL(url))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
