/**
 * What the bare write baselines share: the caller from the same RS256 JWT (verified on every
 * request, as vehicles.ts does), the caller's preferences (cached, as the API caches its users),
 * a transaction on one pooled client, the vehicle found owned and locked in one statement, the
 * readings beside a record's day (for the odometer-order rule), and the new record's odometer
 * reading written with the vehicle's current odometer in one statement. The two reading statements
 * are the API's own (`odometer-readings.query`), taken from its build (`dist/api`).
 */
import { createLocalJWKSet, jwtVerify } from 'jose';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import type * as Readings from '../../api/src/features/vehicles/data/odometer-readings.query';

const vehiclesData = join(__dirname, '../../api/api/src/features/vehicles/data');
/* eslint-disable @typescript-eslint/no-require-imports */
const { neighboursStatement, newReadingsStatement } = require(
  join(vehiclesData, 'odometer-readings.query.js'),
) as typeof Readings;
/* eslint-enable @typescript-eslint/no-require-imports */

export interface Caller {
  id: string;
  volumeUnit: 'l' | 'gal_us' | 'gal_uk';
  economyUnit: string;
  currency: string;
  timeZone: string;
}

export interface LockedVehicle {
  id: string;
  odometerUnit: 'km' | 'mi';
  fuelTypes: string[];
}

/** A refusal the route answers with `status` and this body. */
export class Refused extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.title ?? status));
  }
}

export function callers(pool: Pool) {
  const keys = createLocalJWKSet(JSON.parse(process.env.BENCH_JWKS ?? '{"keys":[]}'));
  const issuer = process.env.BENCH_ISSUER;
  const audience = process.env.BENCH_AUDIENCE;
  const known = new Map<string, Caller>();
  return async (authorization: string | undefined): Promise<Caller> => {
    const token = authorization?.replace(/^Bearer /, '') ?? '';
    let id: string;
    try {
      id = String((await jwtVerify(token, keys, { issuer, audience, algorithms: ['RS256'] })).payload.sub);
    } catch {
      throw new Refused(401, { status: 401, title: 'Unauthorized' });
    }
    const cached = known.get(id);
    if (cached) return cached;
    const { rows } = await pool.query<{
      volume_unit: Caller['volumeUnit'];
      economy_unit: string;
      currency: string;
      time_zone: string;
    }>('select volume_unit, economy_unit, currency, time_zone from public.users where id = $1', [id]);
    if (!rows[0]) throw new Refused(401, { status: 401, title: 'Unauthorized' });
    const caller = {
      id,
      volumeUnit: rows[0].volume_unit,
      economyUnit: rows[0].economy_unit,
      currency: rows[0].currency,
      timeZone: rows[0].time_zone,
    };
    known.set(id, caller);
    return caller;
  };
}

/** Runs `work` in a transaction on one client: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
}

/** The caller's live vehicle, locked until the transaction ends; a 404 when it is not theirs. */
export async function lockOwnedVehicle(client: PoolClient, userId: string, vehicleId: unknown): Promise<LockedVehicle> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const { rows } = uuid.test(String(vehicleId))
    ? await client.query<{ id: string; odometer_unit: 'km' | 'mi'; fuel_types: string[] }>(
        `select id, odometer_unit, fuel_types from public.vehicles
          where id = $1 and user_id = $2 and deleted_at is null for update`,
        [vehicleId, userId],
      )
    : { rows: [] };
  if (!rows[0]) throw new Refused(404, { status: 404, title: 'Not Found', detail: 'No such vehicle.' });
  return { id: rows[0].id, odometerUnit: rows[0].odometer_unit, fuelTypes: rows[0].fuel_types };
}

/**
 * The vehicle's live readings just before and just after `day` ('YYYY-MM-DD', in the user's time
 * zone): a row for each side that has one.
 */
export async function readingNeighbours(
  client: PoolClient,
  userId: string,
  vehicleId: string,
  day: string,
): Promise<Readings.NeighbourQueryRow[]> {
  const statement = neighboursStatement(userId, vehicleId, { day });
  return (await client.query<Readings.NeighbourQueryRow>(statement.text, statement.values)).rows;
}

/** The new record's reading, and the vehicle's current odometer raised to it, in one statement. */
export async function reportNewReading(
  client: PoolClient,
  userId: string,
  vehicleId: string,
  reading: Readings.OdometerReadingRow,
): Promise<void> {
  const statement = newReadingsStatement(userId, vehicleId, [reading]);
  await client.query(statement.text, statement.values);
}

/** Sends a refusal as the route's answer; anything else is the server's fault. */
export function answerRefusal(error: unknown, reply: { code(status: number): { send(body: unknown): unknown } }) {
  if (error instanceof Refused) return reply.code(error.status).send(error.body);
  throw error;
}
