import { ClientProxy } from '@nestjs/microservices';
import { createClient } from '@redis/client';
import { firstValueFrom } from 'rxjs';
import {
  CatalogMake,
  CatalogModel,
  CatalogTrim,
  PlatformError,
  platformPatterns,
  VinDecodeResult,
} from '../src/contract';
import { TestDatabase } from '../../api/test/support/test-database';
import { createCatalogTestDatabase } from './support/catalog-database';
import { PlatformProcess, startPlatformProcess, tcpClientFor } from './support/platform-process';

const accordVin = '1HGCM82633A004352';
const accordVinWrongCheckDigit = '1HGCM82643A004352';

describe('the platform over real TCP, on an imported catalog', () => {
  let database: TestDatabase;
  let platform: PlatformProcess;
  let client: ClientProxy;

  beforeAll(async () => {
    database = await createCatalogTestDatabase('platform_tcp');
    platform = await startPlatformProcess({ databaseUrl: database.url });
    client = tcpClientFor(platform);
  });

  afterAll(async () => {
    await client?.close();
    await platform?.stop();
    await database?.drop();
  });

  const ask = <T>(pattern: string, payload: unknown, apiKey: string | undefined = platform.apiKey) =>
    firstValueFrom(client.send<T>(pattern, { apiKey, payload }));
  const refusal = async (pattern: string, payload: unknown, apiKey?: string): Promise<PlatformError> => {
    const outcome = await ask(pattern, payload, apiKey).then(
      () => undefined,
      (error: PlatformError) => error,
    );
    if (!outcome) throw new Error(`${pattern} was answered, not refused`);
    return outcome;
  };
  const names = (items: { name: string }[]) => items.map((item) => item.name);
  const makeId = async (year: number, name: string) => {
    const makes = await ask<CatalogMake[]>(platformPatterns.makes, { year });
    const make = makes.find((item) => item.name === name);
    if (!make) throw new Error(`${year} has no make ${name}`);
    return make.id;
  };
  const models = async (year: number, make: string) =>
    ask<CatalogModel[]>(platformPatterns.models, { year, makeId: await makeId(year, make) });

  it('lists years, newest first, within the 17-character VIN era', async () => {
    const years = await ask<number[]>(platformPatterns.years, {});
    expect(years).toEqual(expect.arrayContaining([2003, 2018, 2020]));
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(1981);
    expect(Math.max(...years)).toBeLessThanOrEqual(new Date().getFullYear() + 1);
  });

  it('lists the 2020 Honda Accord, Civic and CR-V', async () => {
    expect(names(await models(2020, 'Honda'))).toEqual(expect.arrayContaining(['Accord', 'Civic', 'CR-V']));
  });

  it("lists the 2020 Accord's trims LX, Sport, EX, EX-L and Touring, and its engines", async () => {
    const accord = (await models(2020, 'Honda')).find((model) => model.name === 'Accord')!;
    const trims = await ask<CatalogTrim[]>(platformPatterns.trims, { year: 2020, modelId: accord.id });
    expect(names(trims)).toEqual(expect.arrayContaining(['LX', 'Sport', 'EX', 'EX-L', 'Touring']));
    const engines = await ask<{ name: string; displacementL: number | null }[]>(platformPatterns.engines, {
      year: 2020,
      modelId: accord.id,
    });
    expect(engines.length).toBeGreaterThan(0);
    expect(engines.every((engine) => engine.name.length > 0)).toBe(true);
  });

  it('has 2018 Yamaha and Harley-Davidson motorcycles', async () => {
    for (const make of ['Yamaha', 'Harley-Davidson']) {
      const found = await models(2018, make);
      expect(found.filter((model) => model.vehicleType === 'motorcycle').length).toBeGreaterThan(0);
    }
  });

  it('does not put the Celica into 2020 Toyotas', async () => {
    const toyota2020 = names(await models(2020, 'Toyota'));
    expect(toyota2020).toEqual(expect.arrayContaining(['Camry', 'Corolla']));
    expect(toyota2020).not.toContain('Celica');
  });

  it('decodes 1HGCM82633A004352 to a 2003 Honda Accord with catalog ids', async () => {
    const decoded = await ask<VinDecodeResult>(platformPatterns.vinDecode, { vin: accordVin });
    expect(decoded).toMatchObject({
      vin: accordVin,
      modelYear: 2003,
      make: { name: 'Honda' },
      model: { name: 'Accord' },
    });
    expect(decoded.make?.id).toEqual(await makeId(2003, 'Honda'));
    expect(decoded.model?.id).toEqual(expect.any(Number));
  });

  it('reports a wrong check digit with the digit expected', async () => {
    const error = await refusal(platformPatterns.vinDecode, { vin: accordVinWrongCheckDigit }, platform.apiKey);
    expect(error).toMatchObject({ code: 'invalid', vinProblem: 'check_digit', expectedCheckDigit: '3' });
    expect(error.message).toMatch(/check digit/i);
  });

  it('refuses a wrong or missing key as unauthorized, never as not found', async () => {
    expect(await refusal(platformPatterns.years, {}, 'not-the-key')).toMatchObject({ code: 'unauthorized' });
    expect(await refusal(platformPatterns.makes, { year: 2020 }, '')).toMatchObject({ code: 'unauthorized' });
    const unknownMake = await refusal(platformPatterns.models, { year: 2020, makeId: 999_999_999 }, platform.apiKey);
    expect(unknownMake).toMatchObject({ code: 'not_found' });
  });

  it('refuses malformed payloads per field', async () => {
    const error = await refusal(platformPatterns.models, { year: 'soon', makeId: -1, extra: 1 }, platform.apiKey);
    expect(error.code).toBe('invalid');
    expect(error.errors?.map((entry) => entry.field)).toEqual(expect.arrayContaining(['year', 'makeId', 'extra']));
  });

  it('serves the same over HTTP behind the bearer key, with health', async () => {
    const get = (path: string, key?: string) =>
      fetch(`${platform.httpUrl}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
    const makes = await get('/api/v1/vehicles/makes?year=2020', platform.apiKey);
    expect(makes.status).toBe(200);
    expect(names((await makes.json()) as CatalogMake[])).toContain('Honda');
    const refused = await get('/api/v1/vehicles/makes?year=2020');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const vin = await get(`/api/v1/vin/${accordVin}`, platform.apiKey);
    expect(await vin.json()).toMatchObject({ modelYear: 2003, model: { name: 'Accord' } });
    const wrong = await get(`/api/v1/vin/${accordVinWrongCheckDigit}`, platform.apiKey);
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ expectedCheckDigit: '3' });
    const health = await get('/health');
    expect(await health.json()).toMatchObject({ status: 'ok', catalog: { version: 1 } });
  });

  it('keeps catalog answers under year-based keys of the catalog version in Redis', async () => {
    if (!process.env.REDIS_URL) return;
    const redis = createClient({ url: process.env.REDIS_URL });
    await redis.connect();
    try {
      const keys = await redis.keys('mvp-test-*:platform:catalog:v1:2020:*');
      expect(keys.some((key) => key.endsWith(':catalog:v1:2020:makes'))).toBe(true);
      expect(keys.some((key) => /:catalog:v1:2020:\d+:models$/.test(key))).toBe(true);
    } finally {
      await redis.close();
    }
  });

  it('never writes a VIN into a log line', async () => {
    await new Promise((done) => setTimeout(done, 300));
    const printed = platform.output().join('\n');
    expect(printed).toContain('/api/v1/vin/***');
    expect(printed).not.toContain(accordVin);
    expect(printed).not.toContain(accordVinWrongCheckDigit);
  });
});
