import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createDocumentStorage, DocumentStorage } from '../../src/features/documents';
import { LocalS3, startLocalS3 } from './local-s3';

export type DocumentBackendName = 'disk' | 's3';
export const documentBackends: Array<[DocumentBackendName]> = [['disk'], ['s3']];

/** Where a test's documents live: a fresh `DOCUMENTS_DIR` and, for S3, an s3rver with one bucket. */
export interface DocumentBackend {
  name: DocumentBackendName;
  documentsDir: string;
  s3?: LocalS3;
  /** The API's settings for this backend. */
  env(): Record<string, string>;
  /** A storage over the same place as the API's, to put or remove bytes behind its back. */
  storage(): DocumentStorage;
  /**
   * Every file the backend holds, sorted: the stored keys (`<userId>/<documentId>`), what was
   * quarantined (`quarantine/<key>`) and local leftovers (`.tmp/…`); the folder's `.instance-id` aside.
   * For S3 the objects are read from s3rver's folder, where unfinished multipart uploads would show too.
   */
  files(): Promise<string[]>;
}

/** Registers the `beforeAll`/`afterAll` that make and remove the backend; call it before `useCapsuleApi`. */
export function useDocumentBackend(name: DocumentBackendName): DocumentBackend {
  let storage: DocumentStorage | undefined;
  const backend: DocumentBackend = {
    name,
    documentsDir: '',
    env: () => ({
      DOCUMENTS_DIR: backend.documentsDir,
      ...(backend.s3
        ? {
            DOCUMENTS_S3_BUCKET: backend.s3.bucket,
            DOCUMENTS_S3_ENDPOINT: backend.s3.endpoint,
            DOCUMENTS_S3_FORCE_PATH_STYLE: 'true',
            DOCUMENTS_S3_ACCESS_KEY_ID: backend.s3.accessKeyId,
            DOCUMENTS_S3_SECRET_ACCESS_KEY: backend.s3.secretAccessKey,
          }
        : {}),
    }),
    storage: () =>
      (storage ??= createDocumentStorage({
        DOCUMENTS_DIR: backend.documentsDir,
        DOCUMENTS_S3_BUCKET: backend.s3?.bucket,
        DOCUMENTS_S3_ENDPOINT: backend.s3?.endpoint,
        DOCUMENTS_S3_REGION: 'us-east-1',
        DOCUMENTS_S3_FORCE_PATH_STYLE: true,
        DOCUMENTS_S3_ACCESS_KEY_ID: backend.s3?.accessKeyId,
        DOCUMENTS_S3_SECRET_ACCESS_KEY: backend.s3?.secretAccessKey,
      })),
    files: async () => {
      const local = (await filesUnder(backend.documentsDir))
        .filter((path) => path !== '.instance-id')
        .map((path) => path.replace(/^\.quarantine\//, 'quarantine/'));
      if (!backend.s3) return local.sort();
      // s3rver keeps an object as `<key>._S3rver_object` beside its metadata files, and the parts of
      // unfinished multipart uploads under `._S3rver_uploads/`.
      const inBucket = await filesUnder(join(backend.s3.directory, backend.s3.bucket));
      const objects = inBucket
        .filter((path) => path.endsWith('._S3rver_object'))
        .map((path) => path.slice(0, -'._S3rver_object'.length));
      const unfinishedUploads = inBucket.filter((path) => path.startsWith('._S3rver_uploads/'));
      return [...local, ...objects, ...unfinishedUploads].sort();
    },
  };
  beforeAll(async () => {
    backend.documentsDir = join(tmpdir(), `mvp-documents-${name}-${randomBytes(4).toString('hex')}`);
    if (name === 's3') backend.s3 = await startLocalS3();
  });
  afterAll(async () => {
    await storage?.close();
    await backend.s3?.close();
    if (backend.documentsDir) await rm(backend.documentsDir, { recursive: true, force: true });
  });
  return backend;
}

/** Every file under a folder, relative to it; none when the folder does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}
