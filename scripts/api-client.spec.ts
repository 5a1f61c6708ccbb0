import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..');

describe('the committed API client (docs/openapi.json, web/src/app/core/api/api-types.ts)', () => {
  it('is what npm run api:client makes of the API as it is now', () => {
    // A process of its own: the generator and prettier are ES modules, which Jest on Node 20 cannot load.
    const check = spawnSync(
      process.execPath,
      ['--require', './scripts/lib/swc-register.cjs', 'scripts/api-client.ts', '--check'],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(check.status === 0 ? '' : check.stderr.trim()).toBe('');
  });
});
