import { DateOrder } from './cell-values';

/** How a locale-written file writes its dates and numbers, settled once for the whole file. */
export interface FileLocale {
  dateOrder: DateOrder;
  decimalComma: boolean;
}

/** What one row shows of its file's locale (nothing when its dates and numbers could be either). */
export interface LocaleEvidence {
  dateOrder?: DateOrder;
  decimalComma?: boolean;
}

/** How many rows a reader holds back, at most, waiting for one that shows the locale. */
export const LOCALE_LOOKAHEAD_ROWS = 1000;

/**
 * Pairs each row with its file's locale. Rows are held back (at most `lookahead`) until they have
 * shown both the date order and the decimal mark; the first row that shows one settles it, whatever
 * `fallback` says, since a date like `14/3/2024` is read one way only. What no held row shows comes
 * from `fallback`. Rows come out in their order.
 */
export async function* withFileLocale<Row>(
  rows: AsyncIterable<Row>,
  evidenceOf: (row: Row) => LocaleEvidence,
  fallback: FileLocale,
  lookahead = LOCALE_LOOKAHEAD_ROWS,
): AsyncGenerator<{ row: Row; locale: FileLocale }> {
  const shown: LocaleEvidence = {};
  const held: Row[] = [];
  let locale: FileLocale | undefined;
  for await (const row of rows) {
    if (locale !== undefined) {
      yield { row, locale };
      continue;
    }
    held.push(row);
    const evidence = evidenceOf(row);
    shown.dateOrder ??= evidence.dateOrder;
    shown.decimalComma ??= evidence.decimalComma;
    if ((shown.dateOrder !== undefined && shown.decimalComma !== undefined) || held.length >= lookahead) {
      const settled = settle(shown, fallback);
      locale = settled;
      yield* held.splice(0).map((heldRow) => ({ row: heldRow, locale: settled }));
    }
  }
  const settled = locale ?? settle(shown, fallback);
  yield* held.map((heldRow) => ({ row: heldRow, locale: settled }));
}

function settle(shown: LocaleEvidence, fallback: FileLocale): FileLocale {
  return {
    dateOrder: shown.dateOrder ?? fallback.dateOrder,
    decimalComma: shown.decimalComma ?? fallback.decimalComma,
  };
}
