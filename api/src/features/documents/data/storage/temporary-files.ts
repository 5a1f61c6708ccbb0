import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DocumentTooLargeError, storageFullOr, StoredContent } from './document-storage';

/**
 * The folder of uploads in progress (`<DOCUMENTS_DIR>/.tmp`), on the same file system as the stored
 * files so that moving one into place is a rename. One process owns it: `clean` removes everything.
 */
export class TemporaryFiles {
  constructor(readonly dir: string) {}

  /**
   * Writes `source` to a new temporary file, counting and hashing on the way, and fsyncs it.
   * Past `maxBytes` it stops reading at once; on any failure the file is removed, and a full disk
   * is a `DocumentStorageFullError`.
   */
  async write(source: Readable, maxBytes: number): Promise<StoredContent & { path: string }> {
    const path = join(this.dir, `${randomUUID()}.part`);
    const meter = new Meter(maxBytes);
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await pipeline(source, meter, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
      await syncFile(path);
    } catch (error) {
      // What is left of the upload is not stored: let it drain so the answer can be sent.
      source.resume();
      await rm(path, { force: true });
      throw storageFullOr(error);
    }
    return { path, size: meter.size, sha256: meter.sha256() };
  }

  /** Removes every leftover; returns how many there were. */
  async clean(): Promise<number> {
    const entries = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    await Promise.all(entries.map((name) => rm(join(this.dir, name), { recursive: true, force: true })));
    return entries.length;
  }
}

/** fsync through a new descriptor: it flushes the file's data however it was written. */
async function syncFile(path: string): Promise<void> {
  const file = await open(path, 'r+');
  try {
    await file.sync();
  } finally {
    await file.close();
  }
}

/** Passes bytes through while counting and hashing them; fails as soon as the count passes the cap. */
class Meter extends Transform {
  size = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void) {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return done(new DocumentTooLargeError(this.maxBytes));
    this.hash.update(chunk);
    done(null, chunk);
  }

  sha256(): string {
    return this.hash.digest('hex');
  }
}
