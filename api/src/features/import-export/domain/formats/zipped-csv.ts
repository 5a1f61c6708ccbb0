import { PassThrough, Readable } from 'node:stream';
import { ParseOne } from 'unzipper';
import { UnreadableFile } from './csv-rows';

/** A zip starts with an entry's local header, or (holding nothing) with its end record. */
const zipSignatures = [Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('PK\x05\x06', 'latin1')];

/**
 * The CSV bytes of an upload: the stream as it is, or, when it is a zip (Fuelio's
 * `vehicle-<N>-sync.csv.zip`), its first `.csv` entry, unzipped as the bytes arrive. A zip that
 * holds no CSV or is damaged ends the stream with an `UnreadableFile`.
 */
export async function csvBytesOf(input: NodeJS.ReadableStream): Promise<Readable> {
  const chunks = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headLength = 0;
  while (headLength < 4) {
    const next = await chunks.next();
    if (next.done) break;
    head.push(Buffer.from(next.value));
    headLength += next.value.length;
  }
  const start = Buffer.concat(head);
  async function* everything() {
    if (start.length > 0) yield start;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  }
  const bytes = Readable.from(everything(), { objectMode: false });
  if (!zipSignatures.some((signature) => start.subarray(0, 4).equals(signature))) return bytes;

  const unzip = ParseOne(/\.csv$/i);
  const csv = new PassThrough();
  bytes.on('error', (error) => csv.destroy(error));
  unzip.on('error', (error: Error) => csv.destroy(new UnreadableFile(zipProblemOf(error))));
  bytes.pipe(unzip).pipe(csv);
  return csv;
}

function zipProblemOf(error: Error): string {
  return error.message === 'PATTERN_NOT_FOUND'
    ? 'the zip holds no .csv file'
    : `the zip is damaged or cut short (${error.message})`;
}
