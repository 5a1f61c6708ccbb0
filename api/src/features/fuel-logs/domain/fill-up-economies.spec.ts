import type { FuelLogRow } from '../data/fuel-log-list.query';
import { listedFillUps } from './fill-up-economies';

type HistoryEntry = NonNullable<FuelLogRow['history']>[number];

const entry = (id: string, day: number, odometer: number, quantity: number, isFull = true): HistoryEntry => ({
  id,
  filledAtMs: Date.UTC(2026, 2, day, 12),
  odometer,
  quantity,
  quantityUnit: 'l',
  totalCost: quantity * 2,
  isFull,
  missedPrevious: false,
});

/** A listed row of `vehicleId`; only what the economy reads matters here. */
const row = (id: string, vehicleId: string, odometerUnit: 'km' | 'mi', history: HistoryEntry[] | null) =>
  ({ id, vehicle_id: vehicleId, odometer_unit: odometerUnit, electric: false, history }) as FuelLogRow;

describe('listedFillUps', () => {
  it("gives each listed fill-up the economy of its vehicle's whole history, carried by one of that vehicle's rows", () => {
    const carHistory = [entry('c1', 1, 1000, 40), entry('c2', 5, 1300, 10, false), entry('c3', 9, 1500, 30)];
    const bikeHistory = [entry('b1', 2, 100, 5), entry('b2', 6, 200, 4)];
    const rows = [
      row('c3', 'car', 'km', carHistory),
      row('b2', 'bike', 'mi', null),
      row('c2', 'car', 'km', null),
      row('b1', 'bike', 'mi', bikeHistory),
    ];

    const listed = listedFillUps(rows, 'l_per_100km');

    expect(listed.map(({ row: { id }, economy, economyReason }) => [id, economy, economyReason])).toEqual([
      ['c3', { value: 8, unit: 'l_per_100km' }, 'measured'], // 40 l over 500 km
      ['b2', { value: 2.49, unit: 'l_per_100km' }, 'measured'], // 4 l over 100 mi
      ['c2', null, 'partial'],
      ['b1', null, 'baseline'],
    ]);
  });

  it('lists a fill-up whose history is missing as a baseline, not an error', () => {
    expect(listedFillUps([row('x', 'gone', 'km', null)], 'mpg_us')).toMatchObject([
      { economy: null, economyReason: 'baseline' },
    ]);
  });
});
