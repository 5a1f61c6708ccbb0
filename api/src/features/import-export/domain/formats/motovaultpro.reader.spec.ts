import { buffer } from 'node:stream/consumers';
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { StagedFile } from '../../../documents';
import { motovaultproJson } from '../export/export-text';
import type { ImportLine } from './imported-records';
import { readMotovaultpro } from './motovaultpro.reader';

const vehicleId = '3f9a1c2e-8b7d-4e6f-9a1b-2c3d4e5f6a7b';
const documentId = '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e';
const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');

const preferences = {
  displayName: 'Alice',
  distanceUnit: 'km',
  volumeUnit: 'l',
  economyUnit: 'l_per_100km',
  currency: 'EUR',
  locale: 'de-DE',
  timeZone: 'Europe/Berlin',
  dueSoonDays: 30,
  dueSoonDistance: null,
};
const vehicle = {
  id: vehicleId,
  make: 'Honda',
  model: 'CB500X',
  year: 2021,
  odometerUnit: 'km',
  initialOdometer: 1000,
  currentOdometer: 1750,
  createdAt: '2026-01-02T10:00:00.000Z',
};
const fillUp = {
  id: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f',
  vehicleId,
  filledAt: '2026-03-01T08:30:00.000Z',
  odometer: 1250,
  quantity: 12.5,
  quantityUnit: 'l',
  pricePerUnit: 1.812,
  totalCost: 22.65,
  currency: 'EUR',
  isFull: true,
  missedPrevious: false,
};
const document = {
  id: documentId,
  title: 'Insurance',
  kind: 'insurance',
  fileName: 'insurance.pdf',
  mediaType: 'application/pdf',
  sizeBytes: pdf.length,
  sha256: 'a'.repeat(64),
  vehicleId,
  path: `documents/${documentId}/insurance.pdf`,
};

type Sections = Record<string, Record<string, unknown>[]>;

/** A zip laid out as the export writes it (or with the JSON ahead of the documents). */
async function exportZip(sections: Sections, options: { jsonFirst?: boolean; version?: number } = {}) {
  const zip = new ZipFile();
  const json = async () => {
    let text = '';
    const head = {
      format: 'motovaultpro',
      version: options.version ?? 1,
      exportedAt: '2026-04-01T00:00:00Z',
      preferences,
    };
    const entries = Object.entries(sections).map(([key, records]) => ({ key, records: Readable.from(records) }));
    for await (const piece of motovaultproJson(head, entries)) text += piece;
    return Buffer.from(text);
  };
  if (options.jsonFirst) zip.addBuffer(await json(), 'motovaultpro.json');
  zip.addBuffer(pdf, `documents/${documentId}/insurance.pdf`);
  if (!options.jsonFirst) zip.addBuffer(await json(), 'motovaultpro.json');
  zip.addBuffer(Buffer.from('id\n'), 'csv/vehicles.csv');
  zip.end();
  return buffer(zip.outputStream as Readable);
}

async function read(bytes: Buffer) {
  const staged: { name: string; bytes: Buffer }[] = [];
  const stage = async (name: string, stream: Readable): Promise<StagedFile> => {
    staged.push({ name, bytes: await buffer(stream) });
    return {
      id: `staged-${staged.length}`,
      key: 'k',
      fileName: name,
      mediaType: 'application/pdf',
      sizeBytes: 1,
      sha256: '',
    };
  };
  const lines: ImportLine[] = [];
  for await (const line of readMotovaultpro(Readable.from([bytes]), stage)) lines.push(line);
  return { lines, staged };
}

const full: Sections = {
  vehicles: [vehicle],
  odometerReadings: [{ id: 'r', vehicleId, source: 'initial' }],
  fuelLogs: [fillUp],
  maintenanceRecords: [],
  reminders: [],
  stations: [],
  documents: [document],
};

describe('readMotovaultpro', () => {
  it('reads the preferences and each record at its line, staging the documents’ bytes', async () => {
    const { lines, staged } = await read(await exportZip(full));
    const { currentOdometer: _derived, ...restoredVehicle } = vehicle;
    expect(staged).toEqual([{ name: 'insurance.pdf', bytes: pdf }]);
    expect(
      lines.map((line) => [line.line, 'record' in line && 'section' in line.record && line.record.section]),
    ).toEqual([
      [1, 'preferences'],
      [2, 'vehicles'],
      [6, 'fuelLogs'],
      [8, 'documents'],
    ]);
    expect(lines[1]).toMatchObject({
      record: { kind: 'exported', section: 'vehicles', fields: { ...restoredVehicle, trim: null, status: 'active' } },
    });
    expect(lines[3]).toMatchObject({ record: { section: 'documents', staged: { id: 'staged-1' } } });
  });

  it('finds the documents’ bytes wherever the zip holds them', async () => {
    const { lines } = await read(await exportZip(full, { jsonFirst: true }));
    expect(lines.at(-1)).toMatchObject({ line: 8, record: { section: 'documents', staged: { id: 'staged-1' } } });
  });

  it('names each bad field of a record by its section, and reads on', async () => {
    const bad = { ...fillUp, quantity: -1, quantityUnit: 'barrel' };
    const { lines } = await read(await exportZip({ vehicles: [vehicle], fuelLogs: [bad, fillUp] }));
    expect(lines[2]).toEqual({
      line: 4,
      problems: [
        { field: 'fuelLogs.quantity', message: expect.any(String) },
        { field: 'fuelLogs.quantityUnit', message: expect.any(String) },
      ],
    });
    expect(lines[3]).toMatchObject({ line: 5, record: { section: 'fuelLogs' } });
  });

  it('refuses what is not an export it can read, at line 1', async () => {
    const problem = async (bytes: Buffer) => (await read(bytes)).lines;
    expect(await problem(Buffer.from('date,odometer\n'))).toEqual([
      { line: 1, problems: [{ field: 'file', message: expect.stringContaining('not a MotoVaultPro export') }] },
    ]);
    expect(await problem(await exportZip(full, { version: 7 }))).toEqual([
      { line: 1, problems: [{ field: 'file', message: expect.stringContaining('version 7') }] },
    ]);
    const empty = new ZipFile();
    empty.addBuffer(Buffer.from('x'), 'notes.txt');
    empty.end();
    expect(await problem(await buffer(empty.outputStream as Readable))).toEqual([
      { line: 1, problems: [{ field: 'file', message: expect.stringContaining('no motovaultpro.json') }] },
    ]);
  });
});
