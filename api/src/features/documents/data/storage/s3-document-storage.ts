import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
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
  StoredContent,
  StoredObject,
} from './document-storage';
import { TemporaryFiles } from './temporary-files';

export interface S3StorageSettings {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Local folder for uploads in progress (`<DOCUMENTS_DIR>/.tmp`). */
  spoolDir: string;
}

/** Where `quarantine` puts objects: outside the `<uuid>/<uuid>` keys, so `list` never sees them. */
const quarantinePrefix = 'quarantine/';

/**
 * Objects at `<userId>/<documentId>` in an S3-compatible bucket. An upload is spooled to a local
 * temporary file first (counted, hashed, capped), then sent in one PutObject with its SHA-256 for the
 * server to verify: the bucket never sees a partial, over-size or unfinished object, so no multipart
 * upload is ever left behind.
 */
export class S3DocumentStorage implements DocumentStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly temporary: TemporaryFiles;

  constructor(settings: S3StorageSettings) {
    this.bucket = settings.bucket;
    this.temporary = new TemporaryFiles(settings.spoolDir);
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials,
      // The SDK's default CRC32 trailers (aws-chunked bodies) are not understood by every
      // S3-compatible server; the SHA-256 we send ourselves is checked by all of them that check.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, source: Readable, options: { maxBytes: number }): Promise<StoredContent> {
    checkedKey(key);
    const written = await this.temporary.write(source, options.maxBytes);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: createReadStream(written.path),
          ContentLength: written.size,
          ChecksumSHA256: Buffer.from(written.sha256, 'hex').toString('base64'),
        }),
      );
    } finally {
      await rm(written.path, { force: true });
    }
    return { size: written.size, sha256: written.sha256 };
  }

  async get(key: string, range?: ByteRange): Promise<DocumentRead> {
    checkedKey(key);
    const asked = range && checkedRange(range);
    try {
      const answer = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Range: asked ? `bytes=${asked.start}-${asked.end}` : undefined,
        }),
      );
      const stream = answer.Body as Readable;
      const size = asked ? totalOf(answer.ContentRange) : (answer.ContentLength ?? 0);
      const start = asked?.start ?? 0;
      return { stream, size, start, end: start + (answer.ContentLength ?? 0) - 1 };
    } catch (error) {
      if (isMissing(error)) throw new DocumentNotFoundError(key);
      if (
        error instanceof S3ServiceException &&
        (error.name === 'InvalidRange' || error.$metadata.httpStatusCode === 416)
      ) {
        const found = await this.stat(key);
        if (!found) throw new DocumentNotFoundError(key);
        throw new DocumentRangeError(found.size);
      }
      throw error;
    }
  }

  async stat(key: string): Promise<{ size: number; modifiedAt: Date } | null> {
    checkedKey(key);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    checkedKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async *list(prefix = ''): AsyncIterable<StoredObject> {
    checkedPrefix(prefix);
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix || undefined, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key && isDocumentKey(object.Key)) {
          yield { key: object.Key, size: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) };
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** S3 has no move: a server-side copy to `quarantine/<key>`, then the original is deleted. */
  async quarantine(key: string): Promise<void> {
    checkedKey(key);
    try {
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: `${quarantinePrefix}${key}`,
          CopySource: `${this.bucket}/${key}`,
        }),
      );
    } catch (error) {
      if (isMissing(error)) throw new DocumentNotFoundError(key);
      throw error;
    }
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  cleanTemporary(): Promise<number> {
    return this.temporary.clean();
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

function isMissing(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound');
}

/** The total of `Content-Range: bytes 0-9/1234`. */
function totalOf(contentRange: string | undefined): number {
  const total = Number(contentRange?.split('/')[1]);
  if (!Number.isSafeInteger(total)) throw new Error(`The object store sent no usable Content-Range (${contentRange})`);
  return total;
}
