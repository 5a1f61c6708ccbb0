import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A folder on a file system of its own that is full after `bytes`. */
export interface SmallDisk {
  dir: string;
  release(): Promise<void>;
}

/** Mounting needs root; without it the test that fills a disk says so and does not run. */
export const canMount = process.getuid?.() === 0;

/** A real full disk: a tmpfs of `bytes` mounted on a new folder; a write past it fails with ENOSPC. */
export async function smallDisk(bytes: number): Promise<SmallDisk> {
  const dir = await mkdtemp(join(tmpdir(), 'mvp-small-disk-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${bytes},mode=0700`, 'tmpfs', dir]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`Could not mount a ${bytes}-byte tmpfs: ${(error as Error).message}`);
  }
  return {
    dir,
    release: async () => {
      await run('umount', [dir]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
