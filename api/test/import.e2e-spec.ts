import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ImportJobsPurgeService } from '../src/features/import-export/domain/import-jobs-purge.service';
import { useCapsuleApi } from './support/capsule-api';
import { ApiSchema, Problem } from './support/json-call';

type ImportJob = ApiSchema<'ImportJobDto'>;
type CommitResult = ApiSchema<'ImportCommitResultDto'>;
type Vehicle = ApiSchema<'VehicleDto'>;
type FuelLogPage = ApiSchema<'FuelLogPageDto'>;
type FuelStats = ApiSchema<'VehicleFuelStatsDto'>;
type LinesProblem = Problem & { lines: { line: number; field: string; message: string }[]; errorCount?: number };

const fixture = (path: string) => readFileSync(join(__dirname, 'fixtures', 'import', path));

describe('import (upload → preview → commit)', () => {
  const capsule = useCapsuleApi({ label: 'import' });
  const { call } = capsule;

  const upload = (file: Buffer, fileName: string, fields: Record<string, string>, token?: string) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append('file', new Blob([file]), fileName);
    return call<ImportJob>('POST', '/api/import', body, token);
  };
  const commit = <Body = CommitResult>(id: string, choices: object = {}, token?: string) =>
    call<Body>('POST', `/api/import/${id}/commit`, choices, token);
  const newVehicle = async (fields: object = {}, token?: string) =>
    (
      await call<Vehicle>(
        'POST',
        '/api/vehicles',
        { make: 'Honda', model: 'Civic', year: 2019, odometerUnit: 'km', ...fields },
        token,
      )
    ).body;
  const fillUps = async (vehicleId: string) =>
    (await call<FuelLogPage>('GET', `/api/fuel-logs?vehicleId=${vehicleId}&pageSize=100`)).body;
  const stats = async (vehicleId: string) =>
    (await call<FuelStats>('GET', `/api/vehicles/${vehicleId}/fuel-stats`)).body;
  const count = async (table: string) =>
    Number((await capsule.db.query(`select count(*) from public.${table}`)).rows[0].count);
  const written = async () => ({
    fillUps: await count('fuel_logs'),
    records: await count('maintenance_records'),
    vehicles: await count('vehicles'),
    stations: await count('stations'),
    fingerprints: await count('import_fingerprints'),
  });
  const recordsOf = (job: ImportJob, kind: string) => job.preview.filter((entry) => entry.record.kind === kind);

  /** Uploads, checks the preview is clean, commits; the job and the commit's answer. */
  const importClean = async (file: Buffer, fileName: string, fields: Record<string, string>) => {
    const uploaded = await upload(file, fileName, fields);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.errors).toEqual([]);
    expect(uploaded.body.errorCount).toBe(0);
    const committed = await commit(uploaded.body.id);
    expect(committed.status === 200 ? 200 : committed.body).toBe(200);
    return { job: uploaded.body, result: committed.body };
  };

  it('imports a LubeLogger fuel file into the chosen vehicle, with economy, and a second time adds nothing', async () => {
    const vehicle = await newVehicle({ odometerUnit: 'mi' });
    const file = fixture('lubelogger/fuel-en-us.csv');
    const fields = { format: 'lubelogger', vehicleId: vehicle.id, volumeUnit: 'gal_us', currency: 'USD' };
    const { job, result } = await importClean(file, 'fuel.csv', fields);
    expect(job).toMatchObject({ format: 'lubelogger', fileName: 'fuel.csv', status: 'previewed', vehicles: [] });
    const expected = recordsOf(job, 'fill-up').length;
    expect(expected).toBeGreaterThan(2);
    expect(result).toEqual({ imported: expected, duplicates: 0, skipped: 0 });

    const logs = await fillUps(vehicle.id);
    expect(logs.total).toBe(expected);
    expect(logs.items.find((item) => item.odometer === 41210)).toMatchObject({
      totalCost: 38.75,
      notes: expect.any(String),
    });
    expect((await stats(vehicle.id)).averageEconomy).not.toBeNull();
    expect((await call<ImportJob>('GET', `/api/import/${job.id}`)).body).toMatchObject({
      status: 'committed',
      imported: expected,
    });

    const again = await upload(file, 'fuel.csv', fields);
    expect((await commit(again.body.id)).body).toEqual({ imported: 0, duplicates: expected, skipped: 0 });
    expect((await fillUps(vehicle.id)).total).toBe(expected);
  });

  it('imports a Fuelly web file into the vehicles it names, matching one of yours by nickname', async () => {
    const wagon = await newVehicle({ nickname: 'Blue Wagon', make: 'Subaru', model: 'Outback', odometerUnit: 'mi' });
    const before = await written();
    const uploaded = await upload(fixture('fuelly/web-us.csv'), 'fuelly.csv', { format: 'fuelly' });
    expect(uploaded.body.vehicles).toEqual([
      { name: 'Blue Wagon', existingVehicleId: wagon.id },
      { name: 'Red Truck', existingVehicleId: null },
    ]);
    const fills = recordsOf(uploaded.body, 'fill-up');
    const committed = await commit(uploaded.body.id);
    expect(committed).toMatchObject({ status: 200, body: { imported: fills.length } });
    expect((await written()).vehicles).toBe(before.vehicles + 1);
    const wagonFills = fills.filter((entry) => entry.record.vehicle === 'Blue Wagon').length;
    expect((await fillUps(wagon.id)).total).toBe(wagonFills);
    const vehicles = (await call<{ items: Vehicle[] }>('GET', '/api/vehicles?pageSize=100')).body.items;
    const truck = vehicles.find((vehicle) => vehicle.nickname === 'Red Truck')!;
    expect(truck).toMatchObject({ model: 'F-150' });
    expect((await fillUps(truck.id)).total).toBe(fills.length - wagonFills);
  });

  it('imports a Fuelio backup zip: its vehicle, fill-ups, costs and favourite stations', async () => {
    const before = await written();
    const { job, result } = await importClean(fixture('fuelio/vehicle-1-sync.csv.zip'), 'vehicle-1-sync.csv.zip', {
      format: 'fuelio',
    });
    expect(job.vehicles).toHaveLength(1);
    expect(job.vehicles[0].existingVehicleId).toBeNull();
    const after = await written();
    expect(after.vehicles).toBe(before.vehicles + 1);
    expect(after.fillUps).toBeGreaterThan(before.fillUps + 2);
    expect(after.records).toBeGreaterThan(before.records);
    // Stations named by fill-ups are made along the way; only the file's favourites count as imported.
    const favourites = Number(
      (await capsule.db.query('select count(*) from public.stations where is_favorite')).rows[0].count,
    );
    expect(favourites).toBeGreaterThan(0);
    expect(result.imported).toBe(after.fillUps - before.fillUps + (after.records - before.records) + favourites);
    const vehicles = (await call<{ items: Vehicle[] }>('GET', '/api/vehicles?pageSize=100')).body.items;
    const vehicle = vehicles.find((candidate) => candidate.nickname === job.vehicles[0].name)!;
    expect(vehicle).toMatchObject({ make: 'Skoda', model: 'Fabia', year: 2019, odometerUnit: 'km' });
    // The file marks its third fill-up as following a missed one, so no window is measured.
    expect((await fillUps(vehicle.id)).total).toBe(after.fillUps - before.fillUps);
  });

  it('imports a Drivvo export into the chosen vehicle', async () => {
    const vehicle = await newVehicle();
    const { job, result } = await importClean(fixture('drivvo/older-layout-en.csv'), 'drivvo.csv', {
      format: 'drivvo',
      vehicleId: vehicle.id,
    });
    expect(result.imported).toBeGreaterThanOrEqual(recordsOf(job, 'fill-up').length);
    expect((await fillUps(vehicle.id)).total).toBeGreaterThan(1);
    expect((await stats(vehicle.id)).averageEconomy).not.toBeNull();
  });

  it('imports Hammond fill-ups into the vehicle of that nickname', async () => {
    const swift = await newVehicle({ nickname: 'Swift', make: 'Suzuki', model: 'Swift' });
    const { job, result } = await importClean(fixture('hammond/fillups.csv'), 'hammond.csv', {
      format: 'hammond',
      timeZone: 'Asia/Kolkata',
      currency: 'INR',
      volumeUnit: 'l',
      distanceUnit: 'km',
    });
    expect(job.vehicles).toEqual([
      { name: 'Swift', existingVehicleId: swift.id },
      { name: 'Activa', existingVehicleId: null },
    ]);
    const swiftFills = recordsOf(job, 'fill-up').filter((entry) => entry.record.vehicle === 'Swift');
    expect(swiftFills.length).toBeGreaterThan(1);
    expect((await fillUps(swift.id)).total).toBe(swiftFills.length);
    expect(result.imported).toBe(recordsOf(job, 'fill-up').length);
    expect((await fillUps(swift.id)).items[0].currency).toBe('INR');
  });

  it('imports a generic CSV through its mapping; bad lines block the commit unless skipped', async () => {
    const vehicle = await newVehicle();
    const mapping = {
      records: 'fill-up',
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
      dateFormat: 'dd.MM.yyyy HH:mm',
    };
    const uploaded = await upload(fixture('generic/fill-ups-de.csv'), 'tanken.csv', {
      format: 'csv',
      vehicleId: vehicle.id,
      decimalComma: 'true',
      timeZone: 'Europe/Berlin',
      currency: 'EUR',
      volumeUnit: 'l',
      distanceUnit: 'km',
      mapping: JSON.stringify(mapping),
    });
    expect(uploaded.status).toBe(201);
    const job = uploaded.body;
    expect(job.errorCount).toBe(2);
    expect(job.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 7, field: 'filledAt' }),
        expect.objectContaining({ line: 7, field: 'quantity' }),
        expect.objectContaining({ line: 8, field: 'odometer' }),
      ]),
    );
    const before = await written();
    const refused = await commit<LinesProblem>(job.id);
    expect(refused.status).toBe(409);
    expect(refused.body.errorCount).toBe(2);
    expect(await written()).toEqual(before);

    const result = (await commit(job.id, { skipBadRows: true })).body;
    expect(result).toEqual({ imported: 3, duplicates: 0, skipped: 2 });
    const logs = await fillUps(vehicle.id);
    expect(logs.items.map((item) => item.odometer).sort()).toEqual([15200, 15810, 16420]);
    expect(logs.items.find((item) => item.odometer === 15200)).toMatchObject({
      stationName: 'Orlen Main',
      quantity: 38.4,
    });
    expect((await stats(vehicle.id)).averageEconomy).not.toBeNull();
  });

  it('reports a malformed file per line and writes nothing', async () => {
    const vehicle = await newVehicle({ odometerUnit: 'mi' });
    const uploaded = await upload(fixture('lubelogger/fuel-bad-rows.csv'), 'bad.csv', {
      format: 'lubelogger',
      vehicleId: vehicle.id,
    });
    const fields = (line: number) => uploaded.body.errors.filter((error) => error.line === line).map((e) => e.field);
    expect(fields(3)).toEqual(expect.arrayContaining(['filledAt', 'quantity']));
    expect(fields(4)).toContain('odometer');
    expect(fields(5)).toEqual(expect.arrayContaining(['filledAt', 'quantity']));
    const before = await written();
    expect((await commit(uploaded.body.id)).status).toBe(409);
    expect(await written()).toEqual(before);

    const missingColumns = await upload(Buffer.from('Odometer,Cost\n100,20\n'), 'short.csv', {
      format: 'lubelogger',
      vehicleId: vehicle.id,
    });
    expect(missingColumns.body.errors).toEqual([expect.objectContaining({ line: 1, field: 'header' })]);
  });

  it('refuses an odometer going backwards, naming the line, and writes nothing', async () => {
    const vehicle = await newVehicle({ odometerUnit: 'mi' });
    const csv = [
      'Date,Odometer,FuelConsumed,Cost,IsFillToFull,MissedFuelUp',
      '3/2/2024,1000,10,30,True,False',
      '3/9/2024,1300,10,30,True,False',
      '3/16/2024,1200,10,30,True,False',
      '3/23/2024,1600,10,30,True,False',
    ].join('\n');
    const uploaded = await upload(Buffer.from(csv), 'backwards.csv', { format: 'lubelogger', vehicleId: vehicle.id });
    expect(uploaded.body.errorCount).toBe(0);
    const before = await written();
    const refused = await commit<LinesProblem>(uploaded.body.id);
    expect(refused.status).toBe(409);
    expect(refused.body.lines).toEqual([{ line: 4, field: 'odometer', message: expect.stringContaining('1300') }]);
    expect(await written()).toEqual(before);
    expect((await call<ImportJob>('GET', `/api/import/${uploaded.body.id}`)).body.status).toBe('previewed');
  });

  describe('a file longer than a commit page (1,000 records)', () => {
    const header = 'Date,Odometer,FuelConsumed,Cost,IsFillToFull,MissedFuelUp';
    const row = (index: number, odometer = 1000 + index * 10) => {
      const day = new Date(Date.UTC(2000, 0, 1) + index * 86_400_000);
      return `${day.getUTCMonth() + 1}/${day.getUTCDate()}/${day.getUTCFullYear()},${odometer},10,30,True,False`;
    };
    const rows = (count: number) => Array.from({ length: count }, (_, index) => row(index));

    it('imports every page, leaving out a line repeated pages later as a duplicate', async () => {
      const vehicle = await newVehicle({ odometerUnit: 'mi' });
      const csv = [header, ...rows(2500), row(3)].join('\n');
      const { result } = await importClean(Buffer.from(csv), 'long.csv', {
        format: 'lubelogger',
        vehicleId: vehicle.id,
      });
      expect(result).toEqual({ imported: 2500, duplicates: 1, skipped: 0 });
      const readings = await capsule.db.query(
        `select count(*)::int as count, max(odometer)::float as top from public.odometer_readings
          where vehicle_id = $1 and source = 'fuel_log'`,
        [vehicle.id],
      );
      expect(readings.rows[0]).toEqual({ count: 2500, top: 1000 + 2499 * 10 });
      expect((await call<Vehicle>('GET', `/api/vehicles/${vehicle.id}`)).body.currentOdometer).toBe(1000 + 2499 * 10);
    });

    it('refuses an odometer going backwards on a later page, writing none of the pages before it', async () => {
      const vehicle = await newVehicle({ odometerUnit: 'mi' });
      const lines = rows(2500);
      lines[2200] = row(2200, 500);
      const uploaded = await upload(Buffer.from([header, ...lines].join('\n')), 'long-backwards.csv', {
        format: 'lubelogger',
        vehicleId: vehicle.id,
      });
      expect(uploaded.body.errorCount).toBe(0);
      const before = await written();
      const refused = await commit<LinesProblem>(uploaded.body.id);
      expect(refused.status).toBe(409);
      expect(refused.body.lines).toEqual([
        { line: 2202, field: 'odometer', message: expect.stringContaining('goes backwards') },
      ]);
      expect(await written()).toEqual(before);
    });
  });

  it('refuses an unknown format, bad options and a generic CSV without its mapping', async () => {
    const file = Buffer.from('a,b\n1,2\n');
    const unknown = await upload(file, 'x.csv', { format: 'excel' });
    expect(unknown.status).toBe(400);
    expect((unknown.body as unknown as Problem).errors).toEqual([expect.objectContaining({ field: 'format' })]);
    expect((await upload(file, 'x.csv', { format: 'fuelly', timeZone: 'Mars/Olympus' })).status).toBe(400);
    expect((await upload(file, 'x.csv', { format: 'csv' })).status).toBe(400);
    const badMapping = await upload(file, 'x.csv', { format: 'csv', mapping: '{"records":"fill-up"}' });
    expect(badMapping.status).toBe(400);
  });

  it('answers a multipart body without its boundary, with another one or cut short with a 400 problem, keeping no job (found by the fuzzer)', async () => {
    const jobsBefore = await count('import_jobs');
    const fields = '--cut\r\nContent-Disposition: form-data; name="format"\r\n\r\nlubelogger\r\n';
    const file = '--cut\r\nContent-Disposition: form-data; name="file"; filename="fuel.csv"\r\n\r\n';
    const whole = `${fields}${file}${fixture('lubelogger/fuel-en-us.csv').toString()}\r\n--cut--\r\n`;
    const cases: Array<[string, string]> = [
      ['multipart/form-data', whole],
      ['multipart/form-data; boundary=other', whole],
      ['multipart/form-data; boundary=cut', `${fields}${file}Date,Odometer`],
      ['multipart/form-data; boundary=cut', fields.slice(0, 30)],
    ];
    for (const [type, body] of cases) {
      const response = await fetch(`${capsule.api.url}/api/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${capsule.alice}`, 'content-type': type },
        body,
      });
      expect({ type, status: response.status }).toEqual({ type, status: 400 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await count('import_jobs')).toBe(jobsBefore);
  });

  it('needs a vehicle for a file that places none', async () => {
    const uploaded = await upload(fixture('lubelogger/fuel-en-us.csv'), 'fuel.csv', { format: 'lubelogger' });
    const refused = await commit(uploaded.body.id);
    expect(refused.status).toBe(400);
    const vehicle = await newVehicle({ odometerUnit: 'mi' });
    expect((await commit(uploaded.body.id, { vehicleId: vehicle.id })).status).toBe(200);
    expect((await commit(uploaded.body.id, { vehicleId: vehicle.id })).status).toBe(409);
  });

  it("keeps a user's jobs to that user", async () => {
    const vehicle = await newVehicle({ odometerUnit: 'mi' });
    const uploaded = await upload(fixture('lubelogger/fuel-en-us.csv'), 'fuel.csv', {
      format: 'lubelogger',
      vehicleId: vehicle.id,
    });
    const before = await written();
    expect((await call('GET', `/api/import/${uploaded.body.id}`, undefined, capsule.bob)).status).toBe(404);
    expect((await commit(uploaded.body.id, {}, capsule.bob)).status).toBe(404);
    expect(await written()).toEqual(before);
    expect((await call<ImportJob>('GET', `/api/import/${uploaded.body.id}`)).body.status).toBe('previewed');
    const bobsUpload = await upload(
      Buffer.from('x'),
      'x.csv',
      { format: 'lubelogger', vehicleId: vehicle.id },
      capsule.bob,
    );
    expect(bobsUpload.status).toBe(404);
  });

  it('forgets an expired job, and the hourly purge removes it with its lines', async () => {
    const vehicle = await newVehicle({ odometerUnit: 'mi' });
    const uploaded = await upload(fixture('lubelogger/fuel-en-us.csv'), 'fuel.csv', {
      format: 'lubelogger',
      vehicleId: vehicle.id,
    });
    await capsule.db.query(`update public.import_jobs set expires_at = now() - interval '1 minute' where id = $1`, [
      uploaded.body.id,
    ]);
    expect((await call('GET', `/api/import/${uploaded.body.id}`)).status).toBe(404);
    expect((await commit(uploaded.body.id)).status).toBe(404);

    const lines = async () =>
      Number(
        (await capsule.db.query('select count(*) from public.import_job_lines where job_id = $1', [uploaded.body.id]))
          .rows[0].count,
      );
    expect(await lines()).toBeGreaterThan(0);
    const live = await upload(fixture('lubelogger/fuel-en-us.csv'), 'fuel.csv', {
      format: 'lubelogger',
      vehicleId: vehicle.id,
    });
    expect(await capsule.api.app.get(ImportJobsPurgeService).run()).toBeGreaterThanOrEqual(1);
    expect(await lines()).toBe(0);
    const left = await capsule.db.query('select id from public.import_jobs where id = any($1)', [
      [uploaded.body.id, live.body.id],
    ]);
    expect(left.rows).toEqual([{ id: live.body.id }]);
  });
});
