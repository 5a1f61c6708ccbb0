import { createServer, IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the stand-in answers; `never` keeps the request open until the server closes. */
export type StandInAnswer =
  { status?: number; headers?: Record<string, string>; json?: unknown; text?: string } | 'never';

/**
 * A local HTTP server standing in for an outside API: it keeps every request, answers through
 * `answer` (which may take its time, to hold a request open).
 */
export interface StandInServer {
  url: string;
  requests: StandInRequest[];
  answer: (request: StandInRequest) => StandInAnswer | Promise<StandInAnswer>;
  close(): Promise<void>;
}

export async function startStandIn(): Promise<StandInServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://stand-in');
      const received: StandInRequest = {
        method: request.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      standIn.requests.push(received);
      void Promise.resolve(standIn.answer(received)).then((answer) => {
        if (answer === 'never') return;
        const body = answer.text ?? JSON.stringify(answer.json ?? {});
        const type = answer.text === undefined ? 'application/json' : 'text/html';
        response.writeHead(answer.status ?? 200, { 'content-type': type, ...answer.headers });
        response.end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const standIn: StandInServer = {
    url: `http://127.0.0.1:${port}`,
    requests: [],
    answer: () => ({ json: {} }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return standIn;
}
