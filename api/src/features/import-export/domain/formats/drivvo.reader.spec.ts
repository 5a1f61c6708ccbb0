import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DrivvoSections } from './drivvo-sections';
import { readDrivvo } from './drivvo.reader';
import type { ImportLine, ReadOptions } from './imported-records';

const fixture = (name: string) => join(__dirname, '../../../../../test/fixtures/import', name);
const inMadrid: ReadOptions = { timeZone: 'Europe/Madrid', distanceUnit: 'mi', volumeUnit: 'gal_us', currency: 'EUR' };

async function linesOf(input: NodeJS.ReadableStream, options = inMadrid): Promise<ImportLine[]> {
  const lines: ImportLine[] = [];
  for await (const line of readDrivvo(input, options)) lines.push(line);
  return lines;
}
const read = (name: string, options?: ReadOptions) => linesOf(createReadStream(fixture(`drivvo/${name}`)), options);
const text = (content: string, options?: ReadOptions) => linesOf(Readable.from([Buffer.from(content)]), options);

const fill = { kind: 'fill-up', odometerUnit: 'km', quantityUnit: 'l', currency: 'EUR', missedPrevious: false };
const service = { kind: 'service', odometerUnit: 'km', currency: 'EUR' };
const gasoline = { fuelType: 'gasoline', fuelGrade: 'Gasoline' };

describe('readDrivvo', () => {
  it('reads the older 20-column refuellings, one fill-up per fuel, then services and expenses', async () => {
    expect(await read('older-layout-en.csv')).toEqual([
      {
        line: 3,
        record: {
          ...fill,
          ...gasoline,
          filledAt: '2024-01-05T07:30:00.000Z',
          odometer: 15200,
          quantity: 38.4,
          pricePerUnit: 1.65,
          totalCost: 63.36,
          isFull: true,
          stationName: 'Orlen Main',
        },
      },
      {
        line: 4,
        record: {
          ...fill,
          ...gasoline,
          filledAt: '2024-01-19T16:02:00.000Z',
          odometer: 15810,
          quantity: 20,
          pricePerUnit: 1.7,
          totalCost: 34,
          isFull: false,
          notes: 'half fill',
          tags: ['Trip'],
        },
      },
      {
        line: 5,
        record: {
          ...fill,
          fuelGrade: 'Ethanol',
          filledAt: '2024-01-26T06:10:00.000Z',
          odometer: 16100,
          quantity: 20,
          pricePerUnit: 0.8,
          totalCost: 16,
          isFull: false,
          stationName: 'Posto Sul',
        },
      },
      {
        line: 5,
        record: {
          ...fill,
          ...gasoline,
          filledAt: '2024-01-26T06:10:00.000Z',
          odometer: 16100,
          quantity: 10,
          pricePerUnit: 1.65,
          totalCost: 16.5,
          isFull: true,
          stationName: 'Posto Sul',
        },
      },
      {
        line: 6,
        record: {
          ...fill,
          ...gasoline,
          filledAt: '2024-02-02T11:15:00.000Z',
          odometer: 16420,
          quantity: 41.1,
          pricePerUnit: 1.65,
          totalCost: 67.82,
          isFull: true,
          stationName: 'Shell A4',
        },
      },
      {
        line: 9,
        record: {
          ...service,
          performedAt: '2024-01-20',
          odometer: 15900,
          title: 'Oil change',
          category: 'oil',
          totalCost: 89,
          shop: 'Garage X',
        },
      },
      {
        line: 10,
        record: {
          ...service,
          performedAt: '2024-01-30',
          odometer: 16300,
          title: 'Brake pads',
          category: 'brakes',
          totalCost: 240,
          shop: 'Garage X',
          notes: 'front axle',
        },
      },
      {
        line: 13,
        record: {
          ...service,
          performedAt: '2024-01-22',
          odometer: 16000,
          title: 'Parking',
          category: 'Parking',
          totalCost: 12.5,
          notes: 'two hours',
        },
      },
      {
        line: 14,
        record: {
          ...service,
          performedAt: '2024-02-01',
          title: 'Insurance',
          category: 'Insurance',
          totalCost: 610,
          notes: 'annual policy',
        },
      },
    ]);
  });

  it('reads a Spanish export with a BOM, CRLF endings, day-first dates and localised yes', async () => {
    expect(await read('spanish-bom-crlf.csv')).toEqual([
      {
        line: 3,
        record: {
          ...fill,
          fuelType: 'gasoline',
          fuelGrade: 'Gasolina Súper',
          filledAt: '2024-01-04T23:00:00.000Z',
          odometer: 32010,
          quantity: 40,
          pricePerUnit: 1.52,
          totalCost: 60.8,
          isFull: true,
          stationName: 'Repsol Centro',
          notes: 'pagado con tarjeta',
          tags: ['Trabajo'],
        },
      },
      {
        line: 4,
        record: {
          ...fill,
          fuelType: 'diesel',
          fuelGrade: 'Gasóleo',
          filledAt: '2024-01-19T16:02:00.000Z',
          odometer: 32480,
          quantity: 20,
          pricePerUnit: 1.41,
          totalCost: 28.2,
          isFull: false,
        },
      },
      { line: 5, problems: [{ field: 'filledAt', message: 'is not a real date' }] },
      {
        line: 8,
        record: {
          ...service,
          performedAt: '2024-01-12',
          odometer: 32300,
          title: 'Cambio de aceite',
          category: 'oil',
          totalCost: 75,
          shop: 'Taller Pérez',
          notes: '5W-30',
        },
      },
    ]);
  });

  it('reads the newer 28-column layout of an Italian export with CR-only line endings; a charge in kWh', async () => {
    expect(await read('italian-newer-cr.csv')).toEqual([
      {
        line: 3,
        record: {
          ...fill,
          fuelType: 'gasoline',
          fuelGrade: 'Benzina',
          filledAt: '2024-03-04T17:20:00.000Z',
          odometer: 69587,
          quantity: 40,
          pricePerUnit: 1.899,
          totalCost: 75.96,
          isFull: true,
          stationName: 'Eni Via Roma',
          notes: 'autostrada',
        },
      },
      {
        line: 4,
        record: {
          ...fill,
          fuelType: 'gasoline',
          fuelGrade: 'Benzina',
          filledAt: '2024-03-15T07:05:00.000Z',
          odometer: 70210,
          quantity: 40.95,
          pricePerUnit: 1.879,
          totalCost: 76.94,
          isFull: true,
          stationName: 'Q8 Tangenziale',
          tags: ['Lavoro'],
        },
      },
      {
        line: 5,
        record: {
          ...fill,
          quantityUnit: 'kwh',
          fuelType: 'electric',
          fuelGrade: 'Elettricità',
          filledAt: '2024-03-20T18:30:00.000Z',
          odometer: 70540,
          quantity: 30,
          pricePerUnit: 0.45,
          totalCost: 13.5,
          isFull: false,
          stationName: 'Colonnina Enel',
        },
      },
      {
        line: 8,
        record: {
          ...service,
          performedAt: '2024-03-18',
          odometer: 70300,
          title: 'Tagliando',
          category: 'Tagliando',
          totalCost: 180,
          shop: 'Officina Rossi',
          notes: 'filtri e olio',
        },
      },
    ]);
  });

  it('reads the same whatever the chunks, a BOM and accents split between them', async () => {
    for (const name of ['spanish-bom-crlf.csv', 'italian-newer-cr.csv']) {
      const chunked = await linesOf(createReadStream(fixture(`drivvo/${name}`), { highWaterMark: 2 }));
      expect(chunked).toEqual(await read(name));
    }
  });

  it('reads miles and gallons from the 30-column header and names every bad field', async () => {
    const miles = {
      kind: 'fill-up',
      odometerUnit: 'mi',
      quantityUnit: 'gal_us',
      currency: 'EUR',
      missedPrevious: false,
    };
    expect(await read('newer-layout-miles.csv')).toEqual([
      {
        line: 3,
        record: {
          ...miles,
          fuelType: 'gasoline',
          fuelGrade: 'Regular Gasoline',
          filledAt: '2023-04-03T05:45:00.000Z',
          odometer: 52310,
          quantity: 10.993,
          pricePerUnit: 3.379,
          totalCost: 37.15,
          isFull: true,
          stationName: 'Shell',
          tags: ['Commute'],
        },
      },
      { line: 4, problems: [{ field: 'quantity', message: 'must not be negative' }] },
      {
        line: 5,
        problems: [
          { field: 'filledAt', message: 'is not a date: “yesterday”' },
          { field: 'odometer', message: 'is missing' },
        ],
      },
      { line: 6, problems: [{ field: 'totalCost', message: 'second fuel: is not a number: “abc”' }] },
      {
        line: 7,
        record: {
          ...miles,
          fuelType: 'diesel',
          fuelGrade: 'Diesel',
          filledAt: '2023-05-11T10:00:00.000Z',
          odometer: 53502.5,
          quantity: 10,
          pricePerUnit: 4.1,
          totalCost: 41,
          isFull: true,
          stationName: 'Pilot',
          notes: 'tank mix-up',
        },
      },
      {
        line: 10,
        record: {
          kind: 'service',
          odometerUnit: 'mi',
          currency: 'EUR',
          performedAt: '2023-04-25',
          odometer: 53000,
          title: 'Tire rotation',
          category: 'tires',
          totalCost: 89,
          shop: 'Discount Tire',
        },
      },
      {
        line: 11,
        problems: [
          { field: 'odometer', message: 'is not a number: “x53100”' },
          { field: 'title', message: 'is missing' },
          { field: 'totalCost', message: 'must not be negative' },
        ],
      },
    ]);
  });

  it('takes gallons as imperial when the options say so, and month-first dates when asked', async () => {
    const british: ReadOptions = { ...inMadrid, timeZone: 'UTC', volumeUnit: 'gal_uk', dateOrder: 'mdy' };
    const header = [
      '"Odometer (mi)","Date","Fuel","Price / gal","Total cost","Volume","Full tank"',
      ...Array.from({ length: 13 }, (_, index) => `"c${index + 7}"`),
    ];
    const lines = await text(
      `##Refuelling\n${header.join(',')}\n"100","1/5/2024 08:00","Petrol","1.5","15","10","Yes"\n`,
      british,
    );
    expect(lines).toEqual([
      {
        line: 3,
        record: {
          kind: 'fill-up',
          filledAt: '2024-01-05T08:00:00.000Z',
          odometer: 100,
          odometerUnit: 'mi',
          quantity: 10,
          quantityUnit: 'gal_uk',
          pricePerUnit: 1.5,
          totalCost: 15,
          currency: 'EUR',
          isFull: true,
          missedPrevious: false,
          fuelType: 'gasoline',
          fuelGrade: 'Petrol',
        },
      },
    ]);
  });

  it('finds sections in a language it does not know by their order, passing over income', async () => {
    const lines = await read('turkish-fallback.csv');
    expect(lines.map((line) => ('record' in line ? [line.line, line.record.kind] : line))).toEqual([
      [3, 'fill-up'],
      [6, 'service'],
      [9, 'service'],
    ]);
    expect(lines[0]).toMatchObject({ record: { fuelType: 'diesel', isFull: true, totalCost: 1700 } });
    expect(lines[2]).toMatchObject({ record: { title: 'Otopark', category: 'Otopark', totalCost: 150 } });
  });

  it('says a refuelling header is no layout Drivvo writes, and skips its rows', async () => {
    expect(await text('##Refuelling\n"Odometer","Date","Fuel"\n"100","2024-01-05 08:00:00","Gasoline"\n')).toEqual([
      {
        line: 2,
        problems: [{ field: 'file', message: 'the refuelling header has 3 columns; Drivvo writes 20, 28 or 30' }],
      },
    ]);
  });

  it('says once, at line 1, when a file is not a Drivvo export', async () => {
    const notDrivvo = [
      {
        line: 1,
        problems: [
          { field: 'file', message: 'is not a Drivvo export: it has no refuelling, service or expense section' },
        ],
      },
    ];
    expect(await linesOf(createReadStream(fixture('fuelio/vehicle-1-sync.csv')))).toEqual(notDrivvo);
    expect(await linesOf(createReadStream(fixture('fuelio/lubelogger-fuel.csv')))).toEqual(notDrivvo);
    expect(await text('')).toEqual(notDrivvo);
  });
});

describe('DrivvoSections', () => {
  const columns = (count: number) => Array.from({ length: count }, (_, index) => `c${index}`);

  it('knows the names in several languages, accents or not', () => {
    const sections = new DrivvoSections();
    expect(
      ['Refuelling', 'Reabastecimiento', 'Abastecimento', 'Rifornimento', 'Tankowanie', 'Заправка'].map((name) =>
        sections.sectionOf(name, columns(20)),
      ),
    ).toEqual(Array(6).fill('refuelling'));
    expect(['Service', 'Servicio', 'Serviço', 'Serwis'].map((name) => sections.sectionOf(name, columns(6)))).toEqual(
      Array(4).fill('service'),
    );
    expect(['Expense', 'Despesa', 'Gasto', 'Wydatki'].map((name) => sections.sectionOf(name, columns(7)))).toEqual(
      Array(4).fill('expense'),
    );
    expect(['Income', 'Receita', 'Route', 'Vehicle'].map((name) => sections.sectionOf(name, columns(7)))).toEqual(
      Array(4).fill(undefined),
    );
  });

  it('takes an unknown name as the next section only when its header fits', () => {
    const sections = new DrivvoSections();
    expect(sections.sectionOf('Log', columns(21))).toBeUndefined();
    expect(sections.sectionOf('Yakıt', columns(20))).toBe('refuelling');
    expect(sections.sectionOf('Bakım', columns(25))).toBeUndefined();
    expect(sections.sectionOf('Bakım', columns(6))).toBe('service');
    expect(sections.sectionOf('Gider', columns(7))).toBe('expense');
    expect(sections.sectionOf('Gelir', columns(5))).toBeUndefined();
  });
});
