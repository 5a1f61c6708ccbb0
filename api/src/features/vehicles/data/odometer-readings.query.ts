import { randomUUID } from 'node:crypto';

/** A reading as `OdometerService` records it; see `OdometerReport`. */
export interface OdometerReadingRow {
  source: string;
  sourceId: string;
  odometer: number;
  recordedAt: Date;
}

/** A statement and its parameters, for TypeORM's `query(text, values)` or pg's `client.query(text, values)`. */
export interface Statement {
  text: string;
  values: unknown[];
}

/** A row of `neighboursStatement`: the reading on one side of the day asked about. */
export interface NeighbourQueryRow {
  side: 'previous' | 'next';
  source: string;
  source_id: string;
  odometer: string;
  recorded_at: Date;
  day: string;
}

/**
 * The statement that writes the readings of new records on a live vehicle of the user and raises its
 * `current_odometer` to the highest of them: the vehicle's live readings before this statement and
 * the new ones, as a recompute would find them. Nothing is written when the vehicle is not the
 * user's live one. (The bench's bare write servers run it too.)
 */
export function newReadingsStatement(
  userId: string,
  vehicleId: string,
  readings: readonly OdometerReadingRow[],
): Statement {
  const rows = readings.map((reading) => ({
    id: randomUUID(),
    source: reading.source,
    source_id: reading.sourceId,
    odometer: reading.odometer,
    recorded_at: reading.recordedAt.toISOString(),
  }));
  return {
    text: `with added as (
       insert into public.odometer_readings (id, user_id, vehicle_id, source, source_id, odometer, recorded_at)
       select x.id, v.user_id, v.id, x.source, x.source_id, x.odometer, x.recorded_at
         from public.vehicles v,
              jsonb_to_recordset($3::jsonb) as x(id uuid, source text, source_id uuid, odometer numeric, recorded_at timestamptz)
        where v.id = $1 and v.user_id = $2 and v.deleted_at is null
       returning odometer)
     update public.vehicles v
        set current_odometer = coalesce(greatest(
          (select max(r.odometer) from public.odometer_readings r where r.vehicle_id = v.id and r.deleted_at is null),
          (select max(a.odometer) from added a)), v.initial_odometer)
      where v.id = $1 and exists (select 1 from added)`,
    values: [vehicleId, userId, JSON.stringify(rows)],
  };
}

/**
 * The statement that finds, of the vehicle's live readings other than the excluded record's (if
 * any), the highest read on a day before `day` (or the initial reading, whatever its day) and the
 * lowest read on a day after it (never the initial reading): a row per side found. Days are taken in
 * the user's time zone; readings on `day` itself are neither. (The bench's bare write servers run it too.)
 */
export function neighboursStatement(
  userId: string,
  vehicleId: string,
  at: { day: string; excluding?: { source: string; sourceId: string } },
): Statement {
  return {
    text: `with live as (
         select r.source, r.source_id, r.odometer, r.recorded_at,
                (r.recorded_at at time zone u.time_zone)::date as day
           from public.odometer_readings r join public.users u on u.id = r.user_id
          where r.vehicle_id = $1 and r.user_id = $2 and r.deleted_at is null
            and ($3::text is null or not (r.source = $3 and r.source_id = $4::uuid)))
       (select 'previous' as side, source, source_id, odometer, recorded_at, to_char(day, 'YYYY-MM-DD') as day
          from live where source = 'initial' or day < $5::date
         order by odometer desc, recorded_at desc limit 1)
       union all
       (select 'next', source, source_id, odometer, recorded_at, to_char(day, 'YYYY-MM-DD')
          from live where source <> 'initial' and day > $5::date
         order by odometer asc, recorded_at asc limit 1)`,
    values: [vehicleId, userId, at.excluding?.source ?? null, at.excluding?.sourceId ?? null, at.day],
  };
}
