/**
 * Baseline for POST /api/maintenance/records: the same JWT and the same work and rules as our
 * route, by hand. In one transaction: the vehicle found owned and locked, the neighbouring readings
 * of the record's day (in the user's time zone) read and the odometer checked against them, the
 * record and its parts inserted (one statement), the reading and the vehicle's current odometer
 * written (one statement). Costs, categories and calendar days are the API's own functions, taken
 * from its build (`dist/api`).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type * as Dates from '../../api/src/features/maintenance/domain/calendar-date';
import type * as Categories from '../../api/src/features/maintenance/domain/maintenance-categories';
import type * as Costs from '../../api/src/features/maintenance/domain/record-costs';
import { main, runBareServer } from './server';
import { answerRefusal, callers, inTransaction, lockOwnedVehicle, Refused, reportNewReading } from './write-path';

const domain = join(__dirname, '../../api/api/src/features/maintenance/domain');
/* eslint-disable @typescript-eslint/no-require-imports */
const { isCalendarDate, startOfCalendarDateIn } = require(join(domain, 'calendar-date.js')) as typeof Dates;
const { categoryKey } = require(join(domain, 'maintenance-categories.js')) as typeof Categories;
const { completeCosts } = require(join(domain, 'record-costs.js')) as typeof Costs;
/* eslint-enable @typescript-eslint/no-require-imports */

interface Part {
  name: string;
  partNumber?: string;
  quantity: number;
  unitCost: number;
}

interface NewRecord {
  vehicleId?: unknown;
  performedAt?: unknown;
  odometer?: unknown;
  category?: unknown;
  title?: unknown;
  labourCost?: number;
  totalCost?: number;
  parts?: Part[];
}

interface StoredRecord {
  id: string;
  performed_at: string;
  odometer: number;
  labour_cost: number | null;
  total_cost: number | null;
  currency: string;
  created_at: Date;
  updated_at: Date;
  parts: { name: string; part_number: string | null; quantity: number; unit_cost: number }[];
}

const badRequest = (field: string) =>
  new Refused(400, { status: 400, title: 'Bad Request', errors: [{ field, message: 'is invalid' }] });

main(() =>
  runBareServer({}, (app, { pool }) => {
    const callerOf = callers(pool);
    app.post('/api/maintenance/records', async (request, reply) => {
      try {
        const caller = await callerOf(request.headers.authorization);
        const input = request.body as NewRecord;
        if (typeof input.performedAt !== 'string' || !isCalendarDate(input.performedAt))
          throw badRequest('performedAt');
        if (typeof input.odometer !== 'number' || input.odometer < 0) throw badRequest('odometer');
        if (typeof input.title !== 'string' || typeof input.category !== 'string') throw badRequest('title');
        const { performedAt, odometer, title } = input;
        const answer = await inTransaction(pool, async (client) => {
          const vehicle = await lockOwnedVehicle(client, caller.id, input.vehicleId);
          const category = categoryKey(input.category as string);
          if (Array.isArray(category)) throw new Refused(400, { status: 400, title: 'Bad Request', errors: category });
          const parts = input.parts ?? [];
          const costs = completeCosts({
            parts: parts.length > 0 ? parts : undefined,
            labourCost: input.labourCost,
            totalCost: input.totalCost,
          });
          if (Array.isArray(costs)) throw new Refused(400, { status: 400, title: 'Bad Request', errors: costs });
          const major = (minor: number | null) => (minor === null ? null : minor / 100);
          const { rows: neighbours } = await client.query<{ side: 'previous' | 'next'; odometer: string }>(
            `with live as (
                 select r.source, r.source_id, r.odometer, r.recorded_at,
                        (r.recorded_at at time zone u.time_zone)::date as day
                   from public.odometer_readings r join public.users u on u.id = r.user_id
                  where r.vehicle_id = $1 and r.user_id = $2 and r.deleted_at is null)
               (select 'previous' as side, source, source_id, odometer, recorded_at, to_char(day, 'YYYY-MM-DD') as day
                  from live where source = 'initial' or day < $3::date
                 order by odometer desc, recorded_at desc limit 1)
               union all
               (select 'next', source, source_id, odometer, recorded_at, to_char(day, 'YYYY-MM-DD')
                  from live where source <> 'initial' and day > $3::date
                 order by odometer asc, recorded_at asc limit 1)`,
            [vehicle.id, caller.id, performedAt],
          );
          for (const { side, odometer: reading } of neighbours) {
            if (side === 'previous' ? Number(reading) > odometer : Number(reading) < odometer) {
              throw new Refused(400, { status: 400, title: 'Bad Request', detail: 'odometer out of order' });
            }
          }
          const partRows = parts.map((part, position) => ({
            id: randomUUID(),
            position,
            name: part.name,
            part_number: part.partNumber ?? null,
            quantity: part.quantity,
            unit_cost: part.unitCost,
          }));
          const {
            rows: [stored],
          } = await client.query<StoredRecord>(
            `with inserted as (
               insert into public.maintenance_records (id, user_id, vehicle_id, performed_at, odometer, category,
                                                       service_key, title, notes, labour_cost, total_cost, currency,
                                                       shop, tags)
               values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
               returning *),
             parts as (
               insert into public.maintenance_parts (id, record_id, position, name, part_number, quantity, unit_cost)
               select p.id, i.id, p.position, p.name, p.part_number, p.quantity, p.unit_cost
                 from inserted i,
                      jsonb_to_recordset($15::jsonb)
                        as p(id uuid, position integer, name text, part_number text, quantity numeric, unit_cost numeric)
               returning *)
             select i.id, i.performed_at::text as performed_at, i.odometer::float8 as odometer,
                    i.labour_cost::float8 as labour_cost, i.total_cost::float8 as total_cost, i.currency,
                    i.created_at, i.updated_at,
                    (select coalesce(jsonb_agg(jsonb_build_object(
                              'name', p.name, 'part_number', p.part_number, 'quantity', p.quantity::float8,
                              'unit_cost', p.unit_cost::float8) order by p.position), '[]')
                       from parts p) as parts
               from inserted i`,
            [
              randomUUID(),
              caller.id,
              vehicle.id,
              performedAt,
              odometer,
              category,
              null,
              title,
              null,
              major(costs.labourCostMinor),
              major(costs.totalCostMinor),
              caller.currency,
              null,
              [],
              JSON.stringify(partRows),
            ],
          );
          await reportNewReading(client, caller.id, vehicle.id, {
            source: 'maintenance',
            sourceId: stored.id,
            odometer,
            recordedAt: startOfCalendarDateIn(performedAt, caller.timeZone),
          });
          return {
            id: stored.id,
            vehicleId: vehicle.id,
            performedAt: stored.performed_at,
            odometer: stored.odometer,
            category,
            serviceKey: null,
            title,
            notes: null,
            parts: stored.parts.map((part) => ({
              name: part.name,
              partNumber: part.part_number,
              quantity: part.quantity,
              unitCost: part.unit_cost,
            })),
            labourCost: stored.labour_cost,
            totalCost: stored.total_cost,
            currency: stored.currency,
            shop: null,
            tags: [],
            createdAt: stored.created_at.toISOString(),
            updatedAt: stored.updated_at.toISOString(),
          };
        });
        return reply.code(201).send(answer);
      } catch (error) {
        return answerRefusal(error, reply);
      }
    });
  }),
);
