import { Open } from 'unzipper';
import { parse } from 'csv-parse/sync';
import { useCapsuleApi } from './support/capsule-api';
import { useDocumentBackend } from './support/document-backends';
import { ApiSchema } from './support/json-call';

type Vehicle = ApiSchema<'VehicleDto'>;

interface ExportJson {
  format: string;
  version: number;
  exportedAt: string;
  preferences: Record<string, unknown>;
  vehicles: Record<string, unknown>[];
  odometerReadings: Record<string, unknown>[];
  fuelLogs: Record<string, unknown>[];
  maintenanceRecords: (Record<string, unknown> & { parts: Record<string, unknown>[] })[];
  reminders: Record<string, unknown>[];
  stations: Record<string, unknown>[];
  documents: (Record<string, unknown> & { path: string | null })[];
}

const minimalPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);

const csvFiles = ['vehicles', 'fuel-logs', 'maintenance-records', 'reminders', 'stations', 'documents'];

describe('export', () => {
  const backend = useDocumentBackend('disk');
  const capsule = useCapsuleApi({ label: 'export', env: () => backend.env() });
  const { call } = capsule;

  /** Downloads the caller's export and opens it: its response headers and its files by path. */
  const download = async (token: string) => {
    const response = await fetch(`${capsule.api.url}/api/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const zip = await Open.buffer(Buffer.from(await response.arrayBuffer()));
    const files = new Map<string, Buffer>();
    for (const file of zip.files) files.set(file.path, await file.buffer());
    const json = JSON.parse(files.get('motovaultpro.json')!.toString('utf8')) as ExportJson;
    const csv = (name: string) => {
      const text = files.get(`csv/${name}.csv`)!.toString('utf8');
      return {
        header: text.split('\n')[0].split(','),
        rows: parse(text, { columns: true }) as Record<string, string>[],
      };
    };
    return { headers: response.headers, files, json, csv };
  };

  const created = async <Body = { id: string }>(path: string, body: unknown, token = capsule.alice) => {
    const answer = await call<Body>('POST', path, body, token);
    expect(answer.status).toBe(201);
    return answer.body;
  };

  it('holds everything the user owns: the JSON, a CSV per record type and the documents’ bytes', async () => {
    await call('PATCH', '/api/me', { distanceUnit: 'km', currency: 'EUR', timeZone: 'Europe/Berlin' });
    const vehicle = await created<Vehicle>('/api/vehicles', {
      make: 'Honda',
      model: 'CB500X',
      year: 2021,
      odometerUnit: 'km',
      initialOdometer: 1000,
    });
    const station = await created('/api/stations', { name: 'Aral Nord', isFavorite: true });
    const fills: { id: string }[] = [];
    for (let day = 1; day <= 3; day++) {
      fills.push(
        await created('/api/fuel-logs', {
          vehicleId: vehicle.id,
          filledAt: `2026-03-0${day}T08:30:00Z`,
          odometer: 1000 + day * 250,
          quantity: 12.5,
          quantityUnit: 'l',
          totalCost: 22.4 + day,
          currency: 'EUR',
          stationId: station.id,
          tags: ['commute', 'a, b'],
          notes: 'Full, "quoted"\nnext line',
        }),
      );
    }
    const record = await created('/api/maintenance/records', {
      vehicleId: vehicle.id,
      performedAt: '2026-03-10',
      odometer: 2000,
      category: 'oil',
      title: 'Oil change',
      currency: 'EUR',
      parts: [{ name: 'Oil filter', quantity: 1, unitCost: 12.5 }],
    });
    await created('/api/maintenance/records', {
      vehicleId: vehicle.id,
      performedAt: '2026-03-12',
      odometer: 2100,
      category: 'tires',
      title: 'New tires',
    });
    const reminder = await created('/api/maintenance/reminders', {
      vehicleId: vehicle.id,
      title: 'Oil change',
      category: 'oil',
      intervalMonths: 12,
    });
    const form = new FormData();
    form.append('title', 'Insurance');
    form.append('kind', 'insurance');
    form.append('vehicleId', vehicle.id);
    form.append('file', new Blob([minimalPdf], { type: 'application/pdf' }), '../policy 2026.pdf');
    const document = await created('/api/documents', form);

    const { headers, files, json, csv } = await download(capsule.alice);

    expect(headers.get('content-type')).toBe('application/zip');
    expect(headers.get('content-disposition')).toMatch(
      /^attachment; filename="motovaultpro-export-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(json).toMatchObject({ format: 'motovaultpro', version: 1 });
    expect(Date.parse(json.exportedAt)).not.toBeNaN();
    expect(json.preferences).toMatchObject({ distanceUnit: 'km', currency: 'EUR', timeZone: 'Europe/Berlin' });
    expect(json.vehicles).toHaveLength(1);
    expect(json.vehicles[0]).toMatchObject({ id: vehicle.id, make: 'Honda', model: 'CB500X', initialOdometer: 1000 });
    expect(json.vehicles[0]).not.toHaveProperty('userId');
    expect(json.vehicles[0]).not.toHaveProperty('deletedAt');
    // The initial reading, three fill-ups' and two services'.
    expect(json.odometerReadings).toHaveLength(6);
    expect(json.fuelLogs.map((fill) => fill.id).sort()).toEqual(fills.map((fill) => fill.id).sort());
    expect(json.fuelLogs.find((fill) => fill.id === fills[1].id)).toEqual(
      expect.objectContaining({
        vehicleId: vehicle.id,
        filledAt: '2026-03-02T08:30:00.000Z',
        odometer: 1500,
        quantity: 12.5,
        quantityUnit: 'l',
        totalCost: 24.4,
        currency: 'EUR',
        isFull: true,
        missedPrevious: false,
        stationId: station.id,
        tags: ['commute', 'a, b'],
        notes: 'Full, "quoted"\nnext line',
      }),
    );
    expect(json.maintenanceRecords).toHaveLength(2);
    expect(json.maintenanceRecords.find((entry) => entry.id === record.id)?.parts).toEqual([
      expect.objectContaining({ name: 'Oil filter', quantity: 1, unitCost: 12.5 }),
    ]);
    expect(json.reminders).toEqual([expect.objectContaining({ id: reminder.id, intervalMonths: 12 })]);
    expect(json.stations).toEqual([expect.objectContaining({ id: station.id, name: 'Aral Nord', isFavorite: true })]);
    expect(json.documents).toEqual([
      expect.objectContaining({
        id: document.id,
        title: 'Insurance',
        fileName: '../policy 2026.pdf',
        path: `documents/${document.id}/policy 2026.pdf`,
      }),
    ]);
    expect(files.get(json.documents[0].path!)?.equals(minimalPdf)).toBe(true);

    const counts = Object.fromEntries(csvFiles.map((name) => [name, csv(name).rows.length]));
    expect(counts).toEqual({
      vehicles: 1,
      'fuel-logs': 3,
      'maintenance-records': 2,
      reminders: 1,
      stations: 1,
      documents: 1,
    });
    expect(csv('fuel-logs').header.slice(0, 5)).toEqual(['id', 'vehicleId', 'vehicle', 'filledAt', 'odometer']);
    const fillRow = csv('fuel-logs').rows.find((row) => row.id === fills[1].id)!;
    expect(fillRow).toMatchObject({
      vehicle: '2021 Honda CB500X',
      filledAt: '2026-03-02T08:30:00.000Z',
      odometer: '1500',
      isFull: 'true',
      tags: 'commute; a, b',
      notes: 'Full, "quoted"\nnext line',
    });
    expect(csv('maintenance-records').rows.find((row) => row.id === record.id)?.parts).toBe('Oil filter × 1 @ 12.5');
    expect(csv('documents').rows[0].path).toBe(`documents/${document.id}/policy 2026.pdf`);
  });

  it('holds none of another user’s records', async () => {
    const { files, json, csv } = await download(capsule.bob);
    for (const key of [
      'vehicles',
      'odometerReadings',
      'fuelLogs',
      'maintenanceRecords',
      'reminders',
      'stations',
      'documents',
    ] as const) {
      expect(json[key]).toEqual([]);
    }
    for (const name of csvFiles) expect(csv(name).rows).toEqual([]);
    expect([...files.keys()].filter((path) => path.startsWith('documents/'))).toEqual([]);
  });

  it('is an empty but valid zip for an account with nothing, each CSV with its header row', async () => {
    const carol = await capsule.issuer.sign({ claims: { sub: 'fake|carol' } });
    const { files, json, csv } = await download(carol);
    expect([...files.keys()].sort()).toEqual(
      ['motovaultpro.json', ...csvFiles.map((name) => `csv/${name}.csv`)].sort(),
    );
    expect(json).toMatchObject({ format: 'motovaultpro', version: 1, vehicles: [], fuelLogs: [], documents: [] });
    expect(csv('vehicles').header).toEqual(expect.arrayContaining(['id', 'name', 'make', 'model']));
    expect(csv('documents').header).toEqual(expect.arrayContaining(['id', 'title', 'fileName', 'path']));
  });

  it('leaves out the records of a deleted vehicle and asks for a signed-in caller', async () => {
    const vehicle = await created<Vehicle>('/api/vehicles', { make: 'Yamaha', model: 'XT', odometerUnit: 'km' });
    await created('/api/fuel-logs', {
      vehicleId: vehicle.id,
      filledAt: '2026-04-01T08:00:00Z',
      odometer: 100,
      quantity: 10,
      totalCost: 20,
    });
    expect((await call('DELETE', `/api/vehicles/${vehicle.id}`)).status).toBe(204);
    const { json } = await download(capsule.alice);
    expect(json.vehicles.map((entry) => entry.id)).not.toContain(vehicle.id);
    expect(json.fuelLogs.filter((fill) => fill.vehicleId === vehicle.id)).toEqual([]);
    expect(json.odometerReadings.filter((reading) => reading.vehicleId === vehicle.id)).toEqual([]);

    const anonymous = await fetch(`${capsule.api.url}/api/export`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
