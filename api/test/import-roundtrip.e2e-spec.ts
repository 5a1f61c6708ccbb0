import sharp from 'sharp';
import { Open } from 'unzipper';
import { ImportJobsPurgeService } from '../src/features/import-export/domain/import-jobs-purge.service';
import { useCapsuleApi } from './support/capsule-api';
import { useDocumentBackend } from './support/document-backends';
import { ApiSchema } from './support/json-call';

type Vehicle = ApiSchema<'VehicleDto'>;
type Station = ApiSchema<'StationDto'>;
type FillUp = ApiSchema<'FuelLogDto'>;
type ServiceRecord = ApiSchema<'MaintenanceRecordDto'>;
type Reminder = ApiSchema<'ReminderDto'>;
type StoredDocument = ApiSchema<'DocumentDto'>;
type DocumentUsage = ApiSchema<'DocumentUsageDto'>;
type Me = ApiSchema<'MeDto'>;
type ImportJob = ApiSchema<'ImportJobDto'>;
type CommitResult = ApiSchema<'ImportCommitResultDto'>;
type Reading = { id: string; vehicleId: string; source: string; sourceId: string; recordedAt: string };
type ExportJson = {
  exportedAt: string;
  odometerReadings: Reading[];
  maintenanceRecords: { id: string; parts: { id: string; name: string }[] }[];
  reminders: { alertedStatus: string }[];
} & Record<string, unknown>;

const minimalPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);
const receiptText = Buffer.from('Corner Garage\nOil and filter change\nTotal 130.96 EUR\n');

const preferences = {
  distanceUnit: 'km',
  volumeUnit: 'l',
  economyUnit: 'l_per_100km',
  currency: 'EUR',
  locale: 'de-DE',
  timeZone: 'Europe/Berlin',
  dueSoonDays: 45,
  dueSoonDistance: 400,
};

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const serverSet = new Set(['createdAt', 'updatedAt', 'userId']);

/**
 * A value as two accounts can be compared: every id the account's correspondence knows (in values,
 * keys and paths) replaced by the record's natural key, server-set times and owners dropped, and
 * lists of records sorted by that key (lists break ties by id, and ids differ between accounts).
 */
function normalized(value: unknown, keys: ReadonlyMap<string, string>): unknown {
  const rename = (text: string) => text.replace(uuid, (id) => keys.get(id) ?? id);
  if (typeof value === 'string') return rename(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => normalized(item, keys));
    const byKey = (item: unknown) => (item as { id: string }).id;
    if (items.length > 0 && items.every((item) => typeof byKey(item) === 'string'))
      items.sort((a, b) => byKey(a).localeCompare(byKey(b)));
    return items;
  }
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !serverSet.has(key))
        .map(([key, field]) => [rename(key), normalized(field, keys)]),
    );
  return value;
}

describe('import of our own export: a round trip into a second account', () => {
  const backend = useDocumentBackend('disk');
  const capsule = useCapsuleApi({ label: 'import_roundtrip', env: () => backend.env() });
  const { call } = capsule;
  /** The bytes alice uploaded, by document title. */
  const uploaded = new Map<string, Buffer>();
  let zip: Buffer;

  const created = async <Body = { id: string }>(path: string, body: unknown) => {
    const answer = await call<Body>('POST', path, body);
    expect({ path, status: answer.status, body: answer.status === 201 ? null : answer.body }).toEqual({
      path,
      status: 201,
      body: null,
    });
    return answer.body;
  };
  const read = async <Body>(path: string, token: string) => {
    const answer = await call<Body>('GET', path, undefined, token);
    expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    return answer.body;
  };
  const exportOf = async (token: string) => {
    const response = await fetch(`${capsule.api.url}/api/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const exportJsonOf = async (token: string) => {
    const archive = await Open.buffer(await exportOf(token));
    const entry = archive.files.find((file) => file.path === 'motovaultpro.json')!;
    return JSON.parse((await entry.buffer()).toString('utf8')) as ExportJson;
  };
  const upload = (file: Buffer, token: string) => {
    const body = new FormData();
    body.append('format', 'motovaultpro');
    body.append('file', new Blob([file], { type: 'application/zip' }), 'motovaultpro-export.zip');
    return call<ImportJob>('POST', '/api/import', body, token);
  };
  const commit = (id: string, token: string) => call<CommitResult>('POST', `/api/import/${id}/commit`, {}, token);
  /** Uploads the zip as `token`, checks its preview is clean and commits it; the commit's counts. */
  const importInto = async (token: string) => {
    const job = await upload(zip, token);
    expect(job.status === 201 ? 201 : job.body).toBe(201);
    expect(job.body).toMatchObject({ format: 'motovaultpro', errorCount: 0, errors: [] });
    const committed = await commit(job.body.id, token);
    expect([200, 201]).toContain(committed.status);
    return committed.body;
  };
  const document = async (fields: Record<string, string>, bytes: Buffer, type: string, fileName: string) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', new Blob([bytes], { type }), fileName);
    uploaded.set(fields.title, bytes);
    return created<StoredDocument>('/api/documents', form);
  };

  /** Each document's bytes and media type as downloaded, by id. */
  const contentsOf = async (documents: StoredDocument[], token: string) => {
    const contents: Record<string, { type: string | null; base64: string }> = {};
    for (const entry of documents) {
      const response = await fetch(`${capsule.api.url}/api/documents/${entry.id}/content`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      contents[entry.id] = { type: response.headers.get('content-type'), base64: bytes.toString('base64') };
    }
    return contents;
  };

  /** Everything the account shows: each list, each record's statistics, the documents' bytes, its export. */
  const snapshotOf = async (token: string) => {
    const list = async <Item>(path: string) => {
      const page = await read<{ items: Item[]; total: number }>(
        `${path}${path.includes('?') ? '&' : '?'}pageSize=100`,
        token,
      );
      expect(page.items).toHaveLength(page.total);
      return page.items;
    };
    const each = async (ids: string[], path: (id: string) => string) =>
      Object.fromEntries(await Promise.all(ids.map(async (id) => [id, await read(path(id), token)] as const)));
    const vehicles = await list<Vehicle>('/api/vehicles');
    const stations = await list<Station>('/api/stations');
    const vehicleIds = vehicles.map((vehicle) => vehicle.id);
    // A deleted vehicle's records and documents are gone from the lists with it, and from the export,
    // but its documents' bytes still count in the quota (it can be restored): they are left out of it.
    const documents = await list<StoredDocument>('/api/documents');
    const usage = await read<DocumentUsage>('/api/documents/usage', token);
    const deletedVehiclesBytes = token === capsule.alice ? minimalPdf.length : 0;
    const me = await read<Me>('/api/me', token);
    const exported = await exportJsonOf(token);
    return {
      preferences: Object.fromEntries(Object.keys(preferences).map((key) => [key, me[key as keyof Me]])),
      vehicles,
      vehicleDetails: await each(vehicleIds, (id) => `/api/vehicles/${id}`),
      stations,
      fillUps: (await Promise.all(vehicleIds.map((id) => list<FillUp>(`/api/fuel-logs?vehicleId=${id}`)))).flat(),
      records: await list<ServiceRecord>('/api/maintenance/records'),
      reminders: await list<Reminder>('/api/maintenance/reminders?includeCompleted=true'),
      dueList: await read('/api/maintenance/reminders/due?pageSize=100', token),
      documents,
      documentUsage: { ...usage, usedBytes: usage.usedBytes - deletedVehiclesBytes },
      documentBytes: await contentsOf(documents, token),
      fuelStats: await read('/api/fuel-stats', token),
      vehicleFuelStats: await each(vehicleIds, (id) => `/api/vehicles/${id}/fuel-stats`),
      costs: await read('/api/costs', token),
      vehicleCosts: await each(vehicleIds, (id) => `/api/vehicles/${id}/costs`),
      stationPrices: await each(
        stations.map((station) => station.id),
        (id) => `/api/stations/${id}/prices`,
      ),
      export: {
        ...exported,
        exportedAt: undefined,
        // An initial reading is dated when its vehicle was made (the vehicle's createdAt, server-set).
        odometerReadings: exported.odometerReadings.map(({ recordedAt, ...reading }) =>
          reading.source === 'initial' ? reading : { ...reading, recordedAt },
        ),
        // What the owner was last alerted of: bookkeeping of the notifications sent to that account.
        reminders: exported.reminders.map(({ alertedStatus: _alertedStatus, ...reminder }) => reminder),
      },
    };
  };
  type Snapshot = Awaited<ReturnType<typeof snapshotOf>>;

  /** Each record's id → its natural key, the same in both accounts; a key twice would make the test blind. */
  const correspondence = (snapshot: Snapshot) => {
    const keys = new Map<string, string>();
    const add = <Item extends { id: string }>(items: Item[], keyOf: (item: Item) => string) => {
      for (const item of items) keys.set(item.id, keyOf(item));
    };
    const of = (id: string | null) => (id === null ? null : (keys.get(id) ?? id));
    add(snapshot.vehicles, (vehicle) => `vehicle ${vehicle.nickname}`);
    add(snapshot.stations, (station) => `station ${station.name}`);
    add(snapshot.fillUps, (fill) => `fill-up ${of(fill.vehicleId)} ${fill.filledAt} ${fill.odometer}`);
    add(snapshot.records, (record) => `record ${of(record.vehicleId)} ${record.performedAt} ${record.title}`);
    for (const record of snapshot.export.maintenanceRecords)
      add(record.parts, (part) => `part ${of(record.id)} ${part.name}`);
    add(snapshot.reminders, (reminder) => `reminder ${of(reminder.vehicleId)} ${reminder.title}`);
    add(snapshot.documents, (entry) => `document ${entry.title}`);
    add(
      snapshot.export.odometerReadings,
      (reading) => `reading ${of(reading.vehicleId)} ${reading.source} ${of(reading.sourceId)}`,
    );
    expect(new Set(keys.values()).size).toBe(keys.size);
    return keys;
  };
  const comparable = (snapshot: Snapshot) => normalized(snapshot, correspondence(snapshot));

  beforeAll(async () => {
    expect((await call('PATCH', '/api/me', preferences)).status).toBe(200);

    const daily = await created<Vehicle>('/api/vehicles', {
      nickname: 'Daily',
      vin: '1HGCM82633A004352',
      make: 'Honda',
      model: 'Accord',
      year: 2003,
      vehicleType: 'car',
      color: 'Silver',
      licensePlate: 'B-MV 2003',
      licenseRegion: 'BE',
      purchaseDate: '2025-11-15',
      purchasePrice: 4200,
      odometerUnit: 'km',
      initialOdometer: 10000,
      fuelTypes: ['gasoline'],
      tankCapacity: 65,
      tankCapacityUnit: 'l',
      notes: 'Bought from a neighbour',
    });
    const weekend = await created<Vehicle>('/api/vehicles', {
      nickname: 'Weekend',
      make: 'Triumph',
      model: 'Bonneville',
      year: 2018,
      vehicleType: 'motorcycle',
      odometerUnit: 'mi',
      initialOdometer: 5000,
      fuelTypes: ['gasoline'],
      status: 'stored',
    });

    const aral = await created<Station>('/api/stations', {
      name: 'Aral Nord',
      provider: 'osm',
      providerId: 'node/2716420551',
      brand: 'Aral',
      address: 'Müllerstraße 1, Berlin',
      latitude: 52.5412,
      longitude: 13.3561,
      fuelTypes: ['octane_95', 'diesel'],
      isFavorite: true,
    });
    await created('/api/stations', { name: 'Esso Süd', notes: 'Cheap on Mondays' });
    const gone = await created('/api/stations', { name: 'Closed Station' });
    expect((await call('DELETE', `/api/stations/${gone.id}`)).status).toBe(204);

    const fill = (vehicleId: string, fields: Record<string, unknown>) =>
      created<FillUp>('/api/fuel-logs', { vehicleId, ...fields });
    await fill(daily.id, {
      filledAt: '2026-03-02T07:10:00Z',
      odometer: 10200,
      quantity: 40,
      totalCost: 68,
      stationId: aral.id,
    });
    await fill(daily.id, {
      filledAt: '2026-03-16T16:45:00Z',
      odometer: 10750,
      quantity: 38.5,
      pricePerUnit: 1.729,
      stationName: 'Corner Fuel',
    });
    await fill(daily.id, {
      filledAt: '2026-03-30T12:00:00Z',
      odometer: 11000,
      quantity: 15,
      totalCost: 26.1,
      isFull: false,
    });
    await fill(daily.id, { filledAt: '2026-04-10T08:00:00Z', odometer: 11420, quantity: 30, totalCost: 52.2 });
    await fill(daily.id, {
      filledAt: '2026-05-01T09:30:00Z',
      odometer: 12100,
      quantity: 41,
      totalCost: 71.75,
      missedPrevious: true,
      stationId: aral.id,
    });
    await fill(daily.id, {
      filledAt: '2026-05-20T18:00:00Z',
      odometer: 12600,
      quantity: 35,
      totalCost: 62.3,
      currency: 'USD',
      tags: ['holiday', 'abroad'],
    });
    const receiptFill = await fill(daily.id, {
      filledAt: '2026-06-05T06:15:00Z',
      odometer: 13050,
      quantity: 33,
      totalCost: 61.05,
      fuelType: 'gasoline',
      fuelGrade: '98',
      notes: 'Premium, "just once"\nfor the trip',
    });
    const deletedFill = await fill(daily.id, {
      filledAt: '2026-06-20T10:00:00Z',
      odometer: 13300,
      quantity: 20,
      totalCost: 35,
    });
    expect((await call('DELETE', `/api/fuel-logs/${deletedFill.id}`)).status).toBe(204);

    await fill(weekend.id, {
      filledAt: '2026-04-05T10:00:00Z',
      odometer: 5100,
      quantity: 3.2,
      quantityUnit: 'gal_us',
      totalCost: 12.5,
    });
    await fill(weekend.id, {
      filledAt: '2026-04-19T10:00:00Z',
      odometer: 5260,
      quantity: 3,
      quantityUnit: 'gal_us',
      totalCost: 11.9,
    });
    await fill(weekend.id, {
      filledAt: '2026-05-03T10:00:00Z',
      odometer: 5300,
      quantity: 1.1,
      quantityUnit: 'gal_us',
      totalCost: 4.4,
      isFull: false,
    });
    await fill(weekend.id, {
      filledAt: '2026-05-17T10:00:00Z',
      odometer: 5420,
      quantity: 2.9,
      quantityUnit: 'gal_us',
      totalCost: 11.6,
    });
    await fill(weekend.id, {
      filledAt: '2026-06-01T10:00:00Z',
      odometer: 5580,
      quantity: 3.3,
      quantityUnit: 'gal_us',
      pricePerUnit: 4.05,
      stationName: 'Corner Fuel',
    });

    const oilChange = await created<ServiceRecord>('/api/maintenance/records', {
      vehicleId: daily.id,
      performedAt: '2026-03-20',
      odometer: 10800,
      category: 'oil',
      serviceKey: 'oil_change',
      title: 'Oil and filter change',
      parts: [
        { name: 'Oil filter', partNumber: 'PH7317', quantity: 1, unitCost: 12.5 },
        { name: 'Engine oil 5W-30', quantity: 4.5, unitCost: 8.99 },
      ],
      labourCost: 45,
      shop: 'Corner Garage',
      tags: ['service'],
    });
    await created('/api/maintenance/records', {
      vehicleId: daily.id,
      performedAt: '2026-05-10',
      odometer: 12300,
      category: 'Detailing  & Wax',
      title: 'Hand wash and wax',
      totalCost: 80,
      notes: 'Interior too',
    });
    await created('/api/maintenance/records', {
      vehicleId: weekend.id,
      performedAt: '2026-04-25',
      odometer: 5280,
      category: 'tires',
      title: 'New rear tyre',
      parts: [{ name: 'Rear tyre', quantity: 1, unitCost: 180 }],
    });
    await created('/api/maintenance/records', {
      vehicleId: weekend.id,
      performedAt: '2026-05-25',
      odometer: 5500,
      category: 'Chain Care',
      title: 'Chain clean and lube',
    });

    await created('/api/maintenance/reminders', {
      vehicleId: daily.id,
      title: 'Oil change',
      category: 'oil',
      serviceKey: 'oil_change',
      intervalMonths: 6,
      intervalDistance: 10000,
      startDate: '2026-03-01',
      startOdometer: 10000,
    });
    const inspection = await created<Reminder>('/api/maintenance/reminders', {
      vehicleId: daily.id,
      title: 'Annual inspection',
      category: 'inspection',
      dueDate: '2026-07-01',
    });
    const completed = await call('POST', `/api/maintenance/reminders/${inspection.id}/complete`, {
      performedAt: '2026-06-10',
      odometer: 13100,
      totalCost: 120,
      shop: 'TÜV Nord',
    });
    expect(completed.status === 200 ? 200 : completed.body).toBe(200);
    await created('/api/maintenance/reminders', {
      vehicleId: daily.id,
      title: 'Registration renewal',
      category: 'other',
      dueDate: '2027-01-10',
      notes: 'Online at the Bürgeramt',
    });
    await created('/api/maintenance/reminders', {
      vehicleId: weekend.id,
      title: 'Chain adjustment',
      category: 'chain care',
      intervalDistance: 600,
      startDate: '2026-04-01',
      startOdometer: 5000,
    });
    await created('/api/maintenance/reminders', {
      vehicleId: weekend.id,
      title: 'Valve clearance check',
      category: 'repair',
      dueOdometer: 5600,
    });

    const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#c04020' } })
      .png()
      .toBuffer();
    await document(
      { title: 'Insurance 2026', kind: 'insurance', vehicleId: daily.id, expiresOn: '2026-12-20' },
      minimalPdf,
      'application/pdf',
      'insurance 2026.pdf',
    );
    await document(
      { title: 'Oil change receipt', kind: 'receipt', maintenanceRecordId: oilChange.id },
      receiptText,
      'text/plain',
      'receipt.txt',
    );
    await document({ title: 'Pump photo', fuelLogId: receiptFill.id }, png, 'image/png', 'IMG_0042.png');
    await document(
      { title: 'Owner handbook', kind: 'manual', notes: 'For every car' },
      minimalPdf,
      'application/pdf',
      '../handbook.pdf',
    );
    await document(
      { title: 'Bike registration', kind: 'registration', vehicleId: weekend.id, expiresOn: '2027-03-01' },
      minimalPdf,
      'application/pdf',
      'registration.pdf',
    );

    const sold = await created<Vehicle>('/api/vehicles', {
      nickname: 'Old Van',
      make: 'VW',
      model: 'T4',
      odometerUnit: 'km',
    });
    await fill(sold.id, { filledAt: '2026-02-01T08:00:00Z', odometer: 100, quantity: 50, totalCost: 80 });
    await created('/api/maintenance/records', {
      vehicleId: sold.id,
      performedAt: '2026-02-10',
      odometer: 150,
      category: 'repair',
      title: 'Clutch',
      totalCost: 900,
    });
    await created('/api/maintenance/reminders', {
      vehicleId: sold.id,
      title: 'Sell it',
      category: 'other',
      dueDate: '2026-03-01',
    });
    await document(
      { title: 'Van papers', kind: 'registration', vehicleId: sold.id },
      minimalPdf,
      'application/pdf',
      'van.pdf',
    );
    expect((await call('DELETE', `/api/vehicles/${sold.id}`)).status).toBe(204);

    zip = await exportOf(capsule.alice);
  });

  it('recreates the account in a second one: every record and statistic, links, preferences and bytes', async () => {
    const alice = await snapshotOf(capsule.alice);
    expect(alice.vehicles.map((vehicle) => vehicle.nickname).sort()).toEqual(['Daily', 'Weekend']);
    expect(alice.fillUps).toHaveLength(12);
    expect(alice.documents).toHaveLength(5);
    for (const entry of alice.documents)
      expect(Buffer.from(alice.documentBytes[entry.id].base64, 'base64').equals(uploaded.get(entry.title)!)).toBe(true);

    const result = await importInto(capsule.bob);
    expect(result).toMatchObject({ duplicates: 0, skipped: 0 });
    expect(result.imported).toBeGreaterThan(0);

    const bob = await snapshotOf(capsule.bob);
    const aliceIds = new Set(correspondence(alice).keys());
    expect([...correspondence(bob).keys()].filter((id) => aliceIds.has(id))).toEqual([]);
    expect(comparable(bob)).toEqual(comparable(alice));
  });

  it('adds nothing when the same zip is imported again', async () => {
    const carol = await capsule.issuer.sign({ claims: { sub: 'fake|carol' } });
    const first = await importInto(carol);
    const before = comparable(await snapshotOf(carol));

    const again = await importInto(carol);
    expect(again).toEqual({ imported: 0, duplicates: first.imported, skipped: 0 });
    expect(comparable(await snapshotOf(carol))).toEqual(before);
  });

  it("keeps one user's import job from another", async () => {
    const job = await upload(zip, capsule.bob);
    expect(job.status).toBe(201);
    expect((await call('GET', `/api/import/${job.body.id}`)).status).toBe(404);
    expect((await commit(job.body.id, capsule.alice)).status).toBe(404);
    expect((await read<ImportJob>(`/api/import/${job.body.id}`, capsule.bob)).status).toBe('previewed');
  });

  it('keeps an import’s document bytes staged until its commit, and the purge removes those of one that expired', async () => {
    const staged = async (jobId: string) =>
      Number(
        (await capsule.db.query('select count(*) from public.document_uploads where owner = $1', [`import:${jobId}`]))
          .rows[0].count,
      );
    const inZip = (await Open.buffer(zip)).files.filter((file) => file.path.startsWith('documents/')).length;
    const dave = await capsule.issuer.sign({ claims: { sub: 'fake|dave' } });
    const kept = await upload(zip, dave);
    const dropped = await upload(zip, dave);
    expect(await staged(kept.body.id)).toBe(inZip);
    await capsule.db.query(`update public.import_jobs set expires_at = now() - interval '1 minute' where id = $1`, [
      dropped.body.id,
    ]);
    expect(await capsule.api.app.get(ImportJobsPurgeService).run()).toBeGreaterThanOrEqual(1);
    expect(await staged(dropped.body.id)).toBe(0);
    expect(await staged(kept.body.id)).toBe(inZip);

    expect((await commit(kept.body.id, dave)).status).toBe(200);
    expect(await staged(kept.body.id)).toBe(0);
    const files = await read<{ items: { id: string }[] }>('/api/documents?pageSize=100', dave);
    expect(files.items.length).toBeGreaterThanOrEqual(inZip);
  });
});
