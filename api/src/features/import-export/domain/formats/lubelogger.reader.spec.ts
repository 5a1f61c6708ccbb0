import { PassThrough, Readable } from 'node:stream';
import { readFixture } from '../../../../../test/support/import-fixtures';
import type { ImportLine, ReadOptions } from './imported-records';
import { readLubeLogger } from './lubelogger.reader';

const us: ReadOptions = { timeZone: 'America/New_York', distanceUnit: 'mi', volumeUnit: 'gal_us', currency: 'USD' };
const read = (name: string, options: ReadOptions = us) => readFixture(readLubeLogger, 'lubelogger', name, options);

async function readText(text: string, options: ReadOptions = us): Promise<ImportLine[]> {
  const lines: ImportLine[] = [];
  for await (const line of readLubeLogger(Readable.from([text]), options)) lines.push(line);
  return lines;
}

const fillUp = { kind: 'fill-up', odometerUnit: 'mi', quantityUnit: 'gal_us', currency: 'USD', missedPrevious: false };

describe('readLubeLogger: fuel records', () => {
  it('reads an en-US export: times in the zone, extra fields kept in the notes, a 0 amount skipped', async () => {
    expect(await read('fuel-en-us.csv')).toEqual([
      {
        line: 2,
        record: {
          ...fillUp,
          filledAt: '2024-03-02T05:00:00.000Z',
          odometer: 41210,
          quantity: 11.204,
          totalCost: 38.75,
          isFull: true,
          notes: 'first fill\nOctane: 87\nStation: Shell Main St',
        },
      },
      {
        line: 3,
        record: {
          ...fillUp,
          filledAt: '2024-03-14T04:00:00.000Z',
          odometer: 41498,
          quantity: 9.87,
          totalCost: 35.02,
          isFull: true,
          tags: ['commute', 'work'],
        },
      },
      {
        line: 4,
        record: {
          ...fillUp,
          filledAt: '2024-03-29T04:00:00.000Z',
          odometer: 41733,
          quantity: 6.105,
          totalCost: 22.4,
          isFull: false,
          notes: 'half tank, cash\nOctane: 91',
        },
      },
      {
        line: 6,
        record: {
          ...fillUp,
          filledAt: '2024-04-05T04:00:00.000Z',
          odometer: 42011,
          quantity: 10.5,
          totalCost: 1036.2,
          isFull: true,
          missedPrevious: true,
          notes: 'road trip:\nfuel in Canada',
          tags: ['trip'],
        },
      },
    ]);
  });

  it('reads a de-DE export (BOM, CRLF, dd.MM.yyyy, decimal comma) whatever the options say', async () => {
    const berlin: ReadOptions = {
      timeZone: 'Europe/Berlin',
      distanceUnit: 'km',
      volumeUnit: 'l',
      currency: 'EUR',
      dateOrder: 'mdy',
      decimalComma: false,
    };
    const metric = { ...fillUp, odometerUnit: 'km', quantityUnit: 'l', currency: 'EUR', isFull: true };
    expect(await read('fuel-de-de.csv', berlin)).toEqual([
      {
        line: 2,
        record: {
          ...metric,
          filledAt: '2024-03-01T23:00:00.000Z',
          odometer: 41210,
          quantity: 40.5,
          totalCost: 69.86,
          notes: 'Erste Tankung',
        },
      },
      {
        line: 3,
        record: {
          ...metric,
          filledAt: '2024-03-08T23:00:00.000Z',
          odometer: 41798,
          quantity: 38.204,
          totalCost: 65.71,
          notes: 'Autobahn, schnell',
          tags: ['urlaub', 'sommer'],
        },
      },
      { line: 5, problems: [{ field: 'totalCost', message: 'is missing, and so is the price per unit' }] },
    ]);
  });

  it('reads aliased columns: UK gallons, prices per unit without a total, partial and missed flags', async () => {
    const uk: ReadOptions = { timeZone: 'Europe/London', distanceUnit: 'mi', volumeUnit: 'gal_uk', currency: 'GBP' };
    const ukFill = { ...fillUp, quantityUnit: 'gal_uk', currency: 'GBP' };
    expect(await read('fuel-en-gb-gallons.csv', uk)).toEqual([
      {
        line: 2,
        record: {
          ...ukFill,
          filledAt: '2024-02-01T00:00:00.000Z',
          odometer: 31200,
          quantity: 9.5,
          pricePerUnit: 6.89,
          totalCost: 65.46,
          isFull: true,
        },
      },
      {
        line: 3,
        record: {
          ...ukFill,
          filledAt: '2024-02-14T00:00:00.000Z',
          odometer: 31560,
          quantity: 8.25,
          pricePerUnit: 6.95,
          isFull: false,
          notes: 'price only',
        },
      },
      {
        line: 4,
        record: {
          ...ukFill,
          filledAt: '2024-02-28T00:00:00.000Z',
          odometer: 31890,
          quantity: 9.1,
          totalCost: 63.7,
          isFull: true,
          missedPrevious: true,
        },
      },
    ]);
  });

  it('names every bad field of a line and goes on with the next', async () => {
    expect(await read('fuel-bad-rows.csv')).toEqual([
      { line: 2, record: expect.objectContaining({ odometer: 41210, quantity: 11.204 }) },
      {
        line: 3,
        problems: [
          { field: 'filledAt', message: 'is not a real date' },
          { field: 'quantity', message: 'must not be negative' },
        ],
      },
      { line: 4, problems: [{ field: 'odometer', message: 'is missing' }] },
      {
        line: 5,
        problems: [
          { field: 'filledAt', message: 'is not a date: “yesterday”' },
          { field: 'quantity', message: 'is not a number: “lots”' },
          { field: 'totalCost', message: 'is missing, and so is the price per unit' },
        ],
      },
      { line: 6, problems: [{ field: 'totalCost', message: 'is missing, and so is the price per unit' }] },
    ]);
  });

  it('takes the date order from the options only when no date in the file tells', async () => {
    const file = 'Date,Odometer,FuelConsumed,Cost\n3/4/2024,100,10,30\n';
    const [monthFirst] = await readText(file);
    const [dayFirst] = await readText(file, { ...us, dateOrder: 'dmy' });
    expect(monthFirst).toMatchObject({ record: { filledAt: '2024-03-04T05:00:00.000Z' } });
    expect(dayFirst).toMatchObject({ record: { filledAt: '2024-04-03T04:00:00.000Z' } });
    const told = await readText(`${file}3/14/2024,200,10,30\n`, { ...us, dateOrder: 'dmy' });
    expect(told[0]).toMatchObject({ record: { filledAt: '2024-03-04T05:00:00.000Z' } });
  });

  it('reads separate day, month and year columns', async () => {
    const lines = await readText(
      'Day,Month,Year,Odo,Litres,Total Cost\n5,1,2024,15200,38.4,63.36\nx,1,2024,15300,1,2\n',
    );
    expect(lines).toEqual([
      { line: 2, record: expect.objectContaining({ filledAt: '2024-01-05T05:00:00.000Z', quantity: 38.4 }) },
      { line: 3, problems: [{ field: 'filledAt', message: 'is not a date: “x/1/2024”' }] },
    ]);
  });
});

describe('readLubeLogger: service, repair and upgrade records', () => {
  const service = { kind: 'service', odometerUnit: 'mi', currency: 'USD' };

  it('reads titles, guesses categories, keeps currency strings and multi-line notes', async () => {
    expect(await read('service-en-us.csv')).toEqual([
      {
        line: 2,
        record: {
          ...service,
          performedAt: '2024-02-10',
          odometer: 40980,
          title: 'Oil change',
          category: 'oil',
          totalCost: 64.9,
          notes: '5W-30\nShop: Quick Lube',
          tags: ['maintenance'],
        },
      },
      {
        line: 3,
        record: {
          ...service,
          performedAt: '2024-05-01',
          odometer: 42150,
          title: 'Brake pads',
          category: 'brakes',
          totalCost: 1120,
          notes: 'front and rear,\nrotors resurfaced',
        },
      },
      {
        line: 5,
        record: {
          ...service,
          performedAt: '2024-06-03',
          odometer: 42690,
          title: 'Wiper blades',
          totalCost: 28,
          tags: ['diy'],
        },
      },
      {
        line: 6,
        record: { ...service, performedAt: '2024-07-15', title: 'Tire rotation', category: 'tires', totalCost: 0 },
      },
    ]);
  });

  it('reads the older column order with day-first dates and euro amounts', async () => {
    expect(await read('service-old-dmy.csv')).toEqual([
      {
        line: 2,
        record: {
          ...service,
          performedAt: '2024-01-25',
          odometer: 40100,
          title: 'Annual inspection',
          category: 'inspection',
          totalCost: 1234.5,
          notes: 'passed',
        },
      },
      {
        line: 3,
        record: {
          ...service,
          performedAt: '2024-02-03',
          odometer: 40250,
          title: 'Battery replaced',
          category: 'battery',
          totalCost: 189,
        },
      },
    ]);
  });
});

describe('readLubeLogger: streaming', () => {
  it('gives rows as soon as the file has shown its locale, before the file ends', async () => {
    const input = new PassThrough();
    const lines = readLubeLogger(input, us)[Symbol.asyncIterator]();
    // csv-parse gives a row once it has seen the start of the next one.
    input.write('Date,Odometer,FuelConsumed,Cost\n3/14/2024,41498,9.87,35.02\n3/29/2024,41733,6.105,22.40\n');
    expect(await lines.next()).toMatchObject({ done: false, value: { line: 2, record: { odometer: 41498 } } });
    input.end();
    expect(await lines.next()).toMatchObject({ done: false, value: { line: 3, record: { odometer: 41733 } } });
    expect(await lines.next()).toEqual({ done: true, value: undefined });
  });
});

describe('readLubeLogger: files it does not import', () => {
  it('refuses an odometer file at its header', async () => {
    expect(await read('odometer.csv')).toEqual([
      {
        line: 1,
        problems: [
          {
            field: 'header',
            message: 'is a LubeLogger odometer file, which is not imported: export the fuel or the service records',
          },
        ],
      },
    ]);
  });

  it('names the missing columns of another file', async () => {
    expect(await read('not-lubelogger.csv')).toEqual([
      {
        line: 1,
        problems: [
          {
            field: 'header',
            message: 'missing columns: Date, FuelConsumed (fuel records) or Description (service records)',
          },
        ],
      },
    ]);
    expect(await readText('Date,FuelConsumed,Cost\n')).toEqual([
      { line: 1, problems: [{ field: 'header', message: 'missing columns: Odometer' }] },
    ]);
    expect(await readText('\n\nDate,Odometer,FuelConsumed\n')).toEqual([
      { line: 3, problems: [{ field: 'header', message: 'missing columns: Cost or Price' }] },
    ]);
    expect(await readText('')).toEqual([{ line: 1, problems: [{ field: 'file', message: 'is empty' }] }]);
  });
});
