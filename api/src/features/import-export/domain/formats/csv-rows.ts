import { CsvError, type Options, parse, type Parser } from 'csv-parse';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import type { LineProblem } from './imported-records';

/** A line that cannot be imported, and why. */
export type ProblemLine = { line: number; problems: LineProblem[] };

/** A data row of a CSV file and the 1-based line it starts on. */
export interface CsvDataRow {
  line: number;
  cells: string[];
}

/** A data row, or why the file cannot be read on from there. */
export type CsvRow = CsvDataRow | ProblemLine;

/** A reason the rest of a file cannot be read, raised by a stream under `csvRows` (a damaged zip, see `csvBytesOf`). */
export class UnreadableFile extends Error {}

/**
 * The one way readers read CSV: the rows as they stream in, cells trimmed, a UTF-8 byte order mark,
 * blank lines and rows of only empty cells skipped, rows of any length, text after a closing quote
 * kept (`"Full tank" 2`). Line endings (`\r\n`, `\r`, `\n`) become `\n` first, so a line break inside
 * a quoted cell counts as one line (csv-parse counts `\r\n` there as two). The delimiter is `,` unless
 * given; `'sniff'` takes the one the first line uses most outside quotes (files written with a decimal
 * comma separate cells with `;`). Where the file cannot be read on (a quote never closed swallows the
 * rest, a zip is damaged) a problem comes at that line, after the rows before it; errors of the
 * stream itself (a broken upload) are thrown.
 */
export async function* csvRows(input: NodeJS.ReadableStream, delimiter: string = ','): AsyncGenerator<CsvRow> {
  if (delimiter === 'sniff') {
    const sniffed = await sniffDelimiter(input);
    [input, delimiter] = [sniffed.input, sniffed.delimiter];
  }
  // With `info`, csv-parse hands `on_record` the row and its info, not the bare row its types say.
  const onRecord = (output: ParsedRow) => expectLengthOf(parser, output);
  const parser: Parser = parse({
    bom: true,
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: onRecord as unknown as Options['on_record'],
  });
  // csv-parse reports a row it cannot read beside the stream, as it parses (before the rows after it).
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
  try {
    for await (const { record, info } of rows as AsyncIterable<ParsedRow>) {
      const breaksInside = record.reduce((count, cell) => count + cell.split('\n').length - 1, 0);
      const line = info.lines - breaksInside;
      yield* unreadableBefore(line);
      lastLine = info.lines;
      // Trimmed here: csv-parse's `trim` refuses text after a closing quote.
      const cells = record.map((cell) => cell.trim());
      if (cells.every((cell) => cell === '')) continue;
      yield { line, cells };
    }
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    yield { line: lastLine + 1, problems: [{ field: 'file', message: error.message }] };
    return;
  }
  yield* unreadableBefore(Infinity);
}

interface ParsedRow {
  record: string[];
  info: { lines: number };
}

/**
 * With `relax_column_count`, csv-parse still builds an error (a deep copy of the row and a stack
 * trace) for every row whose length differs from the file's first row, which in a sectioned file
 * (Fuelio, Drivvo) is a one-cell marker: that made parsing a 50,000-row log three to four times
 * slower. Expecting each row's length to be the previous one's leaves one such error per change of
 * length. `state` is csv-parse's own (5.x to 7.x); were it renamed, only the speed would suffer.
 */
function expectLengthOf(parser: Parser, output: ParsedRow): ParsedRow {
  const { state } = parser as unknown as { state?: { expectedRecordLength?: number } };
  if (state) state.expectedRecordLength = output.record.length;
  return output;
}

/** A file's header row and the rows after it; a problem instead when there is no header to read. */
export async function headerAndRows(
  input: NodeJS.ReadableStream,
  delimiter?: string,
): Promise<{ header: CsvDataRow; rows: AsyncGenerator<CsvRow> } | ProblemLine> {
  const rows = csvRows(input, delimiter);
  const first = await rows.next();
  if (first.done) return emptyFile;
  if ('problems' in first.value) return first.value;
  return { header: first.value, rows };
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
    const message = 'a quoted cell is never closed, so the rest of the file cannot be read';
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
