import { CsvError, parse } from 'csv-parse';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import type { LineProblem } from './imported-records';

/** A line that cannot be imported, and why. */
export type ProblemLine = { line: number; problems: LineProblem[] };

/** A data row of a CSV file with the 1-based line it starts on, or why the file cannot be read on from there. */
export type CsvRow = { line: number; cells: string[] } | ProblemLine;

/**
 * The rows of a CSV file as they stream in: cells trimmed, a UTF-8 byte order mark and blank lines
 * skipped, rows of any length. Line endings (`\r\n`, `\r`, `\n`) become `\n` first, so a line break
 * inside a quoted cell counts as one line (csv-parse counts `\r\n` there as two). A file csv-parse
 * cannot read on (a quote never closed) ends with one row naming the line; read errors are thrown.
 */
export async function* csvRows(input: NodeJS.ReadableStream, delimiter = ','): AsyncGenerator<CsvRow> {
  const parser = parse({
    bom: true,
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    trim: true,
  });
  const rows = pipeline(input, new UnixLineEndings(), parser, () => undefined);
  try {
    for await (const { record, info } of rows as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const breaksInside = record.reduce((count, cell) => count + cell.split('\n').length - 1, 0);
      yield { line: info.lines - breaksInside, cells: record };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error.lines === 'number' ? error.lines : 1;
    yield { line, problems: [{ field: 'file', message: `cannot be read on from here: ${error.message}` }] };
  }
}

/** Turns `\r\n` and a lone `\r` into `\n`, byte by byte (a `\r` ending one chunk waits for the next). */
class UnixLineEndings extends Transform {
  private endsInCarriageReturn = false;

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    let text = (this.endsInCarriageReturn ? '\r' : '') + Buffer.from(chunk).toString('latin1');
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
