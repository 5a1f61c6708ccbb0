import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@mvp/common';

/** Why one line of an imported file cannot be written: its field and what is wrong with it. */
export interface LineFieldProblem {
  line: number;
  field: string;
  message: string;
}

/**
 * A batch of imported records refused, nothing written: a 409 whose `lines` name every line and
 * field at fault (the file's line numbers), so the person can fix the file and import it again.
 */
export class LinesRefused extends ProblemException {
  constructor(readonly lines: LineFieldProblem[]) {
    const count = new Set(lines.map((problem) => problem.line)).size;
    super(HttpStatus.CONFLICT, {
      title: 'Lines cannot be imported',
      detail: `${count} line${count === 1 ? '' : 's'} of the file cannot be imported; nothing was imported.`,
      lines: [...lines].sort((a, b) => a.line - b.line),
    });
  }
}
