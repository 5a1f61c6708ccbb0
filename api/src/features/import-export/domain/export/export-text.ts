import { stringify } from 'csv-stringify/sync';

/** A record as the export writes it: plain JSON values and dates. */
export type ExportRecord = Record<string, unknown>;

/** Text is handed on in pieces of about this size, not one write per record. */
const chunkChars = 64 * 1024;

export interface JsonSection {
  /** The key of its array in `motovaultpro.json`. */
  key: string;
  records: AsyncIterable<ExportRecord>;
}

/**
 * `motovaultpro.json`, written as its records stream in: the head, then each section's array, one
 * record a line. Nothing but the current piece of text is held.
 */
export async function* motovaultproJson(head: ExportRecord, sections: JsonSection[]): AsyncGenerator<string> {
  const opening = JSON.stringify(head);
  let text = opening.slice(0, -1);
  for (const section of sections) {
    text += `,${JSON.stringify(section.key)}:[`;
    let first = true;
    for await (const record of section.records) {
      text += (first ? '\n' : ',\n') + JSON.stringify(record);
      first = false;
      if (text.length >= chunkChars) {
        yield text;
        text = '';
      }
    }
    text += first ? ']' : '\n]';
  }
  yield `${text}}\n`;
}

/** A spreadsheet column: its header and the cell of a record. */
export interface CsvColumn<T> {
  header: string;
  cell: (record: T) => unknown;
}

/** A CSV with a header row (also when there are no records), written by csv-stringify a batch of rows at a time. */
export async function* csvText<T>(columns: readonly CsvColumn<T>[], records: AsyncIterable<T>): AsyncGenerator<string> {
  const options = {
    columns: columns.map((column) => column.header),
    cast: {
      date: (value: Date) => value.toISOString(),
      boolean: (value: boolean) => (value ? 'true' : 'false'),
      object: (value: object) => (Array.isArray(value) ? value.join('; ') : JSON.stringify(value)),
    },
  };
  let rows: unknown[][] = [];
  let header = true;
  for await (const record of records) {
    rows.push(columns.map((column) => column.cell(record)));
    if (rows.length >= 500) {
      yield stringify(rows, { ...options, header });
      rows = [];
      header = false;
    }
  }
  if (rows.length > 0 || header) yield stringify(rows, { ...options, header });
}
