import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import {
  ByteRange,
  checkedKey,
  checkedPrefix,
  checkedRange,
  DocumentNotFoundError,
  DocumentRangeError,
  DocumentRead,
  DocumentStorage,
  isDocumentKey,
  storageFullOr,
  StoredContent,
  StoredObject,
} from './document-storage';
import { TemporaryFiles } from './temporary-files';

/**
 * Files under `DOCUMENTS_DIR` at `<userId>/<documentId>`; uploads in progress in `.tmp/`, files set
 * aside by the consistency check in `.quarantine/<userId>/<documentId>`.
 */
export class DiskDocumentStorage implements DocumentStorage {
  private readonly temporary: TemporaryFiles;

  constructor(private readonly root: string) {
    this.temporary = new TemporaryFiles(join(root, '.tmp'));
  }

  async put(key: string, source: Readable, options: { maxBytes: number }): Promise<StoredContent> {
    const target = this.pathOf(key);
    const written = await this.temporary.write(source, options.maxBytes);
    try {
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await rename(written.path, target);
    } catch (error) {
      await rm(written.path, { force: true });
      throw storageFullOr(error);
    }
    // The rename is durable once the folder that now names the file is on disk too.
    await syncFolder(dirname(target));
    return { size: written.size, sha256: written.sha256 };
  }

  async get(key: string, range?: ByteRange): Promise<DocumentRead> {
    const path = this.pathOf(key);
    const found = await this.stat(key);
    if (!found) throw new DocumentNotFoundError(key);
    const { size } = found;
    const { start, end } = range ? checkedRange(range) : { start: 0, end: size - 1 };
    if (range && start >= size) throw new DocumentRangeError(size);
    const last = Math.min(end, size - 1);
    // An empty file: createReadStream with end -1 would read everything, so give it nothing to read.
    const stream = last < start ? Readable.from([]) : createReadStream(path, { start, end: last });
    return { stream, size, start, end: last };
  }

  async stat(key: string): Promise<{ size: number; modifiedAt: Date } | null> {
    try {
      const found = await stat(this.pathOf(key));
      return found.isFile() ? { size: found.size, modifiedAt: found.mtime } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async *list(prefix = ''): AsyncIterable<StoredObject> {
    checkedPrefix(prefix);
    const users = prefix ? [prefix.slice(0, -1)] : (await namesIn(this.root)).sort();
    for (const user of users) {
      for (const name of (await namesIn(join(this.root, user))).sort()) {
        const key = `${user}/${name}`;
        if (!isDocumentKey(key)) continue;
        const found = await this.stat(key);
        if (found) yield { key, size: found.size, modifiedAt: found.modifiedAt };
      }
    }
  }

  async quarantine(key: string): Promise<void> {
    const source = this.pathOf(key);
    if (!(await this.stat(key))) throw new DocumentNotFoundError(key);
    const target = join(this.root, '.quarantine', key);
    await mkdir(dirname(target), { recursive: true, mode: 0o700 });
    try {
      await rename(source, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DocumentNotFoundError(key);
      throw error;
    }
    await syncFolder(dirname(target));
    await syncFolder(dirname(source));
  }

  cleanTemporary(): Promise<number> {
    return this.temporary.clean();
  }

  async close(): Promise<void> {}

  private pathOf(key: string): string {
    return join(this.root, checkedKey(key));
  }
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

async function syncFolder(dir: string): Promise<void> {
  const folder = await open(dir, 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
