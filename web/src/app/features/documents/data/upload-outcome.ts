import type { UploadOutcome } from './document-uploads';

/**
 * What a form says after saving a record whose attachments did not all arrive: the file and why
 * for one, the count for several; nothing when every one arrived.
 */
export function attachmentFailureText(outcome: UploadOutcome): string | undefined {
  const { failed } = outcome;
  if (failed.length === 0) return undefined;
  if (failed.length === 1) {
    const [{ fileName, problem }] = failed;
    return `“${fileName}” was not attached: ${problem}`;
  }
  return `${failed.length} files were not attached: open the record to add them again.`;
}
