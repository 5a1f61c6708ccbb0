import { CsvError, parse } from 'csv-parse';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import type { LineProblem } from './imported-records';

/** A line that cannot be imported, and why. */
export type ProblemLine = { line: number; problems: LineProblem[] };

/** A data row of a CSV file with the 1-based line it starts on, or why the file cannot be read on from there. */
export type CsvRow = { line: number; cells: string[] } | ProblemLine;

/**
 * The rows of a CSV file as they stream in: cells trimmed, a UTF-8 byte order mark and blank lines
 * skipped, rows of any length. The delimiter is `,` unless given; `'sniff'` takes the one the first
 * line uses most outside quotes (files written with a decimal comma separate cells with `;`). Line endings (`\r\n`, `\r`, `\n`) become `\n` first, so a line break
 * inside a quoted cell counts as one line (csv-parse counts `\r\n` there as two). A row csv-parse
 * cannot read (a quote never closed swallows the rest of the file) comes out as a problem in its
 * place, at the line it starts on; errors reading the stream itself are thrown.
 */
export async function* csvRows(input: NodeJS.ReadableStream, delimiter: string = ','): AsyncGenerator<CsvRow> {
  if (delimiter === 'sniff') {
    const sniffed = await sniffDelimiter(input);
    [input, delimiter] = [sniffed.input, sniffed.delimiter];
  }
  const parser = parse({
    bom: true,
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    trim: true,
  });
  // csv-parse reports unreadable rows beside the stream (as it parses, so before the rows after them).
  const unreadable: Array<{ error: CsvError; line: number }> = [];
  parser.on('skip', (error: CsvError) => unreadable.push({ error, line: Number(error.lines) }));
  const rows = pipeline(input, new UnixLineEndings(), parser, () => undefined);
  let lastLine = 0;
  const unreadableBefore = function* (line: number): Generator<CsvRow> {
    while (unreadable.length > 0 && unreadable[0].line < line) {
      const [{ error, line: errorLine }] = unreadable.splice(0, 1);
      yield unreadableRow(error, errorLine, lastLine + 1);
    }
  };
  for await (const { record, info } of rows as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const breaksInside = record.reduce((count, cell) => count + cell.split('\n').length - 1, 0);
    const line = info.lines - breaksInside;
    yield* unreadableBefore(line);
    lastLine = info.lines;
    yield { line, cells: record };
  }
  yield* unreadableBefore(Infinity);
}

const delimiters = [',', ';', '\t'] as const;

/** The delimiter the first line uses most outside quotes (`,` when it uses none), and the input whole again. */
async function sniffDelimiter(
  input: NodeJS.ReadableStream,
): Promise<{ delimiter: string; input: NodeJS.ReadableStream }> {
  const chunks = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done) return { delimiter: ',', input: Readable.from([]) };
  const text = first.value.toString();
  const lineEnd = text.search(/\r|\n/);
  const delimiter = delimiterOf(lineEnd === -1 ? text : text.slice(0, lineEnd));
  return { delimiter, input: Readable.from(resumed(first.value, chunks), { objectMode: false }) };
}

async function* resumed<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/** The delimiter used most outside quotes (`,` when none is). */
export function delimiterOf(line: string): string {
  const outsideQuotes = line.replace(/"[^"]*"/g, '');
  const counts = delimiters.map((candidate) => outsideQuotes.split(candidate).length - 1);
  const most = Math.max(...counts);
  return most === 0 ? ',' : delimiters[counts.indexOf(most)];
}

function unreadableRow(error: CsvError, errorLine: number, nextLine: number): ProblemLine {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    const message = 'opens a quote that is never closed, so the rest of the file cannot be read';
    return { line: nextLine, problems: [{ field: 'file', message }] };
  }
  return { line: errorLine, problems: [{ field: 'file', message: `cannot be read: ${error.message}` }] };
}

/** Turns `\r\n` and a lone `\r` into `\n`, byte by byte (a `\r` ending one chunk waits for the next). */
class UnixLineEndings extends Transform {
  private endsInCarriageReturn = false;

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let text = (this.endsInCarriageReturn ? '\r' : '') + bytes.toString('latin1');
    this.endsInCarriageReturn = text.endsWith('\r');
    if (this.endsInCarriageReturn) text = text.slice(0, -1);
    done(null, Buffer.from(text.replace(/\r\n?/g, '\n'), 'latin1'));
  }

  override _flush(done: TransformCallback): void {
    done(null, this.endsInCarriageReturn ? Buffer.from('\n') : undefined);
  }
}

/** A header row as readers match it: each cell trimmed and lower-cased, and as written (for labels). */
export interface CsvHeader {
  names: string[];
  labels: string[];
}

export function csvHeaderOf(cells: string[]): CsvHeader {
  return { names: cells.map((cell) => cell.trim().toLowerCase()), labels: cells.map((cell) => cell.trim()) };
}

/** The position of the first column named by one of `aliases` (lower-case), if any. */
export function columnOf(header: CsvHeader, aliases: readonly string[]): number | undefined {
  const index = header.names.findIndex((name) => aliases.includes(name));
  return index < 0 ? undefined : index;
}

/** A row's cell at a column, `undefined` when the file has no such column or the row is short. */
export function cellAt(cells: string[], column: number | undefined): string | undefined {
  return column === undefined ? undefined : cells[column];
}

/** The one problem of a file that is not the format: its header (at `line`) lacks these columns. */
export function missingColumns(line: number, labels: string[]): ProblemLine {
  return { line, problems: [{ field: 'header', message: `missing columns: ${labels.join(', ')}` }] };
}

/** The one problem of a file with no rows at all. */
export const emptyFile: ProblemLine = { line: 1, problems: [{ field: 'file', message: 'is empty' }] };
