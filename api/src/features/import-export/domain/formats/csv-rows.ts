import { parse as parseCsv } from 'csv-parse';
import { Readable } from 'node:stream';

export interface CsvRow {
  /** 1-based line the row starts on (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

const delimiters = [',', ';', '\t'] as const;

/**
 * A CSV file's rows as they stream in: UTF-8 BOM and blank lines skipped, rows of any length. The
 * delimiter (`,` `;` or tab) is the one the first line uses most outside quotes, unless given: files
 * written with a decimal comma separate cells with `;`.
 */
export async function* csvRows(input: NodeJS.ReadableStream, delimiter?: string): AsyncGenerator<CsvRow> {
  const chunks = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) return;
  const chosen = delimiter ?? delimiterOf(firstLineOf(first.value.toString()));
  const parser = Readable.from(resumed(first.value, chunks), { objectMode: false }).pipe(
    parseCsv({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      delimiter: chosen,
    }),
  );
  // csv-parse counts a CRLF inside quotes as two lines, and every later row's `lines` carries that on.
  let overcount = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const breaks = record.reduce((count, cell) => count + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    overcount += record.reduce((count, cell) => count + (cell.match(/\r\n/g)?.length ?? 0), 0);
    yield { line: info.lines - overcount - breaks, cells: record };
  }
}

async function* resumed<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

function firstLineOf(text: string): string {
  const end = text.search(/\r\n|\r|\n/);
  return end === -1 ? text : text.slice(0, end);
}

/** The delimiter used most outside quotes (`,` when none is). */
export function delimiterOf(line: string): string {
  const outsideQuotes = line.replace(/"[^"]*"/g, '');
  const counts = delimiters.map((candidate) => outsideQuotes.split(candidate).length - 1);
  const most = Math.max(...counts);
  return most === 0 ? ',' : delimiters[counts.indexOf(most)];
}
