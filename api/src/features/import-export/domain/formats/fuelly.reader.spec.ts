import { readFixture } from '../../../../../test/support/import-fixtures';
import { readFuelly } from './fuelly.reader';
import type { ReadOptions } from './imported-records';

const us: ReadOptions = { timeZone: 'America/New_York', distanceUnit: 'mi', volumeUnit: 'gal_us', currency: 'USD' };
const read = (name: string, options: ReadOptions = us) => readFixture(readFuelly, 'fuelly', name, options);

describe('readFuelly: the fuelly.com web CSV', () => {
  const fillUp = {
    kind: 'fill-up',
    odometerUnit: 'mi',
    quantityUnit: 'gal_us',
    currency: 'USD',
    missedPrevious: false,
  };

  it('reads every car of the file, listing each once before its first fill-up', async () => {
    expect(await read('web-us.csv')).toEqual([
      { line: 2, record: { kind: 'vehicle', name: 'Blue Wagon', model: 'Outback', odometerUnit: 'mi' } },
      {
        line: 2,
        record: {
          ...fillUp,
          vehicle: 'Blue Wagon',
          filledAt: '2023-04-03T11:45:00.000Z',
          odometer: 52310,
          quantity: 10.993,
          pricePerUnit: 3.379,
          isFull: true,
          stationName: 'Shell',
        },
      },
      {
        line: 3,
        record: {
          ...fillUp,
          vehicle: 'Blue Wagon',
          filledAt: '2023-04-12T22:10:00.000Z',
          odometer: 52604,
          quantity: 10.929,
          pricePerUnit: 3.419,
          isFull: false,
          stationName: 'Exxon',
          tags: ['road trip'],
        },
      },
      { line: 4, record: { kind: 'vehicle', name: 'Red Truck', model: 'F-150', odometerUnit: 'mi' } },
      {
        line: 4,
        record: {
          ...fillUp,
          vehicle: 'Red Truck',
          filledAt: '2023-04-15T16:00:00.000Z',
          odometer: 88120,
          quantity: 21.4,
          pricePerUnit: 3.259,
          isFull: true,
          tags: ['work', 'hauling'],
        },
      },
      {
        line: 5,
        record: {
          ...fillUp,
          vehicle: 'Blue Wagon',
          filledAt: '2023-04-20T12:05:00.000Z',
          odometer: 52911,
          quantity: 10.89,
          pricePerUnit: 3.299,
          isFull: true,
          missedPrevious: true,
          notes: 'late entry',
        },
      },
    ]);
  });

  it('takes litres and kilometres from a metric header (BOM, CRLF, a note over two lines)', async () => {
    const berlin: ReadOptions = { ...us, timeZone: 'Europe/Berlin', currency: 'EUR' };
    const metric = { ...fillUp, odometerUnit: 'km', quantityUnit: 'l', currency: 'EUR', vehicle: 'Golf', isFull: true };
    expect(await read('web-metric.csv', berlin)).toEqual([
      { line: 2, record: { kind: 'vehicle', name: 'Golf', model: 'Golf VII', odometerUnit: 'km' } },
      {
        line: 2,
        record: {
          ...metric,
          filledAt: '2024-01-05T07:30:00.000Z',
          odometer: 15200,
          quantity: 38.4,
          pricePerUnit: 1.659,
          stationName: 'Aral',
        },
      },
      {
        line: 3,
        record: {
          ...metric,
          filledAt: '2024-01-19T16:02:00.000Z',
          odometer: 15810,
          quantity: 38.43,
          pricePerUnit: 1.699,
          notes: 'Autobahn, then city\ntraffic jam',
        },
      },
      { line: 5, problems: [{ field: 'quantity', message: 'is missing' }] },
    ]);
  });

  it('reads gallons as UK gallons when those are the user’s unit', async () => {
    const [, first] = await read('web-us.csv', { ...us, volumeUnit: 'gal_uk' });
    expect(first).toMatchObject({ record: { quantityUnit: 'gal_uk', quantity: 10.993 } });
  });
});

describe('readFuelly: the Fuelly app export', () => {
  const gas = { kind: 'fill-up', odometerUnit: 'mi', quantityUnit: 'gal_us', currency: 'USD', missedPrevious: false };

  it('reads Gas rows as fill-ups and Service rows as service records, by position', async () => {
    expect(await read('app-export.csv')).toEqual([
      { line: 2, record: { kind: 'vehicle', name: 'Wagon', odometerUnit: 'mi' } },
      {
        line: 2,
        record: {
          ...gas,
          vehicle: 'Wagon',
          filledAt: '2023-05-02T11:12:00.000Z',
          odometer: 52310,
          quantity: 10.993,
          pricePerUnit: 3.379,
          totalCost: 37.15,
          isFull: true,
          fuelGrade: '87',
          stationName: 'Shell, Main St',
        },
      },
      {
        line: 3,
        record: {
          ...gas,
          vehicle: 'Wagon',
          filledAt: '2023-05-11T22:40:00.000Z',
          odometer: 52619,
          quantity: 6.002,
          pricePerUnit: 3.419,
          totalCost: 20.52,
          isFull: false,
          fuelGrade: '87',
        },
      },
      {
        line: 4,
        record: {
          kind: 'service',
          vehicle: 'Wagon',
          performedAt: '2023-05-20',
          odometer: 52800,
          odometerUnit: 'mi',
          title: 'Oil Change',
          category: 'oil',
          totalCost: 89,
          currency: 'USD',
          shop: 'Quick Lube',
          notes: 'synthetic',
        },
      },
      { line: 5, record: { kind: 'vehicle', name: 'Scooter', odometerUnit: 'mi' } },
      {
        line: 5,
        record: {
          ...gas,
          vehicle: 'Scooter',
          filledAt: '2023-05-24T04:05:00.000Z',
          odometer: 1204,
          quantity: 1.5,
          pricePerUnit: 3.599,
          isFull: true,
          fuelGrade: '91',
          stationName: 'Mobil',
          tags: ['city', 'short'],
        },
      },
      {
        line: 6,
        record: {
          kind: 'service',
          vehicle: 'Wagon',
          performedAt: '2023-06-01',
          odometerUnit: 'mi',
          title: 'Timing belt and water pump',
          totalCost: 1250,
          currency: 'USD',
        },
      },
      { line: 7, problems: [{ field: 'type', message: 'is neither Gas nor Service: “Note”' }] },
      {
        line: 8,
        problems: [
          { field: 'filledAt', message: 'is not a real date' },
          { field: 'odometer', message: 'must not be negative' },
          { field: 'quantity', message: 'is missing' },
          { field: 'pricePerUnit', message: 'is not a number: “abc”' },
        ],
      },
    ]);
  });
});

describe('readFuelly: other files', () => {
  it('names the columns a Fuelly file would have', async () => {
    expect(await read('not-fuelly.csv')).toEqual([
      {
        line: 1,
        problems: [
          { field: 'header', message: 'missing columns: fuelup_date, odometer, gallons or litres (or the app’s Type)' },
        ],
      },
    ]);
  });
});
