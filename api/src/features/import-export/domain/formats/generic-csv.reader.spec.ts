import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { ColumnMapping, readGenericCsv } from './generic-csv.reader';
import type { ImportLine, ReadOptions } from './imported-records';

const fixture = (name: string) =>
  createReadStream(join(__dirname, '../../../../../test/fixtures/import/generic', name));
const collect = async (lines: AsyncIterable<ImportLine>) => {
  const all: ImportLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
};
const berlin: ReadOptions = {
  timeZone: 'Europe/Berlin',
  distanceUnit: 'km',
  volumeUnit: 'l',
  currency: 'EUR',
  decimalComma: true,
};

describe('readGenericCsv', () => {
  const germanFills: ColumnMapping = {
    records: 'fill-up',
    dateFormat: 'dd.MM.yyyy HH:mm',
    columns: {
      filledAt: 'Datum',
      odometer: 'Kilometerstand',
      quantity: 'Liter',
      pricePerUnit: 'Preis/L',
      totalCost: 'Betrag',
      isFull: 'Voll',
      stationName: 'Tankstelle',
      notes: 'Notiz',
    },
  };

  it('reads fill-ups through the mapping: decimal comma, semicolons, BOM, CRLF, a cell over two lines', async () => {
    const lines = await collect(readGenericCsv(fixture('fill-ups-de.csv'), berlin, germanFills));
    expect(lines.slice(0, 3)).toEqual([
      {
        line: 2,
        record: {
          kind: 'fill-up',
          vehicle: undefined,
          filledAt: '2024-01-05T07:30:00.000Z',
          odometer: 15200,
          odometerUnit: 'km',
          quantity: 38.4,
          quantityUnit: 'l',
          pricePerUnit: 1.65,
          totalCost: 63.36,
          currency: 'EUR',
          isFull: true,
          missedPrevious: false,
          fuelType: undefined,
          fuelGrade: undefined,
          stationName: 'Orlen Main',
          notes: undefined,
          tags: undefined,
        },
      },
      { line: 3, record: expect.objectContaining({ isFull: false, notes: 'halb voll; bar', totalCost: 34 }) },
      { line: 5, record: expect.objectContaining({ odometer: 16420, notes: 'zwei\nZeilen' }) },
    ]);
  });

  it('names every bad field of a line, with its line number', async () => {
    const lines = await collect(readGenericCsv(fixture('fill-ups-de.csv'), berlin, germanFills));
    expect(lines.slice(3)).toEqual([
      {
        line: 7,
        problems: [
          { field: 'filledAt', message: 'is not a date written dd.MM.yyyy HH:mm: “31.02.2024 09:00”' },
          { field: 'quantity', message: 'cannot be negative' },
        ],
      },
      {
        line: 8,
        problems: [
          { field: 'pricePerUnit', message: 'is not a number: “abc”' },
          { field: 'odometer', message: 'is empty' },
          { field: 'totalCost', message: 'needs two of the quantity, the price per unit and the total cost' },
        ],
      },
    ]);
  });

  it('reads service records; a mapping naming a column the file lacks is one problem at the header', async () => {
    const mapping: ColumnMapping = {
      records: 'service',
      dateFormat: 'yyyy-MM-dd',
      columns: {
        performedAt: 'When',
        odometer: 'Odo',
        title: 'What',
        category: 'Kind',
        totalCost: 'Paid',
        notes: 'Comment',
      },
    };
    const options = { ...berlin, distanceUnit: 'mi' as const, currency: 'USD', decimalComma: false };
    const lines = await collect(readGenericCsv(fixture('service-en.csv'), options, mapping));
    expect(lines).toEqual([
      {
        line: 2,
        record: {
          kind: 'service',
          vehicle: undefined,
          performedAt: '2024-02-10',
          odometer: 40980,
          odometerUnit: 'mi',
          title: 'Oil change',
          category: 'oil',
          totalCost: 64.9,
          currency: 'USD',
          notes: '5W-30',
          tags: undefined,
        },
      },
      { line: 3, record: expect.objectContaining({ totalCost: 1120, notes: 'front, rear', category: 'brakes' }) },
      { line: 4, problems: [{ field: 'title', message: 'is empty' }] },
    ]);

    const wrong = { ...mapping, columns: { ...mapping.columns, notes: 'Remarks' } };
    expect(await collect(readGenericCsv(fixture('service-en.csv'), options, wrong))).toEqual([
      { line: 1, problems: [{ field: 'notes', message: 'column “Remarks” is not in the file' }] },
    ]);
  });
});
