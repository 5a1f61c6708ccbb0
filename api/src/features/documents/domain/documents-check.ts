import { DataSource } from 'typeorm';
import { DocumentRowState, DocumentsCheckQuery, UploadInFlight } from '../data/documents-check.query';
import { DocumentNotFoundError, DocumentStorage, documentKey, StoredObject } from '../data/storage/document-storage';

export interface DocumentsCheckOptions {
  /** Quarantine files without a row, mark rows without a file (and unmark those whose file is back). */
  fix: boolean;
  /** Files stored less than this long ago are left for a later run. */
  olderThanMinutes: number;
}

export type DocumentsCheckFinding =
  | { kind: 'file-without-row'; key: string; size: number; modifiedAt: Date; outcome?: 'quarantined' | 'gone' }
  | { kind: 'row-without-file'; row: DocumentRowState; outcome?: 'marked' }
  /** Already marked by an earlier run: known, so not counted as a problem again. */
  | { kind: 'row-marked-missing'; row: DocumentRowState }
  | { kind: 'file-back'; row: DocumentRowState; outcome?: 'unmarked' }
  /** Recorded as in flight for over a day: its process died and no process over its folder came back. */
  | { kind: 'stale-upload'; upload: UploadInFlight; outcome?: 'removed' };

/**
 * An upload in flight this long is one whose process died and never came back over its
 * `DOCUMENTS_DIR` to clean up (a replica gone for good, or one that lost its folder): the longest
 * upload of a capped file takes minutes.
 */
const STALE_UPLOAD_HOURS = 24;

export interface DocumentsCheckReport {
  rows: number;
  files: number;
  findings: DocumentsCheckFinding[];
  /** Files without a row stored less than `olderThanMinutes` ago: not judged this time. */
  tooRecent: number;
  /** Findings that need something done (all but rows marked missing earlier). */
  problems: number;
  fixed: boolean;
  olderThanMinutes: number;
}

/**
 * `npm run admin -- documents:check [--fix]`: compares the document rows with the storage, beside a
 * running app. An upload stores its bytes after recording itself in `document_uploads` and ends that
 * record in the transaction that writes its row; removals take the bytes first and the row after. So
 * bytes never exist without a row or an upload record, and a row never exists before its bytes; the
 * check reads the rows first, then lists the storage, then asks the database again about any key it
 * did not know (and the storage again about any row whose bytes it did not list), so nothing that
 * happened meanwhile is taken for a problem.
 */
export class DocumentsCheck {
  constructor(
    private readonly query: DocumentsCheckQuery,
    private readonly storage: DocumentStorage,
  ) {}

  static over(dataSource: DataSource, storage: DocumentStorage): DocumentsCheck {
    return new DocumentsCheck(new DocumentsCheckQuery(dataSource), storage);
  }

  async run(options: DocumentsCheckOptions, now = new Date()): Promise<DocumentsCheckReport> {
    const rows = new Map((await this.query.allRows()).map((row) => [documentKey(row.userId, row.id), row]));
    const listed = new Set<string>();
    const unknown: StoredObject[] = [];
    let files = 0;
    for await (const object of this.storage.list('')) {
      files += 1;
      if (rows.has(object.key)) listed.add(object.key);
      else unknown.push(object);
    }

    const withoutRow = await this.withoutOwnerNow(unknown);
    const graceStart = now.getTime() - options.olderThanMinutes * 60_000;
    const strays = withoutRow.filter((object) => object.modifiedAt.getTime() <= graceStart);
    const findings: DocumentsCheckFinding[] = [
      ...strays.map((object) => ({ kind: 'file-without-row' as const, ...object })),
      ...(await this.rowsWithoutFile([...rows].filter(([key]) => !listed.has(key)).map(([, row]) => row))),
      ...[...listed].flatMap((key) => {
        const row = rows.get(key)!;
        return row.fileMissingAt ? [{ kind: 'file-back' as const, row }] : [];
      }),
      ...(await this.query.uploadsStartedBefore(new Date(now.getTime() - STALE_UPLOAD_HOURS * 3_600_000))).map(
        (upload) => ({ kind: 'stale-upload' as const, upload }),
      ),
    ];
    if (options.fix) await this.fix(findings);
    return {
      rows: rows.size,
      files,
      findings,
      tooRecent: withoutRow.length - strays.length,
      problems: findings.filter((finding) => finding.kind !== 'row-marked-missing').length,
      fixed: options.fix,
      olderThanMinutes: options.olderThanMinutes,
    };
  }

  /** Those of `objects` that neither a row nor an upload in flight owns, asked now (after the listing). */
  private async withoutOwnerNow(objects: StoredObject[]): Promise<StoredObject[]> {
    const owned = await this.query.ownedNow(
      objects.map(({ key }) => {
        const [userId, documentId] = key.split('/');
        return { userId, documentId };
      }),
    );
    return objects.filter((object) => !owned.has(object.key));
  }

  private async rowsWithoutFile(candidates: DocumentRowState[]): Promise<DocumentsCheckFinding[]> {
    const findings: DocumentsCheckFinding[] = [];
    // Purged meanwhile: gone. A file that shows now after all: not missing.
    for (const row of await this.query.rowsNow(candidates.map((row) => row.id))) {
      if (await this.storage.stat(documentKey(row.userId, row.id))) continue;
      findings.push(row.fileMissingAt ? { kind: 'row-marked-missing', row } : { kind: 'row-without-file', row });
    }
    return findings;
  }

  private async fix(findings: DocumentsCheckFinding[]): Promise<void> {
    for (const finding of findings) {
      if (finding.kind !== 'file-without-row') continue;
      try {
        await this.storage.quarantine(finding.key);
        finding.outcome = 'quarantined';
      } catch (error) {
        if (!(error instanceof DocumentNotFoundError)) throw error;
        finding.outcome = 'gone';
      }
    }
    const missing = findings.filter((finding) => finding.kind === 'row-without-file');
    await this.query.markFileMissing(missing.map((finding) => finding.row.id));
    for (const finding of missing) finding.outcome = 'marked';
    for (const finding of findings) {
      if (finding.kind !== 'stale-upload') continue;
      // The record goes first: were the upload to finish after all, its row would keep its bytes.
      if (!(await this.query.endUpload(finding.upload.id))) continue;
      await this.storage.delete(documentKey(finding.upload.userId, finding.upload.id));
      finding.outcome = 'removed';
    }
    const back = findings.filter((finding) => finding.kind === 'file-back');
    await this.query.clearFileMissing(back.map((finding) => finding.row.id));
    for (const finding of back) finding.outcome = 'unmarked';
  }
}

/** One line per finding, then a summary line. */
export function describeDocumentsCheck(report: DocumentsCheckReport): string[] {
  const count = (kind: DocumentsCheckFinding['kind']) => report.findings.filter((found) => found.kind === kind).length;
  const problems = [
    plural(count('file-without-row'), 'file without a row', 'files without a row'),
    plural(count('row-without-file'), 'row without a file', 'rows without a file'),
    plural(count('file-back'), 'row marked missing whose file is back', 'rows marked missing whose file is back'),
    plural(count('stale-upload'), 'upload left unfinished', 'uploads left unfinished'),
  ].filter((part) => !part.startsWith('0 '));
  const checked = `Checked ${plural(report.rows, 'document row', 'document rows')} and ${plural(report.files, 'stored file', 'stored files')}`;
  const notes = [
    problems.length === 0
      ? 'no problems'
      : `${problems.join(', ')}${report.fixed ? ' (fixed)' : ' (run with --fix to fix)'}`,
  ];
  const known = count('row-marked-missing');
  if (known > 0) notes.push(`${plural(known, 'row', 'rows')} marked missing earlier`);
  if (report.tooRecent > 0) {
    notes.push(
      `${plural(report.tooRecent, 'file', 'files')} without a row stored in the last ${report.olderThanMinutes} min, left for a later run`,
    );
  }
  return [...report.findings.map(describeFinding), `${checked}: ${notes.join('; ')}.`];
}

function describeFinding(finding: DocumentsCheckFinding): string {
  switch (finding.kind) {
    case 'file-without-row': {
      const stored = `${finding.key} (${finding.size} bytes, stored ${finding.modifiedAt.toISOString()})`;
      const outcome =
        finding.outcome === 'quarantined' ? ' → quarantined' : finding.outcome === 'gone' ? ' → gone meanwhile' : '';
      return `file without a row: ${stored}${outcome}`;
    }
    case 'row-without-file':
      return `row without a file: ${describeRow(finding.row)}${finding.outcome ? ' → marked missing' : ''}`;
    case 'row-marked-missing':
      return `row without a file (marked missing ${finding.row.fileMissingAt!.toISOString()}): ${describeRow(finding.row)}`;
    case 'file-back':
      return `file back for a row marked missing: ${describeRow(finding.row)}${finding.outcome ? ' → unmarked' : ''}`;
    case 'stale-upload': {
      const { upload } = finding;
      const since = `since ${upload.startedAt.toISOString()} by ${upload.owner}`;
      return `upload left unfinished ${since}: ${documentKey(upload.userId, upload.id)}${finding.outcome ? ' → removed' : ''}`;
    }
  }
}

function describeRow(row: DocumentRowState): string {
  return `document ${row.id} of user ${row.userId}${row.deleted ? ' (deleted)' : ''}`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
