import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { dateOrderOf } from './fuelio-backup';
import { fuelioFuelOf } from './fuelio-fuels';
import { readFuelio } from './fuelio.reader';
import type { ImportLine, ReadOptions } from './imported-records';

const fixture = (name: string) => join(__dirname, '../../../../../test/fixtures/import/fuelio', name);
const inWarsaw: ReadOptions = { timeZone: 'Europe/Warsaw', distanceUnit: 'mi', volumeUnit: 'gal_us', currency: 'PLN' };

async function linesOf(input: NodeJS.ReadableStream, options = inWarsaw): Promise<ImportLine[]> {
  const lines: ImportLine[] = [];
  for await (const line of readFuelio(input, options)) lines.push(line);
  return lines;
}
const read = (name: string, options?: ReadOptions) => linesOf(createReadStream(fixture(name)), options);
const text = (content: string) => linesOf(Readable.from([Buffer.from(content)]));

const fill = { kind: 'fill-up', odometerUnit: 'km', quantityUnit: 'l', currency: 'PLN', missedPrevious: false };
const service = { kind: 'service', odometerUnit: 'km', currency: 'PLN' };

describe('readFuelio', () => {
  it('reads the vehicle, fill-ups of both tanks, costs and favourite stations of a km and litre backup', async () => {
    expect(await read('vehicle-1-sync.csv')).toEqual([
      {
        line: 3,
        record: {
          kind: 'vehicle',
          name: 'Test Hatch',
          make: 'Skoda',
          model: 'Fabia',
          year: 2019,
          vin: 'TMBEG7NJ5KZ012345',
          licensePlate: 'XY-123',
          odometerUnit: 'km',
          notes: 'Family car, LPG fitted',
        },
      },
      {
        line: 6,
        record: {
          ...fill,
          filledAt: '2024-01-05T07:30:00.000Z',
          odometer: 15200,
          quantity: 38.4,
          pricePerUnit: 1.65,
          totalCost: 63.36,
          isFull: true,
          fuelType: 'gasoline',
          fuelGrade: 'E10',
          stationName: 'Orlen Main',
        },
      },
      {
        line: 7,
        record: {
          ...fill,
          filledAt: '2024-01-19T16:02:00.000Z',
          odometer: 15810,
          quantity: 20,
          pricePerUnit: 1.7,
          totalCost: 34,
          isFull: false,
          fuelType: 'gasoline',
          fuelGrade: 'E10',
          notes: 'half fill',
        },
      },
      {
        line: 8,
        record: {
          ...fill,
          filledAt: '2024-02-02T11:15:00.000Z',
          odometer: 16420,
          quantity: 41.1,
          pricePerUnit: 1.65,
          totalCost: 67.82,
          isFull: true,
          missedPrevious: true,
          fuelType: 'gasoline',
          stationName: 'Shell A4',
          notes: 'Receipt in the glovebox,\nsecond copy at home',
        },
      },
      {
        line: 10,
        record: {
          ...fill,
          filledAt: '2024-02-02T11:20:00.000Z',
          odometer: 16420,
          quantity: 30,
          pricePerUnit: 0.83,
          totalCost: 24.9,
          isFull: true,
          fuelType: 'lpg',
          stationName: 'Shell A4',
        },
      },
      {
        line: 20,
        record: {
          ...service,
          performedAt: '2024-01-20',
          odometer: 15900,
          title: 'Oil change',
          category: 'Service',
          totalCost: 89,
          notes: '5W-30, new filter',
        },
      },
      {
        line: 21,
        record: { ...service, performedAt: '2024-02-08', title: 'MOT', category: 'inspection', totalCost: 54.85 },
      },
      {
        line: 22,
        record: {
          ...service,
          performedAt: '2024-02-10',
          odometer: 16500,
          title: 'Winter tyres',
          category: 'tires',
          totalCost: 420,
        },
      },
      {
        line: 23,
        record: {
          ...service,
          performedAt: '2024-03-01',
          odometer: 16800,
          title: 'Insurance',
          category: 'Insurance',
          totalCost: 610,
          notes: 'annual policy',
        },
      },
      {
        line: 28,
        record: {
          kind: 'station',
          name: 'Orlen Main',
          brand: 'Orlen',
          latitude: 52.2297,
          longitude: 21.0122,
          isFavorite: true,
        },
      },
      { line: 29, record: { kind: 'station', name: 'Shell', brand: 'Shell', isFavorite: true } },
    ]);
  });

  it('reads the zip the app saves as the CSV inside it, in chunks of any size', async () => {
    const csv = await read('vehicle-1-sync.csv');
    expect(await read('vehicle-1-sync.csv.zip')).toEqual(csv);
    expect(await linesOf(createReadStream(fixture('vehicle-1-sync.csv.zip'), { highWaterMark: 3 }))).toEqual(csv);
    expect(await linesOf(createReadStream(fixture('vehicle-1-sync.csv'), { highWaterMark: 5 }))).toEqual(csv);
  });

  it('reads miles and US gallons as the Vehicle section says, whatever the options; a charge in kWh', async () => {
    const inChicago: ReadOptions = {
      timeZone: 'America/Chicago',
      distanceUnit: 'km',
      volumeUnit: 'l',
      currency: 'USD',
    };
    const lines = await read('vehicle-7-sync.csv', inChicago);
    const miles = {
      kind: 'fill-up',
      odometerUnit: 'mi',
      quantityUnit: 'gal_us',
      currency: 'USD',
      missedPrevious: false,
    };
    expect(lines.filter((line) => 'record' in line)).toEqual([
      {
        line: 3,
        record: {
          kind: 'vehicle',
          name: 'Blue Wagon',
          make: 'Chevrolet',
          model: 'Volt',
          year: 2017,
          odometerUnit: 'mi',
        },
      },
      {
        line: 6,
        record: {
          ...miles,
          filledAt: '2023-04-03T12:45:00.000Z',
          odometer: 52310,
          quantity: 8.214,
          pricePerUnit: 3.379,
          totalCost: 27.76,
          isFull: true,
          fuelType: 'gasoline',
          stationName: 'Shell',
        },
      },
      {
        line: 7,
        record: {
          ...miles,
          filledAt: '2023-04-12T23:10:00.000Z',
          odometer: 52604,
          quantity: 6.002,
          pricePerUnit: 3.419,
          totalCost: 20.52,
          isFull: false,
          fuelType: 'gasoline',
          fuelGrade: 'Ultimate',
        },
      },
      {
        line: 8,
        record: {
          ...miles,
          filledAt: '2023-04-20T13:05:00.000Z',
          odometer: 52911,
          quantity: 14.2,
          quantityUnit: 'kwh',
          pricePerUnit: 0.3,
          totalCost: 4.26,
          isFull: true,
          missedPrevious: true,
          fuelType: 'electric',
          fuelGrade: 'AC 240V',
          stationName: 'Home',
          notes: 'overnight',
        },
      },
      {
        line: 12,
        record: {
          ...miles,
          filledAt: '2023-05-20T23:00:00.000Z',
          odometer: 53700,
          quantity: 7.75,
          pricePerUnit: 3.5,
          totalCost: 27.13,
          isFull: true,
          fuelType: 'gasoline',
          stationName: 'Exxon',
        },
      },
    ]);
  });

  it('names every bad field of a row and reads on', async () => {
    const lines = await read('vehicle-7-sync.csv');
    const twoOfThree = 'needs two of the quantity, the price per unit and the total cost';
    expect(lines.filter((line) => 'problems' in line)).toEqual([
      { line: 9, problems: [{ field: 'filledAt', message: 'is not a real date' }] },
      {
        line: 10,
        problems: [
          { field: 'odometer', message: 'is missing' },
          { field: 'quantity', message: 'must not be negative' },
          { field: 'pricePerUnit', message: twoOfThree },
          { field: 'totalCost', message: twoOfThree },
        ],
      },
      {
        line: 11,
        problems: [
          { field: 'filledAt', message: 'is not a date: “yesterday”' },
          { field: 'totalCost', message: 'is not a number: “abc”' },
        ],
      },
    ]);
  });

  it('reads a zip with its sizes after the data, as the phone streams it', async () => {
    expect(await read('vehicle-7-sync.csv.zip')).toEqual(await read('vehicle-7-sync.csv'));
  });

  it('reads the short Log with day-first dates and unquoted markers that Programistyk writes', async () => {
    expect(await read('programistyk-import.csv')).toEqual([
      { line: 3, record: { kind: 'vehicle', name: 'Drivvo Car', odometerUnit: 'km', notes: 'Imported' } },
      {
        line: 6,
        record: {
          ...fill,
          filledAt: '2024-01-04T23:00:00.000Z',
          odometer: 15200,
          quantity: 38.4,
          pricePerUnit: 1.65,
          totalCost: 63.36,
          isFull: true,
        },
      },
      {
        line: 7,
        record: {
          ...fill,
          filledAt: '2024-01-18T23:00:00.000Z',
          odometer: 15810,
          quantity: 20,
          pricePerUnit: 1.7,
          totalCost: 34,
          isFull: false,
          notes: 'half fill, cash',
        },
      },
      { line: 8, problems: [{ field: 'filledAt', message: 'is not a real date' }] },
      {
        line: 15,
        record: {
          ...service,
          performedAt: '2024-01-20',
          odometer: 15900,
          title: 'Oil change',
          category: 'Service',
          totalCost: 89,
          notes: 'Garage X',
        },
      },
      {
        line: 16,
        record: {
          ...service,
          performedAt: '2024-01-21',
          odometer: 15950,
          title: 'Parking',
          category: 'Expense',
          totalCost: 12.5,
        },
      },
    ]);
  });

  it('says once, at line 1, when a file is not a Fuelio backup', async () => {
    const notFuelio = [
      {
        line: 1,
        problems: [{ field: 'file', message: 'is not a Fuelio backup: it does not start with a “## Vehicle” section' }],
      },
    ];
    expect(await read('lubelogger-fuel.csv')).toEqual(notFuelio);
    expect(await text('##Refuelling\n"Odometer","Date"\n')).toEqual(notFuelio);
    expect(await text('')).toEqual(notFuelio);
    expect(await read('photos.zip')).toEqual([
      { line: 1, problems: [{ field: 'file', message: 'the zip holds no .csv file' }] },
    ]);
  });

  it('stops with a problem where a cut-short zip or an open quote ends what can be read', async () => {
    const cutShort = await linesOf(createReadStream(fixture('vehicle-1-sync.csv.zip'), { end: 400 }));
    expect(cutShort.at(-1)).toEqual({
      line: expect.any(Number),
      problems: [{ field: 'file', message: expect.stringMatching(/^the zip is damaged or cut short/) }],
    });
    expect(
      await text('"## Vehicle"\n"Name"\n"Car"\n"## Log"\n"Data","Odo (km)","Fuel (litres)"\n"2024-01-05 08:30\n'),
    ).toEqual([
      { line: 3, record: { kind: 'vehicle', name: 'Car', odometerUnit: 'mi' } },
      {
        line: 6,
        problems: [{ field: 'file', message: 'a quoted cell is never closed, so the rest of the file cannot be read' }],
      },
    ]);
  });

  it('skips the rows of a Log whose header lacks a column they need, saying so at the header', async () => {
    const lines = await text(
      '"## Vehicle"\n"Name"\n"Car"\n"## Log"\n"Data","Fuel (litres)"\n"2024-01-05 08:30","38.4"\n',
    );
    expect(lines).toEqual([
      { line: 3, record: { kind: 'vehicle', name: 'Car', odometerUnit: 'mi' } },
      { line: 5, problems: [{ field: 'odometer', message: 'the header has no “Odo” column' }] },
    ]);
  });
});

describe('fuelioFuelOf', () => {
  it.each([
    ['110', { fuelType: 'gasoline', charge: false }],
    ['119', { fuelType: 'gasoline', fuelGrade: 'E10', charge: false }],
    ['201', { fuelType: 'diesel', charge: false }],
    ['218', { fuelType: 'diesel', fuelGrade: 'B10', charge: false }],
    ['217', { fuelGrade: 'AdBlue', charge: false }],
    ['305', { fuelType: 'e85', charge: false }],
    ['401', { fuelType: 'lpg', charge: false }],
    ['502', { fuelType: 'cng', fuelGrade: 'CBG', charge: false }],
    ['601', { fuelType: 'electric', fuelGrade: 'AC 240V', charge: true }],
    ['602', { fuelType: 'electric', fuelGrade: 'DC fast', charge: true }],
    ['120', { fuelType: 'gasoline', charge: false }],
    ['0', { charge: false }],
    ['', { charge: false }],
  ])('reads code “%s”', (code, fuel) => expect(fuelioFuelOf(code)).toEqual(fuel));

  it('takes the tank’s fuel when the row leaves it unknown or unset', () => {
    expect(fuelioFuelOf('-1', '100')).toEqual({ fuelType: 'gasoline', charge: false });
    expect(fuelioFuelOf('0', '600')).toEqual({ fuelType: 'electric', charge: true });
    expect(fuelioFuelOf('201', '100')).toEqual({ fuelType: 'diesel', charge: false });
  });
});

describe('dateOrderOf', () => {
  it('reads the order of a Java date pattern, Fuelio’s own when there is none', () => {
    expect(['yyyy-MM-dd', 'dd.MM.yyyy', 'MM/dd/yyyy', 'd/M/yy', '', undefined].map(dateOrderOf)).toEqual([
      'ymd',
      'dmy',
      'mdy',
      'dmy',
      'ymd',
      'ymd',
    ]);
  });
});
