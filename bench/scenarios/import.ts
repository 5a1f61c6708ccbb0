import { performance } from 'node:perf_hooks';
import { signUp } from '../../api/test/support/oidc-login';
import { watchPeakMemory } from '../lib/memory';
import { defineScriptedScenario } from '../lib/scenario';
import { residentMb } from '../lib/servers';

const fillUps = 50_000;
const maxSeconds = 10;
const maxGrowthMb = 100;

/** A LubeLogger fuel CSV of `count` fill-ups, a day apart, the odometer rising. */
function lubeLoggerCsv(count: number, offset = 0): string {
  const lines = ['Date,Odometer,FuelConsumed,Cost,FuelEconomy,IsFillToFull,MissedFuelUp,Notes,Tags'];
  const start = Date.UTC(1980, 0, 1);
  for (let index = 0; index < count; index++) {
    const day = new Date(start + (offset + index) * 86_400_000);
    const date = `${day.getUTCMonth() + 1}/${day.getUTCDate()}/${day.getUTCFullYear()}`;
    const gallons = (8 + (index % 7)).toFixed(3);
    const cost = ((8 + (index % 7)) * 3.259).toFixed(2);
    lines.push(
      `${date},${10_000 + (offset + index) * 40},${gallons},${cost},0,True,False,${index % 50 ? '' : 'bench'},`,
    );
  }
  return lines.join('\n') + '\n';
}

interface Step {
  seconds: number;
  peakMb: number;
}

/**
 * One LubeLogger fuel CSV of 50,000 fill-ups uploaded (`POST /api/import`, multipart) and committed
 * (`POST /api/import/{id}/commit`), one request at a time, after a 100-row warm-up import: the time
 * of the two and how far the API's resident memory rises above where it was after the warm-up.
 */
export default defineScriptedScenario({
  name: 'import',
  title: `POST /api/import + commit of a LubeLogger CSV with ${fillUps.toLocaleString('en')} fill-ups`,
  goal: `upload + commit in < ${maxSeconds} s, the API's resident memory rising by < ${maxGrowthMb} MB`,
  shortGoal: `< ${maxSeconds} s, RSS growth < ${maxGrowthMb} MB`,
  prepare: async ({ apiUrl, log }) => {
    const { accessToken } = await signUp(apiUrl, {
      email: 'bench@example.com',
      password: 'bench-password-1',
      displayName: 'Bench',
    });
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const vehicle = await fetch(`${apiUrl}/api/vehicles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ make: 'Ford', model: 'Focus', year: 2015, odometerUnit: 'mi' }),
    });
    const { id: vehicleId } = (await vehicle.json()) as { id: string };
    const auth = { authorization: headers.authorization };
    // Warm-up on a vehicle of its own: the routes, the readers and the bulk writes, once each.
    const warmVehicle = await fetch(`${apiUrl}/api/vehicles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ make: 'Ford', model: 'Fiesta', year: 2012, odometerUnit: 'mi' }),
    });
    const { id: warmVehicleId } = (await warmVehicle.json()) as { id: string };
    const warm = await importCsv(apiUrl, auth, warmVehicleId, lubeLoggerCsv(100));
    log(`warm-up import of 100 fill-ups: ${warm.imported} imported`);
    const csv = lubeLoggerCsv(fillUps);
    log(`generated ${(Buffer.byteLength(csv) / 1_048_576).toFixed(1)} MiB of CSV`);
    return { auth, vehicleId, csv };
  },
  run: async ({ apiUrl, apiPid, state: { auth, vehicleId, csv }, log }) => {
    const before = residentMb(apiPid) ?? Number.NaN;
    const upload = await step(apiPid, () => uploadCsv(apiUrl, auth, vehicleId, csv));
    log(`upload: ${upload.seconds.toFixed(2)} s, ${upload.result.rows} rows, ${upload.result.errorCount} bad`);
    const commit = await step(apiPid, () => commitJob(apiUrl, auth, upload.result.id));
    log(`commit: ${commit.seconds.toFixed(2)} s, ${commit.result.imported} imported`);
    if (commit.result.imported !== fillUps) throw new Error(`Imported ${commit.result.imported}, not ${fillUps}`);

    const seconds = upload.seconds + commit.seconds;
    const peakMb = Math.max(upload.peakMb, commit.peakMb);
    const passed = seconds < maxSeconds && peakMb - before < maxGrowthMb;
    const row = (name: string, timed: Step) => [
      name,
      timed.seconds.toFixed(2),
      (fillUps / timed.seconds).toFixed(0),
      timed.peakMb.toFixed(0),
      `+${(timed.peakMb - before).toFixed(0)}`,
    ];
    return {
      columns: ['Step', 'Seconds', 'Rows/s', 'RSS peak MB', 'Growth MB (peak − after warm-up)'],
      rows: [row('upload (read, preview)', upload), row('commit', commit), row('both', { seconds, peakMb })],
      passed,
      verdict:
        `${fillUps} fill-ups in ${seconds.toFixed(1)} s (goal < ${maxSeconds} s); API RSS ${before.toFixed(0)} MB ` +
        `after the warm-up, peak ${peakMb.toFixed(0)} MB (+${(peakMb - before).toFixed(0)}; goal < ${maxGrowthMb} MB)`,
      notes: [
        `The CSV (${(Buffer.byteLength(csv) / 1_048_576).toFixed(1)} MiB, LubeLogger's fuel layout, one fill-up a day) ` +
          'is built in the bench process and sent with fetch as multipart; one request at a time.',
        'Upload: the file streams through the LubeLogger reader into import_job_lines in batches of 1,000. Commit: ' +
          'one transaction reading the lines back, fingerprints, fuel-logs bulk insert and odometer readings.',
        'RSS peak: the kernel high-water mark (VmHWM) reset before each step where allowed, else VmRSS sampled every 10 ms.',
      ],
      rssEndMb: residentMb(apiPid),
      rssPeakMb: peakMb,
    };
  },
});

async function step<Result>(pid: number, work: () => Promise<Result>): Promise<Step & { result: Result }> {
  const watch = watchPeakMemory(pid);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakMb: watch.stop().peakMb };
  } finally {
    watch.stop();
  }
}

async function uploadCsv(apiUrl: string, auth: Record<string, string>, vehicleId: string, csv: string) {
  const body = new FormData();
  body.append('format', 'lubelogger');
  body.append('vehicleId', vehicleId);
  body.append('file', new Blob([csv], { type: 'text/csv' }), 'fuel.csv');
  const response = await fetch(`${apiUrl}/api/import`, { method: 'POST', headers: auth, body });
  const answer = (await response.json()) as { id: string; rows: number; errorCount: number };
  if (response.status !== 201) throw new Error(`Upload answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

async function commitJob(apiUrl: string, auth: Record<string, string>, id: string) {
  const response = await fetch(`${apiUrl}/api/import/${id}/commit`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: '{}',
  });
  const answer = (await response.json()) as { imported: number };
  if (response.status !== 200) throw new Error(`Commit answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

async function importCsv(apiUrl: string, auth: Record<string, string>, vehicleId: string, csv: string) {
  return commitJob(apiUrl, auth, (await uploadCsv(apiUrl, auth, vehicleId, csv)).id);
}
