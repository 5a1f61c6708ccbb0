import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { repoRoot } from './lib/build';

/**
 * Writes `.br` and `.gz` beside each text asset of the built web app, so the API and nginx serve
 * them pre-compressed (about a quarter of the bytes) without compressing per request. Every text
 * file gets both, even where compressing gains nothing: nginx picks the `.br` by name alone.
 */
const compressible = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest']);

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (compressible.has(extname(path))) yield path;
  }
}

export function compressWebApp(dir = join(repoRoot, 'dist/web/browser')): {
  files: number;
  before: number;
  after: number;
} {
  const totals = { files: 0, before: 0, after: 0 };
  for (const path of files(dir)) {
    const content = readFileSync(path);
    const brotli = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    writeFileSync(`${path}.br`, brotli);
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    totals.files += 1;
    totals.before += content.length;
    totals.after += brotli.length;
  }
  return totals;
}

if (require.main === module) {
  const { files: count, before, after } = compressWebApp();
  const kB = (bytes: number) => `${Math.round(bytes / 1024)} kB`;
  console.log(`Pre-compressed ${count} web app files: ${kB(before)} → ${kB(after)} with brotli`);
}
