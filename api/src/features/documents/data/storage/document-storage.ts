import { Readable } from 'node:stream';

/** The storage the documents capsule's services inject; disk or S3 per configuration. */
export const DOCUMENT_STORAGE = Symbol('DOCUMENT_STORAGE');

/** What `put` learned while streaming the bytes in. */
export interface StoredContent {
  size: number;
  /** Hex SHA-256 of the stored bytes. */
  sha256: string;
}

/** Inclusive byte offsets, as in an HTTP `Range: bytes=start-end` header. */
export interface ByteRange {
  start: number;
  end: number;
}

/** A stream of the stored bytes: the whole file, or the range asked for (its end clamped to the file's). */
export interface DocumentRead {
  stream: Readable;
  /** Size of the whole file, for `Content-Range` and `Content-Length`. */
  size: number;
  start: number;
  end: number;
}

export interface StoredObject {
  key: string;
  size: number;
  /** When the bytes were stored (a file's mtime, an object's Last-Modified). */
  modifiedAt: Date;
}

/**
 * Where document bytes live. Keys are made by the server (`documentKey(userId, documentId)`), never
 * from a client's file name; any other key is refused with `InvalidDocumentKeyError`.
 */
export interface DocumentStorage {
  /**
   * Streams `source` to a temporary file (never whole in memory), then moves it into place at
   * `key` in one step: a reader sees the old bytes or all the new ones. Passing `maxBytes` stops
   * reading at once with `DocumentTooLargeError`; a failure of any kind leaves nothing behind.
   */
  put(key: string, source: Readable, options: { maxBytes: number }): Promise<StoredContent>;
  /** The bytes at `key`; `DocumentNotFoundError` when there are none, `DocumentRangeError` when `start` is past the end. */
  get(key: string, range?: ByteRange): Promise<DocumentRead>;
  /** Size and time of the bytes at `key`, or null when there are none. */
  stat(key: string): Promise<{ size: number; modifiedAt: Date } | null>;
  /** Removes the bytes at `key`; nothing there is not an error. */
  delete(key: string): Promise<void>;
  /** Every stored key under `prefix` ('' for all, or `<userId>/`), for the consistency check; never a quarantined one. */
  list(prefix?: string): AsyncIterable<StoredObject>;
  /**
   * Moves the bytes at `key` out of the way, for a person to look at (`documents:check --fix` does it
   * to files no document owns): to `<DOCUMENTS_DIR>/.quarantine/<key>` on disk, to `quarantine/<key>`
   * in a bucket. After it the key reads as missing. `DocumentNotFoundError` when there is nothing at `key`.
   */
  quarantine(key: string): Promise<void>;
  /** Removes what interrupted uploads left (temporary files); run at startup. Returns how many. */
  cleanTemporary(): Promise<number>;
  close(): Promise<void>;
}

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const keyPattern = new RegExp(`^${uuid}/${uuid}$`);
const prefixPattern = new RegExp(`^(${uuid}/)?$`);

/** The storage key of a user's document: `<userId>/<documentId>`, both lower-case UUIDs. */
export function documentKey(userId: string, documentId: string): string {
  return checkedKey(`${userId}/${documentId}`);
}

export function checkedKey(key: string): string {
  if (!keyPattern.test(key)) throw new InvalidDocumentKeyError(key);
  return key;
}

export function checkedPrefix(prefix: string): string {
  if (!prefixPattern.test(prefix)) throw new InvalidDocumentKeyError(prefix);
  return prefix;
}

export function isDocumentKey(key: string): boolean {
  return keyPattern.test(key);
}

export class DocumentTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
    this.name = 'DocumentTooLargeError';
  }
}

/** The file system under the storage has no room for the file (ENOSPC), or a quota or size limit stopped it. */
export class DocumentStorageFullError extends Error {
  constructor(readonly code: string) {
    super(`No room to store the file (${code})`);
    this.name = 'DocumentStorageFullError';
  }
}

const storageFullCodes = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** A full disk's error as `DocumentStorageFullError`; any other error as it is. */
export function storageFullOr(error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code && storageFullCodes.has(code) ? new DocumentStorageFullError(code) : error;
}

export class InvalidDocumentKeyError extends Error {
  constructor(key: string) {
    super(`Not a document key (<userId>/<documentId>): ${JSON.stringify(key.slice(0, 100))}`);
    this.name = 'InvalidDocumentKeyError';
  }
}

export class DocumentNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored bytes at ${key}`);
    this.name = 'DocumentNotFoundError';
  }
}

export class DocumentRangeError extends Error {
  constructor(readonly size: number) {
    super(`The range starts past the end of the file (${size} bytes)`);
    this.name = 'DocumentRangeError';
  }
}

export function checkedRange(range: ByteRange): ByteRange {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Not a byte range: ${start}-${end}`);
  }
  return range;
}
