import { join } from 'node:path';
import { ApiConfig } from '../../../../core/config/api.config';
import { DiskDocumentStorage } from './disk-document-storage';
import { DocumentStorage } from './document-storage';
import type { S3DocumentStorage } from './s3-document-storage';

type StorageConfig = Pick<
  ApiConfig,
  | 'DOCUMENTS_DIR'
  | 'DOCUMENTS_S3_BUCKET'
  | 'DOCUMENTS_S3_ENDPOINT'
  | 'DOCUMENTS_S3_REGION'
  | 'DOCUMENTS_S3_FORCE_PATH_STYLE'
  | 'DOCUMENTS_S3_ACCESS_KEY_ID'
  | 'DOCUMENTS_S3_SECRET_ACCESS_KEY'
>;

/**
 * The S3 bucket when `DOCUMENTS_S3_BUCKET` is set, else files under `DOCUMENTS_DIR`. The AWS SDK is
 * loaded only for a bucket: it is about 20 MB of resident memory a disk-backed server never uses.
 */
export function createDocumentStorage(config: StorageConfig): DocumentStorage {
  if (!config.DOCUMENTS_S3_BUCKET) return new DiskDocumentStorage(config.DOCUMENTS_DIR);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { S3DocumentStorage: S3Storage } = require('./s3-document-storage') as {
    S3DocumentStorage: typeof S3DocumentStorage;
  };
  const accessKeyId = config.DOCUMENTS_S3_ACCESS_KEY_ID;
  const secretAccessKey = config.DOCUMENTS_S3_SECRET_ACCESS_KEY;
  return new S3Storage({
    bucket: config.DOCUMENTS_S3_BUCKET,
    region: config.DOCUMENTS_S3_REGION,
    endpoint: config.DOCUMENTS_S3_ENDPOINT,
    forcePathStyle: config.DOCUMENTS_S3_FORCE_PATH_STYLE,
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    spoolDir: join(config.DOCUMENTS_DIR, '.tmp'),
  });
}
