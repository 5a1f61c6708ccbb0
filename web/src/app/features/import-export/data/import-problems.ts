import { HttpErrorResponse } from '@angular/common/http';
import { describeError, problemOf, sentence } from '../../../core/problem';
import { ImportLineError } from './import-job';

/** What a step shows when the API refuses: a sentence, and the fields or lines it names. */
export interface StepProblem {
  readonly message: string;
  /** A 400's fields: "mapping.columns.odometer: column “Odo” is not in the file." */
  readonly fields: readonly string[];
  /** A 409 `LinesRefused`: each line of the file and why. */
  readonly lines: readonly ImportLineError[];
}

/** The API's cap on an import's file (`importMaxBytes` in its import controller), but our own export's. */
export const importMaxBytes = 50 * 1024 * 1024;
export const tooLargeText = 'The file is over 50 MB, the most an import takes.';

const statusTexts: Record<number, string> = {
  404: 'This import has expired or is gone: upload the file again.',
  413: tooLargeText,
};

/** The refused upload's or commit's problem, in the words the wizard shows. */
export function stepProblemOf(error: unknown, fallback: string): StepProblem {
  const problem = problemOf(error);
  const status = error instanceof HttpErrorResponse ? error.status : undefined;
  const fields = (problem?.errors ?? []).map((each) => `${each.field}: ${sentence(each.message)}`);
  const lines = linesOf(problem);
  const message = (!problem?.detail && status && statusTexts[status]) || describeError(error, fallback);
  return { message, fields, lines };
}

function linesOf(problem: object | undefined): ImportLineError[] {
  const lines = problem && 'lines' in problem ? problem.lines : undefined;
  if (!Array.isArray(lines)) return [];
  return lines.filter(
    (line): line is ImportLineError =>
      typeof line === 'object' && line !== null && typeof (line as ImportLineError).line === 'number',
  );
}
