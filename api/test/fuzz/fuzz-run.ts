import { isNativeError } from 'node:util/types';
import fc from 'fast-check';
import { Client } from 'pg';
import {
  changedTables,
  describeRequest,
  faultOf,
  knownIds,
  RawAnswer,
  seedUser,
  sendRaw,
  UserRowsDigest,
} from './fuzz-target';
import { HostileRequest, hostileRequests, KnownIds } from './hostile-requests';
import type { Operation } from './openapi-operations';

export interface FuzzTarget {
  baseUrl: string;
  token: string;
  ids: KnownIds;
  digest: UserRowsDigest;
  /** Whose rows a refused request must leave as they were: both users'. */
  userIds: string[];
  /** Whether the API process is still running. */
  alive(): boolean;
}

/** Answers to one operation's requests: by status, and by request shape (`json:deep` …). */
export interface RouteCounts {
  key: string;
  cases: number;
  byStatus: Map<number, number>;
  refused: number;
  accepted: number;
}

export interface RouteResult {
  counts: RouteCounts;
  /** The minimal failing request fast-check found, with what went wrong and how to replay it. */
  failure?: string;
}

/**
 * Sends `numRuns` hostile requests to one operation, one at a time, and judges each answer: no
 * 5xx, every 4xx a problem+json with type, title and status, the process still up, and nothing of
 * either user's written when the request was refused (2xx answers may write).
 */
export async function fuzzOperation(
  operation: Operation,
  target: FuzzTarget,
  options: { seed: number; numRuns: number },
): Promise<RouteResult> {
  const counts: RouteCounts = { key: operation.key, cases: 0, byStatus: new Map(), refused: 0, accepted: 0 };
  // Shrinking replays requests after the first failure: those are not counted.
  let failed = false;
  const judge = async (before: string, answer: RawAnswer): Promise<string | undefined> => {
    if (!target.alive()) return 'the API process exited';
    const fault = faultOf(answer);
    if (fault || (answer.status > 0 && answer.status < 400)) return fault;
    const written = changedTables(before, await target.digest.of(target.userIds));
    return written.length ? `refused with ${answer.status} but wrote to ${written.join(', ')}` : undefined;
  };
  const property = fc.asyncProperty(hostileRequests(operation, target.ids, target.token), async (hostile) => {
    const before = await target.digest.of(target.userIds);
    // Errors of Node's own http client come from outside Jest's sandbox, where `instanceof Error` is false.
    const sent = await sendRaw(target.baseUrl, hostile).catch((error: Error) => error);
    const answer = isNativeError(sent) && cutOffOversized(hostile, sent) ? closedMidBody : sent;
    const fault = isNativeError(answer)
      ? `no answer (${answer.message}); the API is ${target.alive() ? 'still up' : 'DOWN'}`
      : await judge(before, answer);
    if (!failed && !isNativeError(answer)) {
      counts.cases += 1;
      counts.byStatus.set(answer.status, (counts.byStatus.get(answer.status) ?? 0) + 1);
      counts[answer.status > 0 && answer.status < 400 ? 'accepted' : 'refused'] += 1;
    }
    if (fault) {
      failed = true;
      throw new Error(fault);
    }
  });
  const result = await fc.check(property, {
    seed: options.seed,
    numRuns: options.numRuns,
  });
  if (!result.failed) return { counts };
  const [request] = (result.counterexample ?? []) as [HostileRequest];
  const cause = causeOf(result.errorInstance);
  return {
    counts,
    failure: [
      `${operation.key}: ${cause}`,
      request ? describeRequest(request) : '(no counterexample)',
      `replay: seed ${options.seed}, path "${result.counterexamplePath}"`,
    ].join('\n'),
  };
}

/** The API's body limit (`createFastifyAdapter`). */
const bodyLimitBytes = 1_048_576;
/** Node's HTTP parser refuses a request line and headers past this (`--max-http-header-size`, default 16 KiB). */
const headerLimitBytes = 16_384;

/**
 * Counted as status 0: the API refused a request too large to read (413 for the body, 431 for the
 * URL and headers, 415 for a body it does not read) and closed the connection before the client had
 * sent it all, so the client's write failed before it read the answer. Refusing the rest of an
 * oversized request that way is correct; the digest check still runs.
 */
const closedMidBody: RawAnswer = { status: 0, contentType: '', body: '' };

function cutOffOversized(hostile: HostileRequest, error: Error & { code?: string }): boolean {
  const oversized = (hostile.body?.length ?? 0) > bodyLimitBytes || hostile.target.length > headerLimitBytes;
  return oversized && ['EPIPE', 'ECONNRESET'].includes(error.code ?? '');
}

/** A judgement's message as it is; anything else the test itself threw, with where it came from. */
function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.stack?.includes('fuzz-run')) return error.message;
  return error.stack?.split('\n').slice(0, 6).join('\n') ?? error.message;
}

/** One line per route: cases, accepted, refused, then the count of each status. */
export function countsTable(results: RouteCounts[]): string {
  const width = Math.max(...results.map((result) => result.key.length));
  const lines = results.map((result) => {
    const statuses = [...result.byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    return `${result.key.padEnd(width)}  ${String(result.cases).padStart(5)}  ${String(result.accepted).padStart(5)}  ${String(result.refused).padStart(5)}  ${statuses}`;
  });
  const total = (pick: (result: RouteCounts) => number) => results.reduce((sum, result) => sum + pick(result), 0);
  return [
    `${'route'.padEnd(width)}  cases    2xx    4xx  statuses`,
    ...lines,
    `${'all routes'.padEnd(width)}  ${String(total((r) => r.cases)).padStart(5)}  ${String(total((r) => r.accepted)).padStart(5)}  ${String(total((r) => r.refused)).padStart(5)}`,
  ].join('\n');
}

/**
 * Seeds two users on the running API (the one signed in, and another whose ids it tries) and
 * connects to its database for the digests. `close()` ends that connection.
 */
export async function prepareFuzzTarget(
  baseUrl: string,
  databaseUrl: string,
  alive: () => boolean,
): Promise<FuzzTarget & { close(): Promise<void> }> {
  const db = new Client({ connectionString: databaseUrl });
  db.on('error', () => undefined);
  await db.connect();
  const self = await seedUser(baseUrl, db, 'fuzz-self@example.com');
  const other = await seedUser(baseUrl, db, 'fuzz-other@example.com');
  const digest = new UserRowsDigest(db);
  await digest.load();
  return {
    baseUrl,
    token: self.token,
    ids: knownIds(self, other),
    digest,
    userIds: [self.userId, other.userId],
    alive,
    close: () => db.end(),
  };
}
