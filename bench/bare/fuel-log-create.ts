/**
 * Baseline for POST /api/fuel-logs: the same JWT and the same work and rules as our route, by hand.
 * In one transaction: the vehicle found owned and locked, the fill-up inserted with the vehicle's
 * history read beside it (one statement), the odometer order checked against that history (a
 * conflict rolls the insert back), the reading and the vehicle's current odometer written (one
 * statement); then the economy of the answer from the whole history. The amounts, the odometer
 * check and the economy are the API's own functions, taken from its build (`dist/api`).
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type * as Economy from '../../api/src/features/fuel-logs/domain/fuel-economy';
import type * as Units from '../../api/src/features/fuel-logs/domain/economy-units';
import type * as History from '../../api/src/features/fuel-logs/domain/fuel-history';
import type * as Amounts from '../../api/src/features/fuel-logs/domain/fill-amounts';
import type * as Insert from '../../api/src/features/fuel-logs/data/fill-up-insert.query';
import type * as HistoryQuery from '../../api/src/features/fuel-logs/data/fuel-history.query';
import { main, runBareServer } from './server';
import { answerRefusal, callers, inTransaction, lockOwnedVehicle, Refused, reportNewReading } from './write-path';

const domain = join(__dirname, '../../api/api/src/features/fuel-logs/domain');
/* eslint-disable @typescript-eslint/no-require-imports */
const { economyPerEntry, findOdometerConflict } = require(join(domain, 'fuel-economy.js')) as typeof Economy;
const { displayEconomyUnit, economyValue } = require(join(domain, 'economy-units.js')) as typeof Units;
const { canonicalFill, energyOf } = require(join(domain, 'fuel-history.js')) as typeof History;
const { completeAmounts } = require(join(domain, 'fill-amounts.js')) as typeof Amounts;
const data = join(domain, '../data');
const { fillUpInsertStatement } = require(join(data, 'fill-up-insert.query.js')) as typeof Insert;
const { toStoredFill } = require(join(data, 'fuel-history.query.js')) as typeof HistoryQuery;
/* eslint-enable @typescript-eslint/no-require-imports */

interface NewFill {
  vehicleId?: unknown;
  filledAt?: unknown;
  odometer?: unknown;
  quantity?: number;
  pricePerUnit?: number;
  totalCost?: number;
  isFull?: unknown;
}

main(() =>
  runBareServer({}, (app, { pool }) => {
    const callerOf = callers(pool);
    app.post('/api/fuel-logs', async (request, reply) => {
      try {
        const caller = await callerOf(request.headers.authorization);
        const input = request.body as NewFill;
        const odometer = Number(input.odometer);
        const filledAt = new Date(String(input.filledAt));
        if (typeof input.odometer !== 'number' || odometer < 0 || Number.isNaN(filledAt.getTime())) {
          throw new Refused(400, { status: 400, title: 'Bad Request', errors: [{ field: 'odometer' }] });
        }
        const answer = await inTransaction(pool, async (client) => {
          const vehicle = await lockOwnedVehicle(client, caller.id, input.vehicleId);
          const amounts = completeAmounts(input);
          if (Array.isArray(amounts)) throw new Refused(400, { status: 400, title: 'Bad Request', errors: amounts });
          const electric = vehicle.fuelTypes.length === 1 && vehicle.fuelTypes[0] === 'electric';
          const fill = {
            id: randomUUID(),
            vehicleId: vehicle.id,
            filledAt,
            odometer,
            quantity: amounts.quantity,
            quantityUnit: electric ? 'kwh' : caller.volumeUnit,
            pricePerUnit: amounts.pricePerUnit,
            totalCost: amounts.totalCost,
            currency: caller.currency,
            fuelType: null,
            fuelGrade: null,
            isFull: typeof input.isFull === 'boolean' ? input.isFull : true,
            missedPrevious: false,
            stationId: null,
            stationName: null,
            notes: null,
            tags: [] as string[],
          };
          const statement = fillUpInsertStatement(caller.id, fill as unknown as Insert.NewFillUpRow);
          const { rows } = await client.query<Insert.InsertedRow>(statement.text, statement.values);
          const history: History.StoredFill[] = [];
          let stored: Insert.InsertedRow | undefined;
          for (const row of rows) {
            if (row.inserted) stored = row;
            else history.push(toStoredFill(row));
          }
          const others = history.map((other) => ({ ...other, odometerKm: other.odometer }));
          if (findOdometerConflict(others, { id: fill.id, filledAt, odometerKm: odometer })) {
            throw new Refused(400, { status: 400, title: 'Bad Request', detail: 'odometer out of order' });
          }
          await reportNewReading(client, caller.id, vehicle.id, {
            source: 'fuel_log',
            sourceId: fill.id,
            odometer,
            recordedAt: filledAt,
          });
          const saved = {
            ...fill,
            odometer: stored!.odometer,
            quantity: stored!.quantity,
            pricePerUnit: stored!.price_per_unit!,
            totalCost: stored!.total_cost,
          };
          const all = [
            ...history,
            { ...saved, quantityUnit: saved.quantityUnit as History.StoredFill['quantityUnit'] },
          ];
          const unit = displayEconomyUnit(caller.economyUnit as Units.LiquidEconomyUnit, energyOf(all));
          const entry = economyPerEntry(all.map((one) => canonicalFill(one, vehicle.odometerUnit))).get(fill.id);
          const economy = entry?.window
            ? { value: Math.round(economyValue(entry.window.distanceKm, entry.window.fuel, unit) * 100) / 100, unit }
            : null;
          return {
            ...saved,
            filledAt: filledAt.toISOString(),
            economy,
            economyReason: entry?.reason ?? 'baseline',
            createdAt: stored!.created_at!.toISOString(),
            updatedAt: stored!.updated_at!.toISOString(),
          };
        });
        return reply.code(201).send(answer);
      } catch (error) {
        return answerRefusal(error, reply);
      }
    });
  }),
);
