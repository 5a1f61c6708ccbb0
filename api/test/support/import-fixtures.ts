import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type {
  ImportLine,
  ImportReader,
  ReadOptions,
} from '../../src/features/import-export/domain/formats/imported-records';

/** A fixture file under `api/test/fixtures/import/<format>/`, as a byte stream. */
export function importFixture(format: string, name: string): NodeJS.ReadableStream {
  return createReadStream(join(__dirname, '..', 'fixtures', 'import', format, name));
}

/** Every line a reader makes of a fixture, in order. */
export async function readFixture(
  reader: ImportReader,
  format: string,
  name: string,
  options: ReadOptions,
): Promise<ImportLine[]> {
  const lines: ImportLine[] = [];
  for await (const line of reader(importFixture(format, name), options)) lines.push(line);
  return lines;
}
