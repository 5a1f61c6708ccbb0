import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** One JavaScript file of the built web app, with the sizes it is served at. */
export interface BundleFile {
  name: string;
  /** Loaded with the first page (index.html's script and modulepreload tags), or on demand. */
  initial: boolean;
  raw: number;
  gzip: number;
  brotli: number;
  /** What most of its bytes are: a package (`chart.js`) or a source file; undefined without stats. */
  content?: string;
}

/** The files index.html loads itself: `<script src>` and `<link rel="modulepreload" href>`. */
export function initialScripts(indexHtml: string): string[] {
  const tags = indexHtml.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags
    .filter((tag) => tag.startsWith('<script') || /\brel="modulepreload"/.test(tag))
    .map((tag) => /\b(?:src|href)="([^"]+\.js)"/.exec(tag)?.[1])
    .filter((name): name is string => name !== undefined);
}

/**
 * Every .js file in `browserDir`, measured by the `.gz` and `.br` that scripts/compress-web.ts wrote
 * beside it (what the API and nginx send), largest gzip first.
 */
export function measureBundle(browserDir: string, statsFile?: string): BundleFile[] {
  const initial = new Set(initialScripts(readFileSync(join(browserDir, 'index.html'), 'utf8')));
  const contents = statsFile && existsSync(statsFile) ? mainContents(statsFile) : new Map<string, string>();
  const size = (path: string) => {
    if (!existsSync(path)) throw new Error(`${path} is missing: run scripts/compress-web.ts after the build`);
    return statSync(path).size;
  };
  return readdirSync(browserDir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => {
      const path = join(browserDir, name);
      return {
        name,
        initial: initial.has(name),
        raw: size(path),
        gzip: size(`${path}.gz`),
        brotli: size(`${path}.br`),
        content: contents.get(name),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

interface Metafile {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

/** From the build's esbuild metafile (`ng build --stats-json`): each output's largest package or source file. */
function mainContents(statsFile: string): Map<string, string> {
  const { outputs } = JSON.parse(readFileSync(statsFile, 'utf8')) as Metafile;
  const contents = new Map<string, string>();
  for (const [output, { inputs }] of Object.entries(outputs)) {
    const bytesBySource = new Map<string, number>();
    for (const [input, { bytesInOutput }] of Object.entries(inputs)) {
      const source = sourceOf(input);
      bytesBySource.set(source, (bytesBySource.get(source) ?? 0) + bytesInOutput);
    }
    const total = [...bytesBySource.values()].reduce((sum, bytes) => sum + bytes, 0);
    const [largest] = [...bytesBySource].sort((a, b) => b[1] - a[1]);
    if (largest && total > 0) {
      contents.set(output.replace(/^.*\//, ''), `${largest[0]} (${Math.round((100 * largest[1]) / total)} %)`);
    }
  }
  return contents;
}

/** `@angular/material/chips` for Angular's entry points, the package name for others, else the app's file. */
function sourceOf(input: string): string {
  const angular = /node_modules\/(@angular\/[^/]+)\/fesm2022\/_?([\w-]+?)(?:-chunk\d*)?\.mjs$/.exec(input);
  if (angular) return `${angular[1]}/${angular[2]}`;
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.replace(/^web\/src\/app\//, '');
}
