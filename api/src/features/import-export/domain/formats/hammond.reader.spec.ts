import { readFixture } from '../../../../../test/support/import-fixtures';
import { readHammond } from './hammond.reader';
import type { ReadOptions } from './imported-records';

const india: ReadOptions = { timeZone: 'Asia/Kolkata', distanceUnit: 'km', volumeUnit: 'l', currency: 'INR' };
const read = (name: string, options: ReadOptions = india) => readFixture(readHammond, 'hammond', name, options);
const fillUp = { kind: 'fill-up', odometerUnit: 'km', quantityUnit: 'l', currency: 'INR', missedPrevious: false };

describe('readHammond', () => {
  it('reads fill-ups by Hammond’s field names: offsets kept, local times in the zone', async () => {
    expect(await read('fillups.csv')).toEqual([
      { line: 2, record: { kind: 'vehicle', name: 'Swift', odometerUnit: 'km' } },
      {
        line: 2,
        record: {
          ...fillUp,
          vehicle: 'Swift',
          filledAt: '2023-05-02T07:12:00.000Z',
          odometer: 18250,
          quantity: 32.5,
          pricePerUnit: 104.2,
          totalCost: 3386.5,
          isFull: true,
          stationName: 'HP Andheri',
        },
      },
      {
        line: 3,
        record: {
          ...fillUp,
          vehicle: 'Swift',
          filledAt: '2023-05-16T13:10:00.000Z',
          odometer: 18790,
          quantity: 30.1,
          pricePerUnit: 104.2,
          totalCost: 3136.42,
          isFull: true,
          notes: 'after trip, full',
        },
      },
      {
        line: 4,
        record: {
          ...fillUp,
          vehicle: 'Swift',
          filledAt: '2023-05-30T03:45:00.000Z',
          odometer: 19300,
          quantity: 15,
          pricePerUnit: 104.9,
          isFull: false,
          missedPrevious: true,
        },
      },
      { line: 5, record: { kind: 'vehicle', name: 'Activa', odometerUnit: 'km' } },
      {
        line: 5,
        record: {
          ...fillUp,
          vehicle: 'Activa',
          filledAt: '2023-05-31T18:30:00.000Z',
          odometer: 4210,
          quantity: 4.2,
          totalCost: 440.58,
          isFull: true,
          stationName: 'IOCL',
        },
      },
    ]);
  });

  it('reads a dump of its SQLite table: snake_case names, its unit numbers and currency', async () => {
    expect(await read('fillups-sqlite.csv')).toEqual([
      {
        line: 2,
        record: {
          ...fillUp,
          currency: 'PLN',
          filledAt: '2024-01-05T08:30:00.000Z',
          odometer: 15200,
          quantity: 38.4,
          pricePerUnit: 1.65,
          totalCost: 63.36,
          isFull: true,
          stationName: 'Orlen Main',
        },
      },
      {
        line: 3,
        record: {
          ...fillUp,
          currency: 'PLN',
          filledAt: '2024-01-19T17:02:00.000Z',
          odometer: 15810,
          quantity: 20,
          pricePerUnit: 1.7,
          totalCost: 34,
          isFull: false,
          notes: 'half fill',
        },
      },
      {
        line: 4,
        record: {
          ...fillUp,
          odometerUnit: 'mi',
          quantityUnit: 'gal_us',
          currency: 'USD',
          filledAt: '2024-02-02T12:15:00.000Z',
          odometer: 16420,
          quantity: 10.85,
          pricePerUnit: 3.899,
          totalCost: 42.3,
          isFull: true,
        },
      },
    ]);
  });

  it('reads expenses as service records, an instant’s day taken in the zone', async () => {
    const expense = { kind: 'service', vehicle: 'Swift', odometerUnit: 'km', currency: 'INR' };
    expect(await read('expenses.csv')).toEqual([
      { line: 2, record: { kind: 'vehicle', name: 'Swift', odometerUnit: 'km' } },
      {
        line: 2,
        record: {
          ...expense,
          performedAt: '2023-05-20',
          odometer: 18900,
          title: 'Oil Change',
          category: 'oil',
          totalCost: 2450,
          notes: 'Castrol 5W-30, filter',
        },
      },
      {
        line: 3,
        record: { ...expense, performedAt: '2023-07-01', title: 'Insurance', totalCost: 12500, notes: 'yearly' },
      },
      {
        line: 4,
        record: {
          ...expense,
          performedAt: '2023-08-14',
          odometer: 21000,
          title: 'Brake pads front',
          category: 'brakes',
          totalCost: 3800.5,
        },
      },
    ]);
    const [, first] = await read('expenses.csv', { ...india, timeZone: 'America/New_York' });
    expect(first).toMatchObject({ record: { performedAt: '2023-05-19' } });
  });

  it('reads a file of both kinds and names every bad field of a line', async () => {
    expect(await read('mixed-bad-rows.csv')).toEqual([
      { line: 2, record: expect.objectContaining({ kind: 'fill-up', filledAt: '2023-05-01T18:30:00.000Z' }) },
      { line: 3, record: expect.objectContaining({ kind: 'service', title: 'Oil Change', totalCost: 2450 }) },
      {
        line: 4,
        problems: [
          { field: 'filledAt', message: 'is not a date: “05/02/2023”' },
          { field: 'quantity', message: 'must not be negative' },
          { field: 'totalCost', message: 'is missing, and so is the price per unit' },
        ],
      },
      {
        line: 5,
        problems: [
          { field: 'filledAt', message: 'is not a real date' },
          { field: 'odometer', message: 'is missing' },
          { field: 'quantity', message: 'is not a number: “abc”' },
          { field: 'quantityUnit', message: 'is not a unit we import: “Kg”' },
        ],
      },
      { line: 6, problems: [{ field: 'totalCost', message: 'is missing, and so is the price per unit' }] },
      { line: 7, problems: [{ field: 'totalCost', message: 'must not be negative' }] },
    ]);
  });

  it('names the columns a Hammond file needs', async () => {
    expect(await read('not-hammond.csv')).toEqual([
      {
        line: 1,
        problems: [{ field: 'header', message: 'missing columns: FuelQuantity (fill-ups) or ExpenseType (expenses)' }],
      },
    ]);
  });
});
