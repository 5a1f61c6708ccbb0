import { CsvError, type Options, parse, type Parser } from 'csv-parse';

/** A row of cells and the 1-based line of the file it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Where reading had to stop (a quoted cell left open, a damaged zip) and why. */
export interface UnreadableRest {
  line: number;
  unreadable: string;
}

/** A reason the rest of a file cannot be read, raised by the streams under `csvRows` (see `csvBytesOf`). */
export class UnreadableFile extends Error {}

/**
 * The rows of a CSV stream as they are parsed, with the line each starts on; blank rows left out.
 * Lenient as app exports need: a BOM, rows of any length, `"Full tank" 2` (text after a closing
 * quote), LF, CRLF or CR-only line endings. A file that cannot be read on ends with an
 * `UnreadableRest`; errors of the stream itself (a broken upload) are thrown.
 */
export async function* csvRows(input: NodeJS.ReadableStream): AsyncGenerator<CsvRow | UnreadableRest> {
  // With `info`, csv-parse hands `on_record` the row and its info, not the bare row its types say.
  const onRecord = (output: ParsedRow) => expectLengthOf(parser, output);
  const parser: Parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    // A quote left open at the end is reported after the rows before it, not instead of them.
    skip_records_with_error: true,
    info: true,
    on_record: onRecord as unknown as Options['on_record'],
  });
  input.on('error', (error: Error) => parser.destroy(error));
  let skipped: CsvError | undefined;
  parser.on('skip', (error: CsvError) => {
    skipped ??= error;
  });
  let lastLine = 0;
  let overCounted = 0;
  try {
    for await (const { record, info } of input.pipe(parser) as AsyncIterable<ParsedRow>) {
      const breaks = lineBreaksIn(record);
      overCounted += breaks.crlf;
      lastLine = info.lines - overCounted;
      if (record.every((cell) => cell.trim() === '')) continue;
      yield { line: lastLine - breaks.all, cells: record };
    }
  } catch (error) {
    if (!(error instanceof CsvError || error instanceof UnreadableFile)) throw error;
    skipped = undefined;
    yield { line: lastLine + 1, unreadable: error.message };
  }
  if (skipped) {
    const unreadable = skipped.code === 'CSV_QUOTE_NOT_CLOSED' ? 'a quoted cell is never closed' : skipped.message;
    yield { line: lastLine + 1, unreadable };
  }
}

interface ParsedRow {
  record: string[];
  info: { lines: number };
}

/**
 * With `relax_column_count`, csv-parse still builds an error (a deep copy of the row and a stack
 * trace) for every row whose length differs from the file's first row, which in a sectioned file
 * is a one-cell marker: that made parsing a 50,000-row Log three to four times slower. Expecting each row's length to be
 * the previous one's leaves one such error per section. `state` is csv-parse's own (5.x to 7.x).
 */
function expectLengthOf(parser: Parser, output: ParsedRow): ParsedRow {
  const { state } = parser as unknown as { state?: { expectedRecordLength?: number } };
  if (state) state.expectedRecordLength = output.record.length;
  return output;
}

/**
 * The line breaks inside a row's quoted cells. csv-parse counts lines up to a row's end, but a CRLF
 * inside quotes as two, so its count runs ahead by every such CRLF so far.
 */
function lineBreaksIn(cells: string[]): { all: number; crlf: number } {
  let all = 0;
  let crlf = 0;
  for (const cell of cells) {
    if (!/[\r\n]/.test(cell)) continue;
    all += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
    crlf += cell.match(/\r\n/g)?.length ?? 0;
  }
  return { all, crlf };
}

/**
 * The name a section marker row gives (`"## Vehicle"`, `## Log,,,,`, `"##Log"`, `#Servicio`), without
 * its `#`s and spaces; `undefined` for any other row.
 */
export function sectionNameOf(cells: string[]): string | undefined {
  const [first, ...rest] = cells;
  if (!first.trim().startsWith('#') || rest.some((cell) => cell.trim() !== '')) return undefined;
  return first.replace(/[#"\s]/g, '');
}

const keyOf = (name: string) => name.replace(/\s/g, '').toLowerCase();

/**
 * The columns a section's header row names, matched without spaces and case (`Odo (km)`, `Odo(km)`
 * and `odo(km)` are one), so a row's cells can be read by name.
 */
export class HeaderColumns {
  private readonly keys: string[];

  constructor(header: string[]) {
    this.keys = header.map(keyOf);
  }

  has(name: string): boolean {
    return this.keys.includes(keyOf(name));
  }

  /** The cell of the column called `name`. */
  cell(cells: string[], name: string): string | undefined {
    const index = this.keys.indexOf(keyOf(name));
    return index < 0 ? undefined : cells[index];
  }

  /** The cell of the first column whose name starts with `prefix`, for labels that carry a unit (`Odo (mi)`). */
  labelled(cells: string[], prefix: string): string | undefined {
    const index = this.keys.findIndex((key) => key.startsWith(keyOf(prefix)));
    return index < 0 ? undefined : cells[index];
  }

  hasLabelled(prefix: string): boolean {
    return this.keys.some((key) => key.startsWith(keyOf(prefix)));
  }
}
