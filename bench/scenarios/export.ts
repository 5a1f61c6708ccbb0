import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { signUp } from '../../api/test/support/oidc-login';
import { downloadDigest, MiB, sha256OfFile, writeRandomPdf } from '../lib/files';
import { watchPeakMemory } from '../lib/memory';
import { defineScriptedScenario } from '../lib/scenario';
import { residentMb } from '../lib/servers';

const fillUps = 50_000;
const documents = 40;
const documentBytes = 5 * MiB;
const maxGrowthMb = 50;

/**
 * One account with 50,000 fill-ups (and their odometer readings) and 40 documents of 5 MiB
 * (200 MiB of random bytes, disk backend), exported once through `GET /api/export`: the zip is
 * hashed as it arrives and discarded. How long it takes, how big it is, and how far the API's
 * resident memory rises above where it was after a warm-up export of an empty account.
 */
export default defineScriptedScenario({
  name: 'export',
  title: `GET /api/export of ${fillUps.toLocaleString('en')} fill-ups and ${documents} × ${documentBytes / MiB} MiB documents (disk backend)`,
  goal: `the API's resident memory rises by < ${maxGrowthMb} MB above its level after a warm-up, during the export`,
  shortGoal: `RSS growth < ${maxGrowthMb} MB`,
  setup: ({ onCleanup }) => {
    const root = mkdtempSync(join(tmpdir(), 'mvp-bench-export-'));
    onCleanup(() => rmSync(root, { recursive: true, force: true }));
    return Promise.resolve({ apiEnv: { DOCUMENTS_DIR: join(root, 'documents') } });
  },
  prepare: async ({ apiUrl, apiEnv, db, log }) => {
    const account = await signUp(apiUrl, { email: 'bench@example.com', password: 'bench-password-1' });
    const empty = await signUp(apiUrl, { email: 'empty@example.com', password: 'bench-password-1' });
    const headers = { authorization: `Bearer ${account.accessToken}`, 'content-type': 'application/json' };
    const me = (await (await fetch(`${apiUrl}/api/me`, { headers })).json()) as { id: string };
    const created = await fetch(`${apiUrl}/api/vehicles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ make: 'Honda', model: 'Civic', year: 2019, odometerUnit: 'km' }),
    });
    const vehicle = (await created.json()) as { id: string };
    if (created.status !== 201) throw new Error(`Creating the vehicle answered ${created.status}`);

    log(`inserting ${fillUps} fill-ups and their odometer readings`);
    await db.query(
      `with fills as (
         insert into public.fuel_logs (id, user_id, vehicle_id, filled_at, odometer, quantity, quantity_unit,
                                       price_per_unit, total_cost, currency, is_full, missed_previous, notes, tags)
         select gen_random_uuid(), $1, $2, timestamptz '2000-01-01' + n * interval '4 hours', n * 10, 40, 'l',
                1.5, 60, 'EUR', true, false, case when n % 10 = 0 then 'Fill-up number ' || n end,
                case when n % 7 = 0 then array['trip'] else '{}'::text[] end
           from generate_series(1, $3::int) as n
         returning id, user_id, vehicle_id, filled_at, odometer)
       insert into public.odometer_readings (id, user_id, vehicle_id, source, source_id, odometer, recorded_at)
       select gen_random_uuid(), user_id, vehicle_id, 'fuel_log', id, odometer, filled_at from fills`,
      [me.id, vehicle.id, fillUps],
    );

    log(`writing ${documents} documents of ${documentBytes / MiB} MiB`);
    const folder = join(apiEnv.DOCUMENTS_DIR, me.id);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    for (let index = 1; index <= documents; index++) {
      const id = randomUUID();
      const path = join(folder, id);
      await writeRandomPdf(path, documentBytes);
      await db.query(
        `insert into public.documents (id, user_id, title, kind, file_name, media_type, size_bytes, sha256, vehicle_id)
         values ($1, $2, $3, 'receipt', $4, 'application/pdf', $5, $6, $7)`,
        [id, me.id, `Receipt ${index}`, `receipt-${index}.pdf`, documentBytes, await sha256OfFile(path), vehicle.id],
      );
    }
    await downloadDigest(`${apiUrl}/api/export`, { authorization: `Bearer ${empty.accessToken}` });
    log('warm-up export of an empty account done');
    return { headers: { authorization: `Bearer ${account.accessToken}` } };
  },
  run: async ({ apiUrl, apiPid, state: { headers }, log }) => {
    const before = residentMb(apiPid) ?? Number.NaN;
    const watch = watchPeakMemory(apiPid);
    const started = performance.now();
    let peak = { peakMb: Number.NaN, exact: false };
    const download = await downloadDigest(`${apiUrl}/api/export`, headers).finally(() => (peak = watch.stop()));
    const seconds = (performance.now() - started) / 1000;
    const growth = peak.peakMb - before;
    const expected = documents * documentBytes;
    if (download.bytes < expected) throw new Error(`The export has ${download.bytes} bytes, less than its documents`);
    log(
      `export: ${(download.bytes / MiB).toFixed(0)} MiB in ${seconds.toFixed(1)} s, RSS peak ${peak.peakMb.toFixed(0)} MB`,
    );
    return {
      columns: ['Zip MiB', 'Seconds', 'MiB/s', 'RSS after warm-up MB', 'RSS peak MB', 'Growth MB'],
      rows: [
        [
          (download.bytes / MiB).toFixed(1),
          seconds.toFixed(1),
          (download.bytes / MiB / seconds).toFixed(0),
          before.toFixed(0),
          peak.peakMb.toFixed(0),
          `+${growth.toFixed(0)}`,
        ],
      ],
      passed: growth < maxGrowthMb,
      verdict:
        `${(download.bytes / MiB).toFixed(0)} MiB in ${seconds.toFixed(1)} s; API RSS ${before.toFixed(0)} MB after ` +
        `the warm-up, peak ${peak.peakMb.toFixed(0)} MB (+${growth.toFixed(0)}); goal < ${maxGrowthMb} MB`,
      notes: [
        `Seeded with SQL: ${fillUps} fill-ups (every 10th with notes, every 7th tagged) and a reading each; ` +
          `${documents} PDFs of random bytes written to the storage with their rows. One vehicle.`,
        'Client: node:http in the bench process, the zip hashed as it arrives and not kept; one export, after a ' +
          'warm-up export of an empty account.',
        peak.exact
          ? 'RSS peak: the kernel high-water mark (VmHWM), reset through /proc/<pid>/clear_refs before the export.'
          : 'RSS peak: VmRSS sampled every 10 ms (VmHWM could not be reset here).',
      ],
      rssEndMb: residentMb(apiPid),
      rssPeakMb: peak.peakMb,
    };
  },
});
