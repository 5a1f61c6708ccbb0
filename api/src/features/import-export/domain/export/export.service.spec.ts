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

/** Sources with one vehicle and `fills` fill-ups, read 10 at a time; `failAfter` makes the fill-ups fail after that many tens. */
function sourcesWith(fills: number, failAfter?: number): ExportSources {
  async function* pages<T>(records: T[]) {
    yield* records;
  }
  async function* fillUps() {
    for (let page = 0; page * 10 < fills; page++) {
      if (page === failAfter) throw new Error('the database went away');
      yield* Array.from({ length: Math.min(10, fills - page * 10) }, (_, index) => ({
        id: `fill-${page * 10 + index}`,
        vehicleId,
        filledAt: new Date('2026-01-01T00:00:00Z'),
        tags: [],
      }));
    }
  }
  return {
    preferences: () => Promise.resolve(preferences),
    vehicleNames: () => Promise.resolve(new Map([[vehicleId, 'Civic']])),
    vehicles: () => pages([{ id: vehicleId, make: 'Honda', model: 'Civic', userId: 'u', deletedAt: null }]),
    readings: () => pages([]),
    fillUps,
    records: () => pages([]),
    reminders: () => pages([]),
    stations: () => pages([]),
    documents: () => pages([]),
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
    const service = new ExportService(sourcesWith(25), storage);
    const { fileName, stream } = await service.open(scope, new Date('2026-03-01T20:00:00Z'));
    expect(fileName).toBe('motovaultpro-export-2026-03-02.zip');
    const zip = await Open.buffer(await bytesOf(stream));
    const json = JSON.parse((await zip.files.find((file) => file.path === 'motovaultpro.json')!.buffer()).toString());
    expect(json).toMatchObject({ format: 'motovaultpro', version: 1, exportedAt: '2026-03-01T20:00:00.000Z' });
    expect(json.vehicles).toEqual([{ id: vehicleId, make: 'Honda', model: 'Civic' }]);
    expect(json.fuelLogs).toHaveLength(25);
    const csv = (await zip.files.find((file) => file.path === 'csv/fuel-logs.csv')!.buffer()).toString();
    expect(csv.trim().split('\n')).toHaveLength(26);
  });

  it('fails the stream when a read fails part way, so no complete-looking zip comes out', async () => {
    const service = new ExportService(sourcesWith(25, 1), storage);
    const logged = jest.spyOn(service['logger'], 'error').mockImplementation(() => undefined);
    const { stream } = await service.open(scope);
    await expect(bytesOf(stream)).rejects.toThrow('the database went away');
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('the database went away'), expect.any(String));
  });
});
