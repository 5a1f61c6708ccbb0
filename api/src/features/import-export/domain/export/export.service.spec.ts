import { Open } from 'unzipper';
import type { RequestScope } from '../../../../core/identity/scoping/request-scope';
import type { DocumentStorage } from '../../../documents';
import type { ExportSources } from './export-sources.service';
import { ExportService } from './export.service';

const vehicleId = '11111111-1111-4111-8111-111111111111';
const preferences = {
  displayName: null,
  distanceUnit: 'km',
  volumeUnit: 'l',
  economyUnit: 'l_per_100km',
  currency: 'EUR',
  locale: null,
  timeZone: 'Pacific/Auckland',
  dueSoonDays: null,
  dueSoonDistance: null,
};

/** A table of `records` (in id order) read as a capsule's `exportPage` reads it; `failAt` makes that read (0-based) fail. */
function table<T extends { id: string }>(records: T[], failAt?: number) {
  let reads = 0;
  return {
    idOf: (record: T) => record.id,
    readPage: (after: string | null, limit: number) => {
      if (reads++ === failAt) return Promise.reject(new Error('the database went away'));
      return Promise.resolve(records.filter((record) => after === null || record.id > after).slice(0, limit));
    },
  };
}

/** Sources with one vehicle and `fills` fill-ups; `failAt` makes that read of the fill-ups fail. */
function sourcesWith(fills: number, failAt?: number): ExportSources {
  const fillUps = Array.from({ length: fills }, (_, index) => ({
    id: `fill-${String(index).padStart(5, '0')}`,
    vehicleId,
    filledAt: new Date('2026-01-01T00:00:00Z'),
    tags: [],
  }));
  return {
    preferences: () => Promise.resolve(preferences),
    vehicleNames: () => Promise.resolve(new Map([[vehicleId, 'Civic']])),
    vehicles: () => table([{ id: vehicleId, make: 'Honda', model: 'Civic', userId: 'u', deletedAt: null }]),
    readings: () => table([]),
    fillUps: () => table(fillUps, failAt),
    records: () => table([]),
    reminders: () => table([]),
    stations: () => table([]),
    documents: () => table([]),
  } as unknown as ExportSources;
}

const storage = {} as DocumentStorage;
const scope = { userId: 'u' } as RequestScope;

async function bytesOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('ExportService', () => {
  it('names the zip by the day in the user’s time zone and writes the records as they are read', async () => {
    const service = new ExportService(sourcesWith(2500), storage);
    const { fileName, stream } = await service.open(scope, new Date('2026-03-01T20:00:00Z'));
    expect(fileName).toBe('motovaultpro-export-2026-03-02.zip');
    const zip = await Open.buffer(await bytesOf(stream));
    const json = JSON.parse((await zip.files.find((file) => file.path === 'motovaultpro.json')!.buffer()).toString());
    expect(json).toMatchObject({ format: 'motovaultpro', version: 1, exportedAt: '2026-03-01T20:00:00.000Z' });
    expect(json.vehicles).toEqual([{ id: vehicleId, make: 'Honda', model: 'Civic' }]);
    expect(json.fuelLogs).toHaveLength(2500);
    expect(json.fuelLogs[2499]).toEqual({
      id: 'fill-02499',
      vehicleId,
      filledAt: '2026-01-01T00:00:00.000Z',
      tags: [],
    });
    const csv = (await zip.files.find((file) => file.path === 'csv/fuel-logs.csv')!.buffer()).toString();
    expect(csv.trim().split('\n')).toHaveLength(2501);
  });

  it('fails the stream when a read fails part way, so no complete-looking zip comes out', async () => {
    const service = new ExportService(sourcesWith(2500, 1), storage);
    const logged = jest.spyOn(service['logger'], 'error').mockImplementation(() => undefined);
    const { stream } = await service.open(scope);
    await expect(bytesOf(stream)).rejects.toThrow('the database went away');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('the database went away'), expect.any(String));
  });
});
