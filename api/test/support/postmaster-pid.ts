import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pid in a data folder's postmaster.pid; undefined while there is none (a start in progress, or failed). */
export function postmasterPidIn(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0], 10);
    return Number.isInteger(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}
