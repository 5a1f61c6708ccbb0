import { JSONParser } from '@streamparser/json';
import type { ParsedElementInfo } from '@streamparser/json';
import { Readable } from 'node:stream';
import { Parse } from 'unzipper';
import type { StagedFile } from '../../../documents';
import type { ImportLine, LineProblem } from './imported-records';
import { isExportSection, readSection, RestoredRecord } from './motovaultpro-sections';

/** Stages a document's bytes from the zip (the documents capsule keeps them until the commit). */
export type StageFile = (fileName: string, bytes: Readable) => Promise<StagedFile>;

/** The versions of `motovaultpro.json` this reader knows. */
const knownVersions = [1];

const fileProblem = (message: string): ImportLine => ({ line: 1, problems: [{ field: 'file', message }] });

/**
 * Reads our own export zip as it streams in: each document's bytes are staged as they pass, and
 * `motovaultpro.json`'s records come out one a line, checked against their section (line numbers
 * are the records' lines in the file as the export writes it: one record a line). Documents' lines
 * come last, with their staged bytes, so the zip's entries may be in any order. The spreadsheets
 * (`csv/`) are passed over: the JSON holds everything.
 */
export async function* readMotovaultpro(input: NodeJS.ReadableStream, stage: StageFile): AsyncGenerator<ImportLine> {
  const files = new Map<string, StagedFile>();
  const documents: { line: number; record: Extract<RestoredRecord, { section: 'documents' }> }[] = [];
  let sawJson = false;
  try {
    const zip = (input as Readable).pipe(Parse({ forceStream: true }));
    (input as Readable).on('error', (error) => zip.destroy(error));
    for await (const entry of zip as AsyncIterable<ZipEntry>) {
      if (entry.type === 'File' && entry.path.startsWith('documents/')) {
        files.set(entry.path, await stage(entry.path.split('/').pop() || 'document', entry));
      } else if (entry.path === 'motovaultpro.json' && !sawJson) {
        sawJson = true;
        for await (const line of jsonLines(entry)) {
          if ('record' in line && line.record.kind === 'exported' && line.record.section === 'documents') {
            documents.push(line as (typeof documents)[number]);
          } else {
            yield line;
          }
        }
      } else {
        entry.autodrain();
      }
    }
  } catch (error) {
    if (error instanceof UnreadableExport) {
      yield { line: error.line, problems: [{ field: 'file', message: error.message }] };
      return;
    }
    if (!isZipDamage(error)) throw error;
    yield fileProblem(`is not a MotoVaultPro export zip, or it is damaged (${(error as Error).message})`);
    return;
  }
  if (!sawJson) {
    yield fileProblem('is not a MotoVaultPro export: the zip holds no motovaultpro.json');
    return;
  }
  for (const { line, record } of documents) {
    const path = record.fields.path;
    yield { line, record: { ...record, staged: path ? (files.get(path) ?? null) : null } };
  }
}

interface ZipEntry extends Readable {
  path: string;
  type: 'File' | 'Directory';
  autodrain(): void;
}

class UnreadableExport extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `motovaultpro.json`'s head (format, version, preferences) and each record of its arrays, as
 * lines. The line of a record is counted as the export writes the file: the head and first array's
 * opening on line 1, then a line per record and one closing each array that had records.
 */
async function* jsonLines(bytes: Readable): AsyncGenerator<ImportLine> {
  const parser = new JSONParser({ paths: ['$.format', '$.version', '$.preferences', '$.*.*'], keepStack: false });
  const out: ImportLine[] = [];
  let line = 1;
  let section: string | undefined;
  let head: { format?: unknown; version?: unknown } = {};
  parser.onValue = ({ value, key, stack }: ParsedElementInfo) => {
    if (stack.length === 1) {
      if (key === 'format' || key === 'version') head = { ...head, [key]: value };
      else if (key === 'preferences') out.push(lineOf(1, 'preferences', value));
      return;
    }
    const parent = stack[1]?.key;
    if (typeof parent !== 'string' || typeof key !== 'number') return;
    if (key === 0) {
      checkHead(head);
      if (section !== undefined) line += 1;
      section = parent;
    }
    line += 1;
    if (isExportSection(parent)) out.push(lineOf(line, parent, value));
  };
  try {
    for await (const chunk of bytes) {
      parser.write(chunk as Buffer);
      yield* out.splice(0);
    }
    if (!parser.isEnded) parser.end();
  } catch (error) {
    if (error instanceof UnreadableExport) throw error;
    throw new UnreadableExport(line, `motovaultpro.json cannot be read on: ${(error as Error).message}`);
  }
  checkHead(head);
  yield* out.splice(0);
}

function checkHead(head: { format?: unknown; version?: unknown }): void {
  if (head.format !== 'motovaultpro') {
    throw new UnreadableExport(1, 'is not a MotoVaultPro export: motovaultpro.json does not say format “motovaultpro”');
  }
  if (typeof head.version !== 'number' || !knownVersions.includes(head.version)) {
    throw new UnreadableExport(
      1,
      `is an export of version ${String(head.version)}, which this MotoVaultPro cannot read (it reads ${knownVersions.join(', ')})`,
    );
  }
}

function lineOf(line: number, section: Parameters<typeof readSection>[0], value: unknown): ImportLine {
  const read = readSection(section, value);
  if ('problems' in read) return { line, problems: read.problems as LineProblem[] };
  return { line, record: { kind: 'exported', section, fields: read.fields } as RestoredRecord };
}

/** Errors of unzipper over bytes that are not a whole zip (as opposed to a failing upload). */
function isZipDamage(error: unknown): boolean {
  return (
    error instanceof Error &&
    /signature|invalid|unexpected end|FILE_ENDED|zip|inflate|incorrect header/i.test(error.message)
  );
}
