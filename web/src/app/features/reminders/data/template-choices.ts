import type { Problem } from '../../../core/problem';
import { ApplyTemplates, ReminderTemplate } from './reminder';
import { parseTypedNumber } from './typed-number';

/** One row of the template picker, as typed: the interval may be changed before adding. */
export interface TemplateRowValue {
  key: string;
  selected: boolean;
  intervalMonths: string;
  intervalDistance: string;
}

export type TemplateRowField = 'intervalMonths' | 'intervalDistance';

export function templateRowValue(template: ReminderTemplate): TemplateRowValue {
  const text = (value: number | null) => (value === null ? '' : String(value));
  return {
    key: template.key,
    selected: false,
    intervalMonths: text(template.intervalMonths),
    intervalDistance: text(template.intervalDistance),
  };
}

/** The body of `from-templates`: the selected rows in order; a blank interval is left out (null). */
export function applyTemplatesBody(vehicleId: string, rows: readonly TemplateRowValue[]): ApplyTemplates {
  const number = (text: string, decimals: number) => {
    const parsed = parseTypedNumber(text, decimals);
    return parsed === 'invalid' ? null : parsed;
  };
  return {
    vehicleId,
    templates: rows
      .filter((row) => row.selected)
      .map((row) => ({
        key: row.key,
        intervalMonths: number(row.intervalMonths, 0),
        intervalDistance: number(row.intervalDistance, 1),
      })),
  };
}

export interface TemplateRowError {
  /** The template's key: the row. */
  key: string;
  /** The field under which it shows; none: the row as a whole (a template added meanwhile). */
  field?: TemplateRowField;
  message: string;
}

const fieldNames: Record<TemplateRowField, string> = { intervalMonths: 'The months', intervalDistance: 'The distance' };

/**
 * The API's `templates.<i>.<field>` errors on their rows (`i` counts the rows sent); anything else
 * (the vehicle gone, say) as `unplaced`, for the dialog to say in a sentence.
 */
export function placeTemplateErrors(
  problem: Problem | undefined,
  sent: ApplyTemplates,
): { rows: TemplateRowError[]; unplaced: boolean } {
  const rows: TemplateRowError[] = [];
  let unplaced = !problem?.errors?.length;
  for (const { field, message } of problem?.errors ?? []) {
    const match = /^templates\.(\d+)(?:\.(\w+))?$/.exec(field);
    const key = match ? sent.templates[Number(match[1])]?.key : undefined;
    if (!match || !key) {
      unplaced = true;
      continue;
    }
    const rowField = match[2] === 'intervalMonths' || match[2] === 'intervalDistance' ? match[2] : undefined;
    rows.push({ key, field: rowField, message: rowErrorText(rowField, message) });
  }
  return { rows, unplaced };
}

function rowErrorText(field: TemplateRowField | undefined, message: string): string {
  const text = message.trim().replace(/[.!?]$/, '');
  if (/^give an interval/i.test(text)) return 'Give months, a distance or both.';
  const named = /^[A-Z]/.test(text) || !field ? text : `${fieldNames[field]} ${text}`;
  return `${named.charAt(0).toUpperCase()}${named.slice(1)}.`;
}
