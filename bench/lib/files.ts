import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { IncomingMessage, request as httpRequest } from 'node:http';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const MiB = 1024 * 1024;

/**
 * Writes a PDF of `totalBytes` (its header, then random bytes made a MiB at a time, never all in
 * memory) and fsyncs it, so none of it is still being written out while something is measured.
 */
export async function writeRandomPdf(path: string, totalBytes: number): Promise<void> {
  const header = Buffer.from('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n', 'latin1');
  async function* content() {
    yield header;
    for (let written = header.length; written < totalBytes; written += MiB)
      yield randomBytes(Math.min(MiB, totalBytes - written));
  }
  await pipeline(Readable.from(content()), createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  await syncPath(path);
}

/** SHA-256 (hex) of a file as it is on disk, read as a stream. */
export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/**
 * POSTs a file from disk as `multipart/form-data`, the one part `file`, through `node:http`: the
 * part's header, the file streamed from disk, the closing boundary, with its Content-Length.
 * (fetch with a file-backed Blob halved the measured upload speed: its client work shares the cores.)
 */
export async function uploadFile(
  url: string,
  path: string,
  fileName: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const boundary = `bench-${randomBytes(16).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const { size } = await stat(path);
  const request = httpRequest(url, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': head.length + size + tail.length,
    },
  });
  const answered = once(request, 'response') as Promise<[IncomingMessage]>;
  async function* body() {
    yield head;
    yield* createReadStream(path);
    yield tail;
  }
  await pipeline(body, request);
  const [response] = await answered;
  const text = await textOf(response);
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the error message
  }
  return { status: response.statusCode ?? 0, body: parsed };
}

/** GETs `url` through `node:http` and hashes the body as it arrives (nothing kept): its size and SHA-256 (hex). */
export async function downloadDigest(
  url: string,
  headers: Record<string, string>,
): Promise<{ bytes: number; sha256: string }> {
  const request = httpRequest(url, { headers });
  const answered = once(request, 'response') as Promise<[IncomingMessage]>;
  request.end();
  const [response] = await answered;
  if (response.statusCode !== 200) {
    throw new Error(`GET ${url} answered ${response.statusCode}: ${(await textOf(response)).slice(0, 500)}`);
  }
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { bytes, sha256: hash.digest('hex') };
}

async function textOf(response: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `cp source target`, then `sync target <its folder>` (coreutils: fsync of each), as an upload
 * ends: the file's data and its name durable on the disk.
 */
export async function copyAndSync(source: string, target: string): Promise<void> {
  await run('cp', [source, target]);
  await run('sync', [target, dirname(target)]);
}

/** fsync of a file or folder through a new descriptor. */
async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
