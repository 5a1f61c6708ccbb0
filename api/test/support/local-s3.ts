import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/** A real S3-compatible server (s3rver) on 127.0.0.1 with one empty bucket, its data in a temporary folder. */
export interface LocalS3 {
  endpoint: string;
  bucket: string;
  /** s3rver's own folder: objects and in-progress multipart uploads are files in it. */
  directory: string;
  accessKeyId: string;
  secretAccessKey: string;
  close(): Promise<void>;
}

export async function startLocalS3(bucket = 'documents'): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), 'mvp-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    directory,
    // s3rver checks request signatures against this one built-in key pair.
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
