import { request } from 'node:http';
import { Client } from 'pg';
import { signUp } from '../support/oidc-login';
import type { HostileRequest, KnownIds } from './hostile-requests';

export interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

/**
 * Sends the request byte for byte as built (no URL normalisation, no content-type added), and reads
 * the whole answer. A connection dropped without an answer rejects.
 */
export function sendRaw(baseUrl: string, hostile: HostileRequest): Promise<RawAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        method: hostile.method,
        path: hostile.target,
        headers: { ...hostile.headers, ...(hostile.body ? { 'content-length': String(hostile.body.length) } : {}) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    // The server may answer (a 413, a 400) and close before it has read everything: the answer counts.
    outgoing.on('error', reject);
    outgoing.end(hostile.body);
  });
}

/** What is wrong with an answer to a hostile request, or undefined when it is a proper one. */
export function faultOf(answer: RawAnswer): string | undefined {
  if (answer.status >= 500) return `answered ${answer.status}: ${shorten(answer.body, 300)}`;
  if (answer.status < 400) return undefined;
  if (!answer.contentType.startsWith('application/problem+json')) {
    return `answered ${answer.status} as ${answer.contentType || 'no content type'}, not application/problem+json: ${shorten(answer.body, 300)}`;
  }
  let problem: { type?: unknown; title?: unknown; status?: unknown };
  try {
    problem = JSON.parse(answer.body) as typeof problem;
  } catch {
    return `answered ${answer.status} with a problem+json body that is not JSON: ${shorten(answer.body, 300)}`;
  }
  if (typeof problem.type !== 'string' || typeof problem.title !== 'string' || problem.status !== answer.status) {
    return `answered ${answer.status} with a problem lacking type, title or the same status: ${shorten(answer.body, 300)}`;
  }
  return undefined;
}

/** Long runs of one character as `x×1048576`, then cut: a counterexample that fits on a screen. */
export function shorten(text: string, max = 2_000): string {
  const squeezed = text.replace(/(.)\1{49,}/gsu, (run, character: string) => `${character}×${[...run].length}`);
  return squeezed.length > max ? `${squeezed.slice(0, max)}… (${squeezed.length} characters)` : squeezed;
}

/** The request as a counterexample: method, target, headers but the token, body. */
export function describeRequest(hostile: HostileRequest): string {
  const headers = Object.entries(hostile.headers)
    .filter(([name]) => name !== 'authorization')
    .map(([name, value]) => `${name}: ${value}`);
  return [
    `${hostile.method} ${shorten(hostile.target, 500)}  (${hostile.shape})`,
    ...headers,
    hostile.body ? shorten(hostile.body.toString('utf8')) : '(no body)',
  ].join('\n');
}

/**
 * A digest of everything a user owns: every row of every table with a `user_id` column, and the
 * user's own row. Equal digests before and after a request: the request wrote nothing of theirs.
 */
export class UserRowsDigest {
  private tables: string[] = [];

  constructor(private readonly db: Client) {}

  async load(): Promise<void> {
    const result = await this.db.query<{ table_name: string }>(
      `select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'user_id' order by table_name`,
    );
    this.tables = result.rows.map((row) => row.table_name);
  }

  async of(userIds: string[]): Promise<string> {
    const parts = [
      `select 'users' as t, count(*)::text as n, coalesce(md5(string_agg(u::text, '|' order by u.id)), '') as h
         from public.users u where u.id = any($1)`,
      ...this.tables.map(
        (table) =>
          `select ${this.db.escapeLiteral(table)}, count(*)::text, coalesce(md5(string_agg(r::text, '|' order by r::text)), '')
             from public.${this.db.escapeIdentifier(table)} r where r.user_id = any($1)`,
      ),
    ];
    const result = await this.db.query<{ t: string; n: string; h: string }>(parts.join(' union all '), [userIds]);
    return result.rows.map((row) => `${row.t}:${row.n}:${row.h}`).join('\n');
  }
}

/** Tables whose digests differ: what a refused request wrote. */
export function changedTables(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after
    .split('\n')
    .filter((line) => !old.has(line))
    .map((line) => line.split(':')[0]);
}

export interface FuzzUser {
  token: string;
  userId: string;
  /** Ids of the records made for the user, by collection path. */
  ids: Record<string, string[]>;
  calendarFile: string;
}

const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

/**
 * Signs a user up through the embedded issuer and gives them one of everything: a vehicle, a
 * fill-up, a service record, a reminder, a station, a document, an API token and a calendar feed.
 */
export async function seedUser(baseUrl: string, db: Client, email: string): Promise<FuzzUser> {
  const { accessToken: token } = await signUp(baseUrl, { email, password: 'fuzz-password-1', displayName: 'Fuzz' });
  const call = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body instanceof FormData || body === undefined ? body : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const id = async (method: string, path: string, body?: unknown) => String((await call(method, path, body)).id);

  const vehicle = await id('POST', '/api/vehicles', { make: 'Honda', model: 'Accord', year: 2020 });
  const station = await id('POST', '/api/stations', { name: 'Fuzz Fuel' });
  const fuelLog = await id('POST', '/api/fuel-logs', {
    vehicleId: vehicle,
    filledAt: '2026-01-02T10:00:00Z',
    odometer: 1000,
    quantity: 40,
    totalCost: 60,
    stationId: station,
  });
  const record = await id('POST', '/api/maintenance/records', {
    vehicleId: vehicle,
    performedAt: '2026-01-03',
    odometer: 1100,
    category: 'oil',
    title: 'Oil change',
  });
  const reminder = await id('POST', '/api/maintenance/reminders', {
    vehicleId: vehicle,
    title: 'Tyres',
    category: 'tires',
    intervalMonths: 6,
  });
  const form = new FormData();
  form.append('vehicleId', vehicle);
  form.append('file', new Blob([minimalPdf], { type: 'application/pdf' }), 'receipt.pdf');
  const document = await id('POST', '/api/documents', form);
  const apiToken = await id('POST', '/api/me/tokens', { name: 'fuzz', access: 'read' });
  const feed = await call('POST', '/api/maintenance/calendar-feed');
  const userId = (await db.query<{ id: string }>('select id from users where email = $1', [email])).rows[0]?.id;
  if (!userId) throw new Error(`No users row for ${email}`);
  return {
    token,
    userId,
    ids: {
      '/api/vehicles': [vehicle],
      '/api/stations': [station],
      '/api/fuel-logs': [fuelLog],
      '/api/maintenance/records': [record],
      '/api/maintenance/reminders': [reminder],
      '/api/documents': [document],
      '/api/me/tokens': [apiToken],
    },
    calendarFile: String(feed.url).split('/').pop()!,
  };
}

/** What the generators point at, from the signed-in user's and the other user's seeded records. */
export function knownIds(self: FuzzUser, other: FuzzUser): KnownIds {
  return {
    own: self.ids,
    others: other.ids,
    pathValues: {
      vin: ['1HGCM82633A004352', '1HGCM82633A00435X', '00000000000000000'],
      file: [self.calendarFile, other.calendarFile, `${self.calendarFile.replace('.ics', '')}`],
    },
  };
}
