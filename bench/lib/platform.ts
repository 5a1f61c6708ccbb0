import { expectedCheckDigit } from '../../platform/src/contract/vin';
import { createCatalogTestDatabase } from '../../platform/test/support/catalog-database';
import { apiEnvFor, startPlatformProcess } from '../../platform/test/support/platform-process';
import type { SetupContext, SetupResult } from './scenario';
import { residentMb } from './servers';

/**
 * A scenario's `setup` for routes the platform answers: a copy of the imported catalog on the
 * scenario's database server, and the built platform service on it (Redis too when REDIS_URL is set).
 */
export async function startCatalogPlatform({ databaseUrl, onCleanup, log }: SetupContext): Promise<SetupResult> {
  log('cloning the imported catalog (imported once per change of the import code)');
  const catalog = await createCatalogTestDatabase('bench_catalog', databaseUrl);
  onCleanup(() => catalog.drop());
  const platform = await startPlatformProcess({
    databaseUrl: catalog.url,
    env: { REDIS_URL: process.env.REDIS_URL || undefined },
  });
  onCleanup(async () => {
    log(`platform RSS at the end: ${residentMb(platform.process.pid!)?.toFixed(0)} MB`);
    await platform.stop();
  });
  log(`platform started; RSS ${residentMb(platform.process.pid!)?.toFixed(0)} MB with the catalog imported`);
  return { apiEnv: apiEnvFor(platform) };
}

const vinCharacters = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const yearCharacters = 'ABCDEFGHJKLMNPRSTVWXY123456789';
/** Manufacturers with many vPIC patterns: cars, trucks and motorcycles. */
const benchWmis = [
  '1HG',
  '2HG',
  '1FT',
  '1FA',
  '4T1',
  '5YJ',
  '1HD',
  'JYA',
  'WBA',
  'KMH',
  '3VW',
  '1G1',
  'JTD',
  '5FN',
  '1N4',
];

const pick = (from: string) => from[Math.floor(Math.random() * from.length)];

/** A VIN no one has asked for yet: a real WMI, random descriptor, year and serial, a right check digit. */
export function freshVin(): string {
  const wmi = benchWmis[Math.floor(Math.random() * benchWmis.length)];
  let vin = wmi;
  for (let index = 3; index < 8; index++) vin += pick(vinCharacters);
  vin += '0' + pick(yearCharacters) + pick(vinCharacters);
  for (let index = 11; index < 17; index++) vin += pick('0123456789');
  return vin.slice(0, 8) + expectedCheckDigit(vin) + vin.slice(9);
}
