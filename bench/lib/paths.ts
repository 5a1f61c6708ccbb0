import { join, resolve } from 'node:path';

export const benchDir = resolve(__dirname, '..');
export const repoRoot = resolve(benchDir, '..');
export const resultsDir = join(benchDir, 'results');
export const apiEntry = join(repoRoot, 'dist/api/api/src/main.js');
/** Where the bare servers are transpiled to (dist/ is ignored by git; node_modules resolve from the repo root). */
export const bareBuildDir = join(repoRoot, 'dist/bench/bare');
