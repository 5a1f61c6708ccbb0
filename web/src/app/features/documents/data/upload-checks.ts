import type { Problem } from '../../../core/problem';
import { DocumentUsage } from './document';
import { formatBytes } from './document-format';

/** What the file picker offers (the API decides by content, whatever the name or type says). */
export const acceptedFiles =
  'application/pdf,image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,text/plain';
/** The same, in words: under the drop zone. */
export const acceptedInWords = 'PDF, JPEG, PNG, WebP, HEIC or plain text';

/**
 * Why a file cannot be sent at all, before it is: empty, over the size cap, or past the quota with
 * the files already on their way (`pendingBytes`). The API checks the same; this spares the wait.
 */
export function precheckUpload(
  file: Pick<File, 'size'>,
  usage: DocumentUsage | undefined,
  pendingBytes: number,
  locale?: string,
): string | undefined {
  if (file.size === 0) return 'The file is empty.';
  if (!usage) return undefined;
  if (file.size > usage.maxFileBytes) {
    return `Too large: a document may be at most ${formatBytes(usage.maxFileBytes, locale)}.`;
  }
  if (usage.usedBytes + pendingBytes + file.size > usage.quotaBytes) {
    return (
      `Not enough room: your documents may take ${formatBytes(usage.quotaBytes, locale)} in all and already ` +
      `take ${formatBytes(usage.usedBytes + pendingBytes, locale)}. Delete some to make room.`
    );
  }
  return undefined;
}

/**
 * One sentence for a file's row from the API's answer: its problem's detail (413 names the size cap
 * or the quota, 415 what the content was), its field errors, or what an answer without one means.
 */
export function uploadProblemText(status: number, problem: Problem | undefined): string {
  // The API refuses an over-size upload before the browser has sent it all, and closes the connection.
  if (status === 0) return 'The upload was cut off: check the connection, and that the file is not too large.';
  const fieldErrors = problem?.errors ?? [];
  if (fieldErrors.length) return fieldErrors.map(({ field, message }) => `${field}: ${message}`).join('; ');
  if (problem?.detail) return problem.detail;
  if (status === 413) return 'Too large for the server.';
  if (status === 415) return 'This kind of file is not accepted.';
  if (status === 404) return 'What it was to be attached to is no longer there.';
  return problem?.title || 'The file could not be uploaded.';
}
