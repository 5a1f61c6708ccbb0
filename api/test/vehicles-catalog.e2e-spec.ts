import { createCatalogTestDatabase } from '../../platform/test/support/catalog-database';
import { apiEnvFor, PlatformProcess, startPlatformProcess } from '../../platform/test/support/platform-process';
import { ApiProcess, startApiProcess } from './support/api-process';
import { byName } from './support/by-name';
import { FakeIssuer, startFakeIssuer } from './support/fake-issuer';
import { ApiSchema, callJson, Problem } from './support/json-call';
import { TestDatabase } from './support/test-database';

const accordVin = '1HGCM82633A004352';

describe('catalog and VIN decoding through the API → TCP → platform', () => {
  let database: TestDatabase;
  let issuer: FakeIssuer;
  let platform: PlatformProcess;
  let api: ApiProcess;
  let token: string;

  beforeAll(async () => {
    database = await createCatalogTestDatabase('api_catalog');
    issuer = await startFakeIssuer();
    platform = await startPlatformProcess({ databaseUrl: database.url });
    api = await startApiProcess({ databaseUrl: database.url, env: { ...issuer.apiEnv(), ...apiEnvFor(platform) } });
    token = await issuer.sign({ claims: { sub: 'fake|catalog-user' } });
  });

  afterAll(async () => {
    await api?.stop();
    await platform?.stop();
    await issuer?.close();
    await database?.drop();
  });

  const get = <Body = unknown>(path: string, bearer: string | null = token) =>
    callJson<Body>(api.url, bearer, 'GET', path);

  it('walks year → make → model → trim → engine', async () => {
    const years = await get<number[]>('/api/vehicles/catalog/years');
    expect(years.status).toBe(200);
    expect(years.type).toBe('application/json; charset=utf-8');
    expect(years.body).toContain(2020);
    // Read again from the API's copy, answered as the same text.
    expect(await get<number[]>('/api/vehicles/catalog/years')).toEqual(years);
    const honda = byName(
      (await get<ApiSchema<'CatalogMakeDto'>[]>('/api/vehicles/catalog/makes?year=2020')).body,
      'Honda',
    );
    const models = (
      await get<ApiSchema<'CatalogModelDto'>[]>(`/api/vehicles/catalog/models?year=2020&makeId=${honda.id}`)
    ).body;
    const accord = byName(models, 'Accord');
    expect(accord).toMatchObject({ vehicleType: 'car' });
    const trims = (
      await get<ApiSchema<'CatalogTrimDto'>[]>(`/api/vehicles/catalog/trims?year=2020&modelId=${accord.id}`)
    ).body;
    expect(trims.map((trim) => trim.name)).toEqual(expect.arrayContaining(['LX', 'EX-L', 'Touring']));
    const engines = await get<ApiSchema<'CatalogEngineDto'>[]>(
      `/api/vehicles/catalog/engines?year=2020&modelId=${accord.id}&trimId=${trims[0].id}`,
    );
    expect(engines.status).toBe(200);
    expect(engines.body.length).toBeGreaterThan(0);
    expect(engines.body[0].fuelTypes).toEqual(['gasoline']);
  });

  it('validates catalog queries before asking the platform', async () => {
    const missing = await get<Problem>('/api/vehicles/catalog/models?year=2020');
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.map((error) => error.field)).toContain('makeId');
    const unknown = await get('/api/vehicles/catalog/models?year=2020&makeId=999999999');
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/problem+json');
  });

  it('needs a signed-in user', async () => {
    expect((await get('/api/vehicles/catalog/years', null)).status).toBe(401);
  });

  it('decodes a VIN, and says which check failed for a bad one', async () => {
    const decoded = await get<ApiSchema<'VinDecodeDto'>>(`/api/vehicles/vin/${accordVin}`);
    expect(decoded.status).toBe(200);
    expect(decoded.body).toMatchObject({ modelYear: 2003, make: { name: 'Honda' }, model: { name: 'Accord' } });
    expect(decoded.body.fuelTypes).toEqual(['gasoline']);
    const wrongDigit = await get<Problem>('/api/vehicles/vin/1HGCM82643A004352');
    expect(wrongDigit.status).toBe(400);
    expect(wrongDigit.body).toMatchObject({ vinProblem: 'check_digit', expectedCheckDigit: '3' });
    expect(wrongDigit.body.detail).toMatch(/must be 3/);
    const short = await get('/api/vehicles/vin/1HGCM82633A00435');
    expect(short.body).toMatchObject({ vinProblem: 'length' });
    const letters = await get('/api/vehicles/vin/1HGCM82633AOO4352');
    expect(letters.body).toMatchObject({ vinProblem: 'characters' });
  });

  it('answers 503 in problem+json while the platform is down (lists it answered in the last minute excepted), and the rest keeps working', async () => {
    await platform.stop();
    const cachedList = await get('/api/vehicles/catalog/years');
    expect(cachedList.status).toBe(200);
    const catalog = await get<Problem>('/api/vehicles/catalog/makes?year=1999');
    expect(catalog.status).toBe(503);
    expect(catalog.type).toContain('application/problem+json');
    expect(catalog.body.detail).toMatch(/catalog service is not reachable/);
    expect((await get(`/api/vehicles/vin/${accordVin}`)).status).toBe(503);
    expect((await get('/api/me')).status).toBe(200);
    expect((await get('/health', null)).status).toBe(200);

    platform = await startPlatformProcess({
      databaseUrl: database.url,
      tcpPort: platform.tcpPort,
      apiKey: platform.apiKey,
    });
    let back = 0;
    for (let attempt = 0; attempt < 50 && back !== 200; attempt++) {
      back = (await get('/api/vehicles/catalog/makes?year=1998')).status;
      if (back !== 200) await new Promise((done) => setTimeout(done, 100));
    }
    expect(back).toBe(200);
  });

  it('never writes a VIN into a log line', async () => {
    await new Promise((done) => setTimeout(done, 300));
    const printed = [...api.output(), ...platform.output()].join('\n');
    expect(printed).toContain('/api/vehicles/vin/***');
    expect(printed).not.toMatch(/1HGCM8264?3/);
  });
});
