import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { signUp } from '../../api/test/support/oidc-login';
import { OverpassStation, startStationProvidersStandIn } from '../../api/test/support/station-providers-stand-in';
import type { LoadSettings } from '../lib/load';
import { MixedFigures, MixedRoute, RouteFigures, runMixedLoad } from '../lib/mixed-load';
import { startCatalogPlatform } from '../lib/platform';
import { defineScriptedScenario } from '../lib/scenario';

const userCount = 50;
const fillUpsPerUser = 10;
const recordsPerUser = 5;
const reminderTemplates = ['oil_change', 'tire_rotation', 'inspection'];
const categories = ['oil', 'tires', 'brakes', 'filters', 'inspection'];
const p99GoalMs = 150;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Seeded fill-ups are a week apart from here; those of the load follow a minute apart from `loadStart`. */
const historyStart = Date.UTC(2021, 0, 1);
const loadStart = Date.UTC(2022, 0, 1);
const odometerStep = 500;

interface User {
  authorization: string;
  vehicleId: string;
  /** Fill-ups sent for this vehicle during the load: each a minute and 5 km after the last. */
  fillUps: number;
}

/** Places (about 200 m apart) searched for stations: distinct cache keys, all near the stand-in's stations. */
const places = Array.from({ length: 40 }, (_, index) => ({
  lat: (52.5 + (index % 8) * 0.002).toFixed(4),
  lng: (13.39 + Math.floor(index / 8) * 0.003).toFixed(4),
}));
const stationElement = (id: number, lat: number, lon: number, name: string): OverpassStation => ({
  type: 'node',
  id,
  lat,
  lon,
  tags: { amenity: 'fuel', name, brand: name.split(' ')[0], 'fuel:diesel': 'yes' },
});
const standInStations = [
  stationElement(1001, 52.52, 13.407, 'Aral Mitte'),
  stationElement(1002, 52.5205, 13.4055, 'Shell Alex'),
  stationElement(1003, 52.505, 13.395, 'Total Kreuzberg'),
  stationElement(1004, 52.511, 13.401, 'Esso Spittelmarkt'),
];

/**
 * Many people at once: 50 users, each with a vehicle and some history (fill-ups, service records,
 * reminders), and 100 connections for 60 s mixing the app's everyday calls, each route on its own
 * share of the connections: the garage list, new fill-ups and service records, fuel stats, the due
 * list, catalog dropdowns (the platform running), small document uploads and station searches against
 * a local stand-in for Overpass. Per route: requests, throughput, p50/p99 and every non-2xx by status.
 */
export default defineScriptedScenario({
  name: 'mixed',
  title: `Mixed workload: ${userCount} users, list / write / stats / due / dropdowns / uploads / station search at once`,
  goal: `zero 5xx and no connection errors, and p99 < ${p99GoalMs} ms over all requests (each route's p99 shown against it)`,
  shortGoal: `0 × 5xx, p99 < ${p99GoalMs} ms`,
  load: { connections: 100, seconds: 60 },
  apiEnv: {
    // 50 sign-ups from one address in a few seconds; a bench, not an attack.
    AUTH_SIGN_UP_LIMIT_PER_MINUTE: '1000',
    AUTH_SIGN_IN_LIMIT_PER_MINUTE: '1000',
    // Per-user write limits measure nothing here: each user writes far faster than a person does.
    API_WRITE_LIMIT_PER_MINUTE: '1000000',
  },
  setup: async (context) => {
    const platform = await startCatalogPlatform(context);
    const stationProviders = await startStationProvidersStandIn(standInStations);
    context.onCleanup(() => stationProviders.close());
    const documents = mkdtempSync(join(tmpdir(), 'mvp-bench-mixed-'));
    context.onCleanup(() => rmSync(documents, { recursive: true, force: true }));
    context.log(`stand-in Overpass and geocoder at ${stationProviders.url}, documents in ${documents}`);
    return {
      apiEnv: {
        ...platform.apiEnv,
        ...stationProviders.env,
        DOCUMENTS_DIR: documents,
      },
    };
  },
  prepare: async ({ apiUrl, log }) => {
    const users: User[] = [];
    for (let first = 0; first < userCount; first += 5) {
      const batch = Array.from({ length: Math.min(5, userCount - first) }, (_, offset) => first + offset);
      users.push(...(await Promise.all(batch.map((index) => seedUser(apiUrl, index)))));
      log(`${users.length} of ${userCount} users signed up, each with a vehicle and its history`);
    }
    const makes = (await getJson(apiUrl, '/api/vehicles/catalog/makes?year=2020', users[0].authorization)) as {
      id: number;
      name: string;
    }[];
    const honda = makes.find((make) => make.name === 'Honda');
    if (!honda) throw new Error('The catalog has no 2020 Honda');
    return { users, hondaId: honda.id };
  },
  run: async ({ apiUrl, apiPid, state: { users, hondaId }, load, log }) => {
    const routes = mixedRoutes(users, hondaId);
    for (const route of routes) {
      const request = route.next();
      const response = await fetch(new URL(request.path, apiUrl), {
        method: request.method,
        headers: request.headers,
        body: request.body,
        signal: AbortSignal.timeout(10_000),
      });
      const body = await response.text();
      if (!response.ok) throw new Error(`${route.label} answered ${response.status}: ${body.slice(0, 500)}`);
    }
    log(`every route answered once; measuring ${load.seconds} s with ${load.connections} connections`);
    const loadBefore = loadavg();
    const figures = await runMixedLoad(apiUrl, routes, load, apiPid);
    const loadAfter = loadavg();
    const { total } = figures;
    const passed = total.serverErrors === 0 && total.errors === 0 && total.p99 < p99GoalMs;
    for (const route of figures.routes)
      log(
        `${route.label}: ${route.requestsPerSecond.toFixed(0)} req/s, p99 ${route.p99.toFixed(1)} ms, ` +
          `status ${JSON.stringify(route.statusCodes)}`,
      );
    return {
      columns: ['Route', 'Conns', 'Requests', 'Req/s', 'p50 ms', 'p99 ms', 'Non-2xx (by status)', 'Errors', 'Result'],
      rows: [
        ...figures.routes.map(routeRow),
        routeRow({ ...total, label: 'all routes', connections: load.connections }),
      ],
      passed,
      verdict:
        `${total.serverErrors} × 5xx, ${total.errors} connection errors, p99 ${total.p99.toFixed(1)} ms over ` +
        `${total.requests} requests (goal: 0, 0, < ${p99GoalMs} ms); API RSS ${memory(figures)}`,
      notes: notes(figures, load, loadBefore, loadAfter),
      rssEndMb: figures.rssEndMb,
      rssPeakMb: figures.rssPeakMb,
    };
  },
});

/** The everyday calls, each with its share of the connections; every request by a user picked in turn. */
function mixedRoutes(users: User[], hondaId: number): MixedRoute[] {
  const turn = (() => {
    let next = 0;
    return () => users[next++ % users.length];
  })();
  const json = (user: User) => ({ authorization: user.authorization, 'content-type': 'application/json' });
  const get = (path: (user: User) => string) => () => {
    const user = turn();
    return { method: 'GET' as const, path: path(user), headers: { authorization: user.authorization } };
  };
  let dropdown = 0;
  const dropdowns = [
    '/api/vehicles/catalog/years',
    '/api/vehicles/catalog/makes?year=2020',
    `/api/vehicles/catalog/models?year=2020&makeId=${hondaId}`,
  ];
  let search = 0;
  let upload = 0;
  return [
    { label: 'GET /api/vehicles', weight: 15, next: get(() => '/api/vehicles') },
    {
      label: 'POST /api/fuel-logs',
      weight: 15,
      next: () => {
        const user = turn();
        user.fillUps += 1;
        return {
          method: 'POST',
          path: '/api/fuel-logs',
          headers: json(user),
          body: JSON.stringify({
            vehicleId: user.vehicleId,
            filledAt: new Date(loadStart + user.fillUps * 60_000).toISOString(),
            odometer: fillUpsPerUser * odometerStep + user.fillUps * 5,
            quantity: 35.5,
            pricePerUnit: 1.659,
            isFull: user.fillUps % 4 !== 0,
          }),
        };
      },
    },
    {
      label: 'POST /api/maintenance/records',
      weight: 10,
      next: () => {
        const user = turn();
        return {
          method: 'POST',
          path: '/api/maintenance/records',
          headers: json(user),
          body: JSON.stringify(loadServiceRecord(user.vehicleId, user.fillUps)),
        };
      },
    },
    {
      label: 'GET /api/vehicles/:id/fuel-stats',
      weight: 12,
      next: get((user) => `/api/vehicles/${user.vehicleId}/fuel-stats`),
    },
    { label: 'GET /api/maintenance/reminders/due', weight: 12, next: get(() => '/api/maintenance/reminders/due') },
    {
      label: 'GET /api/vehicles/catalog/* (dropdowns)',
      weight: 14,
      next: get(() => dropdowns[dropdown++ % dropdowns.length]),
    },
    {
      label: 'POST /api/documents (2 KiB PDF, multipart)',
      weight: 10,
      next: () => {
        const user = turn();
        const { contentType, body } = smallPdfUpload(`bench-${++upload}`);
        return {
          method: 'POST',
          path: '/api/documents',
          headers: { authorization: user.authorization, 'content-type': contentType },
          body,
        };
      },
    },
    {
      label: 'GET /api/stations/search (stand-in OSM)',
      weight: 12,
      next: get(() => {
        const place = places[search++ % places.length];
        return `/api/stations/search?lat=${place.lat}&lng=${place.lng}&radius=5000`;
      }),
    },
  ];
}

/** Signs a user up and gives them a vehicle with fill-ups a week apart, service records and reminders. */
async function seedUser(apiUrl: string, index: number): Promise<User> {
  const { accessToken } = await signUp(apiUrl, {
    email: `bench-${index}@example.com`,
    password: 'bench-password-1',
    displayName: `Bench ${index}`,
  });
  const authorization = `Bearer ${accessToken}`;
  const post = (path: string, body: unknown) => postJson(apiUrl, path, authorization, body);
  const { id: vehicleId } = await post('/api/vehicles', {
    make: ['Honda', 'Toyota', 'Ford', 'Yamaha', 'BMW'][index % 5],
    model: `Bench ${index}`,
    year: 2010 + (index % 12),
    odometerUnit: 'km',
    initialOdometer: 0,
    fuelTypes: ['gasoline'],
  });
  for (let fill = 1; fill <= fillUpsPerUser; fill++)
    await post('/api/fuel-logs', {
      vehicleId,
      filledAt: new Date(historyStart + fill * 7 * DAY_MS).toISOString(),
      odometer: fill * odometerStep,
      quantity: 30 + (fill % 7),
      pricePerUnit: [1.599, 1.619, 1.639, 1.659, 1.679][fill % 5],
      isFull: true,
    });
  for (let record = 0; record < recordsPerUser; record++)
    await post('/api/maintenance/records', historyServiceRecord(vehicleId, record));
  await post('/api/maintenance/reminders/from-templates', {
    vehicleId,
    templates: reminderTemplates.map((key) => ({ key })),
  });
  return { authorization, vehicleId, fillUps: 0 };
}

/** The seeded history's record `index`: three days after fill-up `index`, halfway to the next one's odometer. */
function historyServiceRecord(vehicleId: string, index: number) {
  return serviceRecord(
    vehicleId,
    index,
    historyStart + (index * 7 + 3) * DAY_MS,
    index * odometerStep + odometerStep / 2,
  );
}

/**
 * A record of the load: all on one day between the history and the load's fill-ups, at an odometer
 * between theirs. Readings on a record's own day never conflict with it, so concurrent ones always pass
 * the odometer-order check, as do the fill-ups after them.
 */
function loadServiceRecord(vehicleId: string, sequence: number) {
  return serviceRecord(vehicleId, sequence, Date.UTC(2021, 5, 1), fillUpsPerUser * odometerStep + 2);
}

function serviceRecord(vehicleId: string, sequence: number, day: number, odometer: number) {
  return {
    vehicleId,
    performedAt: new Date(day).toISOString().slice(0, 10),
    odometer,
    category: categories[sequence % categories.length],
    title: 'Bench service',
    parts: [{ name: 'Part', quantity: 1, unitCost: 10 }],
  };
}

/** A 2 KiB PDF (its header, then text that differs per upload) as a one-part multipart body. */
function smallPdfUpload(name: string): { contentType: string; body: Buffer } {
  const boundary = 'mvp-bench-mixed-boundary';
  const content = `%PDF-1.7\n% ${name}\n` + 'x'.repeat(2048 - 20 - name.length) + '\n%%EOF\n';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}.pdf"\r\n` +
        `Content-Type: application/pdf\r\n\r\n${content}\r\n--${boundary}--\r\n`,
      'latin1',
    ),
  };
}

async function postJson(apiUrl: string, path: string, authorization: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

async function getJson(apiUrl: string, path: string, authorization: string): Promise<unknown> {
  const response = await fetch(`${apiUrl}${path}`, { headers: { authorization } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

function routeRow(route: RouteFigures): string[] {
  const refused = Object.entries(route.statusCodes)
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, count]) => `${count} × ${code}`);
  const met = route.serverErrors === 0 && route.errors === 0 && route.p99 < p99GoalMs;
  return [
    route.label,
    String(route.connections),
    String(route.requests),
    route.requestsPerSecond.toFixed(0),
    route.p50.toFixed(1),
    route.p99.toFixed(1),
    refused.length > 0 ? refused.join(', ') : '0',
    String(route.errors),
    met ? 'pass' : 'MISS',
  ];
}

function memory({ rssStartMb, rssEndMb, rssPeakMb }: MixedFigures): string {
  const mb = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(0));
  return `${mb(rssStartMb)} MB before, ${mb(rssEndMb)} MB after, peak ${mb(rssPeakMb)} MB`;
}

function notes(figures: MixedFigures, load: LoadSettings, before: number[], after: number[]): string[] {
  const averages = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  const seconds = load.seconds;
  return [
    `Load: ${load.connections} connections for ${seconds} s, no warm-up (each route answered once before); ` +
      '`-c` and `-d` change them.',
    `API resident memory (VmRSS, sampled every 250 ms): ${memory(figures)} the measured ${seconds} s ` +
      '(before: after seeding and one request per route).',
    `Machine load average (1 / 5 / 15 min): ${averages(before)} before the measured load, ${averages(after)} after; ` +
      `${cpus().length} CPUs shared by the load generator, PostgreSQL, Redis, the platform and the API. CPU used ` +
      `over the measured load, in % of one core: the API ${figures.apiCpuPercent?.toFixed(0) ?? '?'} %, the load ` +
      `generator (this process) ${figures.generatorCpuPercent.toFixed(0)} %.`,
    `${userCount} users signed up through the embedded issuer, each with one vehicle, ${fillUpsPerUser} fill-ups, ` +
      `${recordsPerUser} service records and ${reminderTemplates.length} reminders; every request goes to the next ` +
      'user in turn. Each route runs its own autocannon instance on its share of the connections, all at once.',
    'Fill-ups: each a minute and 5 km after that vehicle’s last one; service records all on one day between the ' +
      'history and the new fill-ups, at an odometer between theirs (so every write passes the odometer-order check). ' +
      'Dropdowns: years, 2020 makes and 2020 Honda models in turn (the platform over Nest TCP, then the API’s cache). ' +
      `Station search: ${places.length} places ~200 m apart in turn (each a cache key), the provider a local ` +
      'stand-in for Overpass. Uploads: a 2 KiB PDF, different each time, to the disk backend in a temp folder.',
    'Non-2xx are counted by status, not stopped at; Errors are connection errors and timeouts (10 s). A route’s ' +
      `Result is MISS with any 5xx, any error or a p99 ≥ ${p99GoalMs} ms; the scenario’s goal is judged over all routes.`,
  ];
}
