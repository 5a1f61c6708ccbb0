/**
 * What the bare write baselines share: the caller from the same RS256 JWT (verified on every
 * request, as vehicles.ts does), the caller's preferences (cached, as the API caches its users),
 * a transaction on one pooled client, the vehicle found owned and locked in one statement, and the
 * new record's odometer reading written with the vehicle's current odometer in one statement.
 */
import { createLocalJWKSet, jwtVerify } from 'jose';
import type { Pool, PoolClient } from 'pg';
import { randomUUID } from 'node:crypto';

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

/** The new record's reading, and the vehicle's current odometer raised to it, in one statement. */
export async function reportNewReading(
  client: PoolClient,
  userId: string,
  vehicleId: string,
  reading: { source: string; sourceId: string; odometer: number; recordedAt: Date },
): Promise<void> {
  await client.query(
    `with added as (
       insert into public.odometer_readings (id, user_id, vehicle_id, source, source_id, odometer, recorded_at)
       select $3, v.user_id, v.id, $4, $5, $6, $7
         from public.vehicles v where v.id = $1 and v.user_id = $2 and v.deleted_at is null
       returning odometer)
     update public.vehicles v
        set current_odometer = coalesce(greatest(
          (select max(r.odometer) from public.odometer_readings r where r.vehicle_id = v.id and r.deleted_at is null),
          (select max(a.odometer) from added a)), v.initial_odometer)
      where v.id = $1 and exists (select 1 from added)`,
    [vehicleId, userId, randomUUID(), reading.source, reading.sourceId, reading.odometer, reading.recordedAt],
  );
}

/** Sends a refusal as the route's answer; anything else is the server's fault. */
export function answerRefusal(error: unknown, reply: { code(status: number): { send(body: unknown): unknown } }) {
  if (error instanceof Refused) return reply.code(error.status).send(error.body);
  throw error;
}
