import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Who runs the embedded PostgreSQL of a data folder: written by that process, for its lifetime. */
export interface EmbeddedOwner {
  pid: number;
  /** The port the server listens on (127.0.0.1). */
  port: number;
  /** The command that owns it: `api` for the app, or a one-off such as `admin`. */
  command: string;
  /** Where people open the app, when the owner is the app. */
  url?: string;
  startedAt: string;
  /** The kernel's start time of `pid` (Linux), so a reused pid is not mistaken for the owner. */
  processStart?: string;
}

export type OwnerClaim = { acquired: true } | { acquired: false; owner: EmbeddedOwner };

/**
 * The lock file `DATA_DIR/embedded-postgres.owner.json`. Created exclusively, so of two processes
 * claiming one folder exactly one wins; a file whose process is gone (a hard kill, a reboot) is stale
 * and taken over.
 */
export class EmbeddedOwnerLock {
  readonly path: string;
  private held?: EmbeddedOwner;
  private readonly releaseOnExit = () => this.release();

  constructor(dataDir: string) {
    this.path = join(resolve(dataDir), 'embedded-postgres.owner.json');
  }

  /** The process that owns the folder's server now, if it is alive. */
  liveOwner(): EmbeddedOwner | undefined {
    const owner = this.read();
    return owner && isOwnerAlive(owner) ? owner : undefined;
  }

  claim(details: Pick<EmbeddedOwner, 'port' | 'command' | 'url'>): OwnerClaim {
    const me: EmbeddedOwner = {
      pid: process.pid,
      ...details,
      startedAt: new Date().toISOString(),
      processStart: processStartOf(process.pid),
    };
    mkdirSync(dirname(this.path), { recursive: true });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        writeFileSync(this.path, `${JSON.stringify(me, null, 2)}\n`, { flag: 'wx', mode: 0o644 });
        this.held = me;
        process.once('exit', this.releaseOnExit);
        return { acquired: true };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = this.liveOwner();
      if (owner) return { acquired: false, owner };
      // Stale: its process is gone. Another claimant may remove it at the same time; `wx` settles who wins.
      rmSync(this.path, { force: true });
    }
    throw new Error(`Could not claim ${this.path}: it keeps changing`);
  }

  /** Removes the file, if it is still ours. */
  release(): void {
    const held = this.held;
    if (!held) return;
    this.held = undefined;
    process.removeListener('exit', this.releaseOnExit);
    const current = this.read();
    if (current && current.pid === held.pid && current.processStart === held.processStart) {
      rmSync(this.path, { force: true });
    }
  }

  private read(): EmbeddedOwner | undefined {
    if (!existsSync(this.path)) return undefined;
    try {
      const owner = JSON.parse(readFileSync(this.path, 'utf8')) as EmbeddedOwner;
      return Number.isInteger(owner.pid) && Number.isInteger(owner.port) ? owner : undefined;
    } catch {
      return undefined; // half-written or damaged: nobody can be relying on it
    }
  }
}

/** One line for a person: who holds the folder's database. */
export function describeOwner(owner: EmbeddedOwner): string {
  if (owner.command === 'api')
    return `MotoVaultPro is running on it (pid ${owner.pid}${owner.url ? `, ${owner.url}` : ''})`;
  return `"${owner.command}" is using it (pid ${owner.pid})`;
}

function isOwnerAlive(owner: EmbeddedOwner): boolean {
  if (owner.pid === process.pid && owner.processStart === processStartOf(process.pid)) return true;
  if (owner.pid === process.pid || !isProcessAlive(owner.pid)) return false;
  const start = processStartOf(owner.pid);
  return !owner.processStart || !start || start === owner.processStart;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); undefined where there is no /proc. */
function processStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
