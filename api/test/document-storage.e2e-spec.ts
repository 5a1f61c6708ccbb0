import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import {
  createDocumentStorage,
  documentKey,
  DocumentNotFoundError,
  DocumentRangeError,
  DocumentStorage,
  DocumentTooLargeError,
  InvalidDocumentKeyError,
} from '../src/features/documents';
import { LocalS3, startLocalS3 } from './support/local-s3';

const MB = 1024 * 1024;

/** Everything a backend keeps: its stored keys and every file in the folders it writes to. */
interface Backend {
  storage: DocumentStorage;
  documentsDir: string;
  files(): Promise<string[]>;
  /** The bytes `quarantine` set aside for `key`, read where the backend keeps them; null when there are none. */
  quarantined(key: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

const readOrNull = (path: string) => readFile(path).catch(() => null);

const backends: Array<[string, () => Promise<Backend>]> = [
  [
    'disk',
    async () => {
      const documentsDir = await mkdtemp(join(tmpdir(), 'mvp-documents-'));
      const storage = createDocumentStorage(storageConfig(documentsDir));
      return {
        storage,
        documentsDir,
        files: () => filesUnder(documentsDir),
        quarantined: (key) => readOrNull(join(documentsDir, '.quarantine', key)),
        close: async () => {
          await storage.close();
          await rm(documentsDir, { recursive: true, force: true });
        },
      };
    },
  ],
  [
    's3',
    async () => {
      const s3: LocalS3 = await startLocalS3();
      const documentsDir = await mkdtemp(join(tmpdir(), 'mvp-documents-'));
      const storage = createDocumentStorage({
        ...storageConfig(documentsDir),
        DOCUMENTS_S3_BUCKET: s3.bucket,
        DOCUMENTS_S3_ENDPOINT: s3.endpoint,
        DOCUMENTS_S3_FORCE_PATH_STYLE: true,
        DOCUMENTS_S3_ACCESS_KEY_ID: s3.accessKeyId,
        DOCUMENTS_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      });
      return {
        storage,
        documentsDir,
        // s3rver has no ListMultipartUploads; its folder holds objects and unfinished uploads alike.
        files: async () => [
          ...(await filesUnder(documentsDir)).map((path) => `spool:${path}`),
          ...(await filesUnder(s3.directory)).map((path) => `s3rver:${path}`),
        ],
        // s3rver keeps an object's bytes in `<bucket>/<key>._S3rver_object`.
        quarantined: (key) => readOrNull(join(s3.directory, s3.bucket, `quarantine/${key}._S3rver_object`)),
        close: async () => {
          await storage.close();
          await s3.close();
          await rm(documentsDir, { recursive: true, force: true });
        },
      };
    },
  ],
];

describe.each(backends)('document storage: %s', (_name, start) => {
  let backend: Backend;
  let storage: DocumentStorage;
  beforeAll(async () => {
    backend = await start();
    storage = backend.storage;
  });
  afterAll(() => backend.close());

  const newKey = () => documentKey(randomUUID(), randomUUID());

  it('stores a multi-MB stream byte for byte, with its size and SHA-256', async () => {
    const key = newKey();
    const source = generated(6 * MB + 12345);
    const stored = await storage.put(key, source.stream, { maxBytes: 10 * MB });

    expect(stored).toEqual({ size: 6 * MB + 12345, sha256: source.sha256() });
    expect(await storage.stat(key)).toMatchObject({ size: 6 * MB + 12345 });
    const read = await storage.get(key);
    expect(read).toMatchObject({ size: 6 * MB + 12345, start: 0, end: 6 * MB + 12344 });
    expect(await sha256Of(read.stream)).toBe(source.sha256());
  });

  it('stores a file of exactly maxBytes, and an empty one', async () => {
    const key = newKey();
    expect(await storage.put(key, generated(MB).stream, { maxBytes: MB })).toMatchObject({ size: MB });
    const empty = newKey();
    const stored = await storage.put(empty, Readable.from([]), { maxBytes: MB });
    expect(stored).toEqual({ size: 0, sha256: createHash('sha256').digest('hex') });
    const read = await storage.get(empty);
    expect(read).toMatchObject({ size: 0 });
    expect(await bytesOf(read.stream)).toHaveLength(0);
  });

  it('reads byte ranges, clamps a range running past the end, and refuses one starting past it', async () => {
    const key = newKey();
    const bytes = randomBytes(1000);
    await storage.put(key, Readable.from([bytes]), { maxBytes: MB });

    const middle = await storage.get(key, { start: 10, end: 19 });
    expect(middle).toMatchObject({ size: 1000, start: 10, end: 19 });
    expect((await bytesOf(middle.stream)).equals(bytes.subarray(10, 20))).toBe(true);

    const tail = await storage.get(key, { start: 990, end: 5000 });
    expect(tail).toMatchObject({ size: 1000, start: 990, end: 999 });
    expect((await bytesOf(tail.stream)).equals(bytes.subarray(990))).toBe(true);

    // One byte (s3rver reads `bytes=0-0` as the whole object, so not the first one).
    const one = await storage.get(key, { start: 1, end: 1 });
    expect((await bytesOf(one.stream)).equals(bytes.subarray(1, 2))).toBe(true);

    await expect(storage.get(key, { start: 1000, end: 1001 })).rejects.toThrow(DocumentRangeError);
  });

  it('stops reading as soon as the cap is passed, and leaves nothing behind', async () => {
    const before = await backend.files();
    const key = newKey();
    const source = generated(8 * MB);

    const failure = storage.put(key, source.stream, { maxBytes: MB });
    await expect(failure).rejects.toThrow(DocumentTooLargeError);
    await expect(failure).rejects.toMatchObject({ maxBytes: MB });

    expect(source.pulled()).toBeLessThan(MB + 256 * 1024);
    expect(await storage.stat(key)).toBeNull();
    expect(await keysOf(storage)).not.toContain(key);
    expect(await backend.files()).toEqual(before);
  });

  it('leaves nothing behind when the source fails midway', async () => {
    const before = await backend.files();
    const key = newKey();
    async function* failing() {
      yield randomBytes(MB);
      throw new Error('client went away');
    }
    await expect(storage.put(key, Readable.from(failing()), { maxBytes: 10 * MB })).rejects.toThrow('client went away');
    expect(await storage.stat(key)).toBeNull();
    expect(await backend.files()).toEqual(before);
  });

  it('refuses every key that is not <uuid>/<uuid>, writing nothing', async () => {
    const before = await backend.files();
    const id = randomUUID();
    const badKeys = [
      '../../etc/passwd',
      'passwd',
      id,
      `${id}/`,
      `${id}/${id}/x`,
      `${id}/../${id}`,
      `${id}/${id}.pdf`,
      `${id.toUpperCase()}/${id}`,
      `/${id}/${id}`,
      `${id}\\${id}`,
      '',
    ];
    for (const key of badKeys) {
      await expect(storage.put(key, Readable.from([Buffer.from('x')]), { maxBytes: MB })).rejects.toThrow(
        InvalidDocumentKeyError,
      );
      await expect(storage.get(key)).rejects.toThrow(InvalidDocumentKeyError);
      await expect(storage.stat(key)).rejects.toThrow(InvalidDocumentKeyError);
      await expect(storage.delete(key)).rejects.toThrow(InvalidDocumentKeyError);
      await expect(storage.quarantine(key)).rejects.toThrow(InvalidDocumentKeyError);
    }
    expect(() => documentKey('../..', id)).toThrow(InvalidDocumentKeyError);
    await expect(keysOf(storage, '../')).rejects.toThrow(InvalidDocumentKeyError);
    expect(await backend.files()).toEqual(before);
  });

  it('deletes, after which the key reads as missing; deleting again is fine', async () => {
    const key = newKey();
    await storage.put(key, Readable.from([Buffer.from('receipt')]), { maxBytes: MB });
    await storage.delete(key);

    expect(await storage.stat(key)).toBeNull();
    await expect(storage.get(key)).rejects.toThrow(DocumentNotFoundError);
    await expect(storage.delete(key)).resolves.toBeUndefined();
    expect(await keysOf(storage)).not.toContain(key);
  });

  it('lists stored keys, all or one user’s', async () => {
    const userId = randomUUID();
    const keys = [documentKey(userId, randomUUID()), documentKey(userId, randomUUID())].sort();
    for (const key of keys) await storage.put(key, Readable.from([Buffer.from(key)]), { maxBytes: MB });

    const listed = [];
    for await (const object of storage.list(`${userId}/`)) listed.push(object);
    expect(listed.map(({ key, size }) => ({ key, size }))).toEqual(
      keys.map((key) => ({ key, size: Buffer.byteLength(key) })),
    );
    // The time the consistency check's grace period is measured from, as `stat` gives it.
    expect(listed[0].modifiedAt.getTime()).toBe((await storage.stat(keys[0]))?.modifiedAt.getTime());
    expect(await keysOf(storage)).toEqual(expect.arrayContaining(keys));
  });

  it('quarantines: the bytes move aside, the key reads as missing and is listed no more', async () => {
    const userId = randomUUID();
    const [kept, setAside] = [documentKey(userId, randomUUID()), documentKey(userId, randomUUID())];
    const bytes = randomBytes(2000);
    await storage.put(kept, Readable.from([Buffer.from('kept')]), { maxBytes: MB });
    await storage.put(setAside, Readable.from([bytes]), { maxBytes: MB });

    await storage.quarantine(setAside);

    expect(await storage.stat(setAside)).toBeNull();
    await expect(storage.get(setAside)).rejects.toThrow(DocumentNotFoundError);
    expect(await keysOf(storage, `${userId}/`)).toEqual([kept]);
    expect(await keysOf(storage)).not.toContain(setAside);
    expect((await backend.quarantined(setAside))?.equals(bytes)).toBe(true);
    expect(await storage.stat(kept)).toMatchObject({ size: 4 });

    await expect(storage.quarantine(setAside)).rejects.toThrow(DocumentNotFoundError);
    await expect(storage.quarantine(documentKey(userId, randomUUID()))).rejects.toThrow(DocumentNotFoundError);
    await expect(storage.quarantine(`../${setAside}`)).rejects.toThrow(InvalidDocumentKeyError);
  });

  it('removes leftovers of interrupted uploads', async () => {
    const spool = join(backend.documentsDir, '.tmp');
    await mkdir(join(spool, 'stale-folder'), { recursive: true });
    await writeFile(join(spool, `${randomUUID()}.part`), randomBytes(1024));
    await writeFile(join(spool, 'stale-folder', 'chunk'), 'x');

    expect(await storage.cleanTemporary()).toBe(2);
    expect(await readdir(spool)).toEqual([]);
    expect(await storage.cleanTemporary()).toBe(0);
  });
});

describe('document storage: disk memory', () => {
  let documentsDir: string;
  let storage: DocumentStorage;
  beforeAll(async () => {
    documentsDir = await mkdtemp(join(tmpdir(), 'mvp-documents-'));
    storage = createDocumentStorage(storageConfig(documentsDir));
  });
  afterAll(() => rm(documentsDir, { recursive: true, force: true }));

  it('streams 100 MB through put with resident memory growing by under 50 MB', async () => {
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const source = generated(100 * MB, 64 * 1024, () => {
      peak = Math.max(peak, process.memoryUsage().rss);
    });

    const stored = await storage.put(documentKey(randomUUID(), randomUUID()), source.stream, { maxBytes: 200 * MB });
    peak = Math.max(peak, process.memoryUsage().rss);

    expect(stored).toEqual({ size: 100 * MB, sha256: source.sha256() });
    expect(peak - baseline).toBeLessThan(50 * MB);
  });
});

function storageConfig(documentsDir: string): Parameters<typeof createDocumentStorage>[0] {
  return {
    DOCUMENTS_DIR: documentsDir,
    DOCUMENTS_S3_BUCKET: undefined,
    DOCUMENTS_S3_ENDPOINT: undefined,
    DOCUMENTS_S3_REGION: 'us-east-1',
    DOCUMENTS_S3_FORCE_PATH_STYLE: false,
    DOCUMENTS_S3_ACCESS_KEY_ID: undefined,
    DOCUMENTS_S3_SECRET_ACCESS_KEY: undefined,
  };
}

/**
 * `totalBytes` of random data made as it is read (never all in memory), with the SHA-256 of what was
 * made and how much was pulled so far; `onChunk` runs before each chunk is handed out.
 */
function generated(totalBytes: number, chunkBytes = 64 * 1024, onChunk?: () => void) {
  const hash = createHash('sha256');
  let pulled = 0;
  function* chunks() {
    while (pulled < totalBytes) {
      onChunk?.();
      const chunk = randomBytes(Math.min(chunkBytes, totalBytes - pulled));
      hash.update(chunk);
      pulled += chunk.length;
      yield chunk;
    }
  }
  return {
    stream: Readable.from(chunks(), { objectMode: false }),
    pulled: () => pulled,
    sha256: () => hash.copy().digest('hex'),
  };
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function keysOf(storage: DocumentStorage, prefix = ''): Promise<string[]> {
  const keys = [];
  for await (const object of storage.list(prefix)) keys.push(object.key);
  return keys;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}
