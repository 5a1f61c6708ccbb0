/**
 * Baseline for POST /api/maintenance/records: the same JWT and the same work and rules as our
 * route, by hand. In one transaction: the vehicle found owned and locked, the neighbouring readings
 * of the record's day (in the user's time zone) read and the odometer checked against them, the
 * record and its parts inserted (one statement), the reading and the vehicle's current odometer
 * written (one statement). Costs, categories and calendar days are the API's own functions, taken
 * from its build (`dist/api`).
 */
import { join } from 'node:path';
import type * as Dates from '../../api/src/features/maintenance/domain/calendar-date';
import type * as Categories from '../../api/src/features/maintenance/domain/maintenance-categories';
import type * as Costs from '../../api/src/features/maintenance/domain/record-costs';
import type * as Insert from '../../api/src/features/maintenance/data/maintenance-record-insert.query';
import { main, runBareServer } from './server';
import {
  answerRefusal,
  callers,
  inTransaction,
  lockOwnedVehicle,
  readingNeighbours,
  Refused,
  reportNewReading,
} from './write-path';

const domain = join(__dirname, '../../api/api/src/features/maintenance/domain');
/* eslint-disable @typescript-eslint/no-require-imports */
const { isCalendarDate, startOfCalendarDateIn } = require(join(domain, 'calendar-date.js')) as typeof Dates;
const { categoryKey } = require(join(domain, 'maintenance-categories.js')) as typeof Categories;
const { completeCosts } = require(join(domain, 'record-costs.js')) as typeof Costs;
const { recordInsertStatement } = require(join(domain, '../data/maintenance-record-insert.query.js')) as typeof Insert;
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
          const neighbours = await readingNeighbours(client, caller.id, vehicle.id, performedAt);
          for (const { side, odometer: reading } of neighbours) {
            if (side === 'previous' ? Number(reading) > odometer : Number(reading) < odometer) {
              throw new Refused(400, { status: 400, title: 'Bad Request', detail: 'odometer out of order' });
            }
          }
          const statement = recordInsertStatement(
            caller.id,
            {
              vehicleId: vehicle.id,
              performedAt,
              odometer,
              category,
              serviceKey: null,
              title,
              notes: null,
              labourCost: major(costs.labourCostMinor),
              totalCost: major(costs.totalCostMinor),
              currency: caller.currency,
              shop: null,
              tags: [],
            },
            parts.map((part) => ({ ...part, partNumber: part.partNumber ?? null })),
          );
          const {
            rows: [stored],
          } = await client.query<Insert.InsertedRow>(statement.text, statement.values);
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
