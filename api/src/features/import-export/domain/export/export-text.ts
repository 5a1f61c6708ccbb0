import { stringify } from 'csv-stringify/sync';

/** A record as the export writes it: plain JSON values and dates. */
export type ExportRecord = Record<string, unknown>;

export interface JsonSection {
  /** The key of its array in `motovaultpro.json`. */
  key: string;
  /** Its records a page at a time, each page as `jsonLines` writes it. */
  pages: AsyncIterable<string>;
}

/** A page of records as `motovaultpro.json` holds them: one a line, `toJson` deciding what is written of each. */
export function jsonLines<T>(toJson: (record: T) => ExportRecord): (records: T[]) => string {
  return (records) => records.map((record) => JSON.stringify(toJson(record))).join(',\n');
}

/**
 * `motovaultpro.json`, written as its pages come in: the head, then each section's array, one
 * record a line. Nothing but the text of the current page is held.
 */
export async function* motovaultproJson(head: ExportRecord, sections: JsonSection[]): AsyncGenerator<string> {
  yield JSON.stringify(head).slice(0, -1);
  for (const section of sections) {
    let before = `,${JSON.stringify(section.key)}:[`;
    for await (const lines of section.pages) {
      yield `${before}\n${lines}`;
      before = ',';
    }
    yield before === ',' ? '\n]' : `${before}]`;
  }
  yield '}\n';
}

/** A spreadsheet column: its header and the cell of a record. */
export interface CsvColumn<T> {
  header: string;
  cell: (record: T) => unknown;
}

/**
 * A CSV written by csv-stringify: the header row (also when there are no records), then the rows of
 * each page that `pages` reads, given the function that writes a page's rows.
 */
export async function* csvText<T>(
  columns: readonly CsvColumn<T>[],
  pages: (rowsOf: (records: T[]) => string) => AsyncIterable<string>,
): AsyncGenerator<string> {
  const options = {
    columns: columns.map((column) => column.header),
    cast: {
      date: (value: Date) => value.toISOString(),
      boolean: (value: boolean) => (value ? 'true' : 'false'),
      object: (value: object) => (Array.isArray(value) ? value.join('; ') : JSON.stringify(value)),
    },
  };
  yield stringify([], { ...options, header: true });
  yield* pages((records) =>
    stringify(
      records.map((record) => columns.map((column) => column.cell(record))),
      options,
    ),
  );
}
