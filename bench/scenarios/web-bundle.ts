import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compressWebApp } from '../../scripts/compress-web';
import { buildTargets, isStale, runBin } from '../../scripts/lib/build';
import { repoRoot } from '../lib/paths';
import { type BundleFile, measureBundle } from '../lib/web-bundle';
import { defineScriptedScenario } from '../lib/scenario';
import { residentMb } from '../lib/servers';

const maxInitialKb = 160;
const maxChunkKb = 60;
const browserDir = join(repoRoot, 'dist/web/browser');
const statsFile = join(repoRoot, 'dist/web/stats.json');
/** Lazy chunks listed one by one; the rest share a row. */
const listedChunks = 12;

const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** A request for a web file as a browser sends it, and the headers it must come back with. */
interface HeaderCheck {
  path: string;
  acceptEncoding: string;
  expected: Record<string, string | RegExp>;
}

/**
 * The built web app's JavaScript as a browser downloads it: what index.html loads before the first
 * screen (its script and modulepreload tags) and each chunk loaded on demand, at the sizes of the
 * `.gz` and `.br` files served. The API serves the same folder, and the headers it sends with a
 * page and a bundle are checked: brotli or gzip as accepted, immutable caching for hashed files.
 */
export default defineScriptedScenario({
  name: 'web-bundle',
  title: 'the web app: initial JavaScript and lazy chunks, gzip and brotli, and the headers they are served with',
  goal: `initial JavaScript ≤ ${maxInitialKb} kB gzip, every lazy chunk ≤ ${maxChunkKb} kB gzip; brotli/gzip and immutable caching`,
  shortGoal: `initial ≤ ${maxInitialKb} kB gz, chunks ≤ ${maxChunkKb} kB gz`,
  apiEnv: { SERVE_WEB: 'true', WEB_DIST_DIR: browserDir },
  setup: ({ log }) => {
    // Built with --stats-json too, so the table can say what each chunk holds.
    if (isStale(buildTargets.web) || !existsSync(statsFile)) {
      log('building the web app (npx ng build web --stats-json)');
      runBin(['ng', 'build', 'web', '--stats-json'], { quiet: true });
    }
    const { files } = compressWebApp(browserDir);
    log(`compressed ${files} files in dist/web/browser as scripts/compress-web.ts does (brotli 11, gzip 9)`);
    return Promise.resolve();
  },
  prepare: async ({ apiUrl }) => {
    const index = await fetch(`${apiUrl}/`, { headers: { accept: 'text/html' } });
    if (!index.ok || !(await index.text()).includes('<mvp-root')) {
      throw new Error(`The API did not serve the web app at / (${index.status})`);
    }
  },
  run: async ({ apiUrl, apiPid, log }) => {
    const stats =
      existsSync(statsFile) && statSync(statsFile).mtimeMs >= statSync(join(browserDir, 'index.html')).mtimeMs;
    const files = measureBundle(browserDir, stats ? statsFile : undefined);
    const initial = files.filter((file) => file.initial);
    const lazy = files.filter((file) => !file.initial);
    const initialTotal = {
      raw: sum(initial, 'raw'),
      gzip: sum(initial, 'gzip'),
      brotli: sum(initial, 'brotli'),
    };
    const initialPassed = initialTotal.gzip <= maxInitialKb * 1000;
    const oversized = lazy.filter((file) => file.gzip > maxChunkKb * 1000);
    const [largest] = lazy;
    log(
      `initial ${kB(initialTotal.gzip)} kB gzip in ${initial.length} files; largest chunk ${kB(largest?.gzip ?? 0)} kB`,
    );

    const headerFailures = await checkHeaders(apiUrl, initial.find((file) => file.name.startsWith('main-'))?.name);
    const passed = initialPassed && oversized.length === 0 && headerFailures.length === 0;

    const result = (ok: boolean) => (ok ? 'pass' : 'MISS');
    const chunkRow = (file: BundleFile) => [
      file.name,
      file.content ?? '-',
      kB(file.raw),
      kB(file.gzip),
      kB(file.brotli),
      `≤ ${maxChunkKb}`,
      result(file.gzip <= maxChunkKb * 1000),
    ];
    const rest = lazy.slice(listedChunks);
    const rows = [
      [
        `initial: ${initial.length} files`,
        'index.html scripts and modulepreloads',
        kB(initialTotal.raw),
        kB(initialTotal.gzip),
        kB(initialTotal.brotli),
        `≤ ${maxInitialKb}`,
        result(initialPassed),
      ],
      ...lazy.slice(0, listedChunks).map(chunkRow),
      ...(rest.length > 0
        ? [
            [
              `${rest.length} more lazy chunks`,
              `largest ${rest[0].name}`,
              kB(sum(rest, 'raw')),
              kB(sum(rest, 'gzip')),
              kB(sum(rest, 'brotli')),
              `≤ ${maxChunkKb} each`,
              result(rest.every((file) => file.gzip <= maxChunkKb * 1000)),
            ],
          ]
        : []),
    ];
    const verdictParts = [
      `initial JavaScript ${kB(initialTotal.gzip)} kB gzip / ${kB(initialTotal.brotli)} kB brotli (goal ≤ ${maxInitialKb} kB gzip)`,
      `largest lazy chunk ${kB(largest?.gzip ?? 0)} kB gzip / ${kB(largest?.brotli ?? 0)} kB brotli (goal ≤ ${maxChunkKb})`,
      oversized.length > 0 ? `over: ${oversized.map((file) => file.name).join(', ')}` : '',
      headerFailures.length > 0 ? `headers: ${headerFailures.join('; ')}` : 'headers as expected',
    ];
    return {
      columns: ['File', 'Mostly', 'Raw kB', 'gzip kB', 'brotli kB', 'Goal kB (gzip)', 'Result'],
      rows,
      passed,
      verdict: verdictParts.filter(Boolean).join('; '),
      notes: [
        'Sizes are those of the `.gz` (level 9) and `.br` (quality 11) files beside each bundle in dist/web/browser, ' +
          'written by scripts/compress-web.ts as in the images; 1 kB = 1,000 bytes.',
        '"Initial" is what index.html names in its `<script src>` and `<link rel="modulepreload">` tags; every other ' +
          '.js file is a lazy chunk, loaded by a route or a deferred block when first needed.',
        `"Mostly" is the package or source file with the most bytes in the chunk (from dist/web/stats.json${stats ? '' : ', absent or older than the build: run `npx ng build web --stats-json`'}).`,
        'Headers: the API serving dist/web/browser (SERVE_WEB=true) is asked for / and the main bundle as a browser ' +
          'accepting br, then gzip only: Content-Encoding as accepted, Vary: Accept-Encoding, no-cache for the page, ' +
          '`public, max-age=31536000, immutable` for the bundle. deploy/nginx/default.conf is checked by deploy/test.',
      ],
      rssEndMb: residentMb(apiPid),
    };
  },
});

function sum(files: BundleFile[], key: 'raw' | 'gzip' | 'brotli'): number {
  return files.reduce((total, file) => total + file[key], 0);
}

async function checkHeaders(apiUrl: string, mainBundle: string | undefined): Promise<string[]> {
  if (!mainBundle) return ['index.html names no main-*.js'];
  const immutable = 'public, max-age=31536000, immutable';
  const checks: HeaderCheck[] = ['br', 'gzip'].flatMap((encoding) => [
    {
      path: '/',
      acceptEncoding: encoding === 'br' ? 'gzip, deflate, br, zstd' : 'gzip, deflate',
      expected: { 'content-encoding': encoding, 'cache-control': 'no-cache', vary: /accept-encoding/i },
    },
    {
      path: `/${mainBundle}`,
      acceptEncoding: encoding === 'br' ? 'gzip, deflate, br, zstd' : 'gzip, deflate',
      expected: { 'content-encoding': encoding, 'cache-control': immutable, vary: /accept-encoding/i },
    },
  ]);
  const failures: string[] = [];
  for (const { path, acceptEncoding, expected } of checks) {
    const response = await fetch(`${apiUrl}${path}`, {
      headers: { accept: 'text/html,*/*', 'accept-encoding': acceptEncoding },
    });
    await response.arrayBuffer();
    for (const [header, wanted] of Object.entries(expected)) {
      const value = response.headers.get(header);
      const ok = wanted instanceof RegExp ? wanted.test(value ?? '') : value === wanted;
      if (!ok) failures.push(`${path} (accepting ${acceptEncoding}) ${header}: ${value ?? 'none'}`);
    }
  }
  return failures;
}
