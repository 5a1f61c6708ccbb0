/** One fill-up or charge in canonical units. */
export interface FuelEntry {
  id: string;
  filledAt: Date;
  odometerKm: number;
  /** Litres, or kWh for an electric vehicle. */
  quantity: number;
  /** The tank (or battery, to the user's usual level) was filled up, so its level is known. */
  isFull: boolean;
  /** The user skipped logging at least one fill-up before this one. */
  missedPrevious: boolean;
}

/**
 * Why an entry has, or has no, economy of its own. Every entry after the first full fill belongs to
 * exactly one window: the one the next full fill closes.
 * - `measured`: the entry is the full fill closing a valid window; it carries that window's economy.
 * - `baseline`: the entry comes before the first full fill, or is it: no tank level to compare with.
 * - `partial`: a partial fill in a window that is still valid (or still open); its fuel counts in
 *   the economy of the full fill that closes it.
 * - `missed_fill`: the entry belongs to a window voided by a "missed a fill-up" flag on one of its
 *   entries: the flagged entry, the partial fills before and after it, and the full fill that
 *   closes it (which opens the next window all the same).
 * - `no_distance`: the entry belongs to a window whose closing reading is not above its opening one.
 * - `no_fuel`: the entry belongs to a window whose entries add no fuel. Validated quantities are
 *   positive, so only bad stored data gets here; it keeps the logic total.
 */
export const economyReasons = ['measured', 'baseline', 'partial', 'missed_fill', 'no_distance', 'no_fuel'] as const;
export type EconomyReason = (typeof economyReasons)[number];

/** A stretch between two full fills whose distance and fuel are both known. */
export interface EconomyWindow<T extends FuelEntry = FuelEntry> {
  openedBy: T;
  closedBy: T;
  distanceKm: number;
  /** All fuel added after `openedBy` up to and including `closedBy`. */
  fuel: number;
  /** The entries whose fuel is counted: after `openedBy` up to and including `closedBy`, in order. */
  entryIds: string[];
}

export type EntryEconomy<T extends FuelEntry = FuelEntry> =
  { reason: 'measured'; window: EconomyWindow<T> } | { reason: Exclude<EconomyReason, 'measured'>; window: null };

/** Date and time order; entries at the same instant go by odometer, then id, so any input order sorts alike. */
export function compareEntries(a: OdometerReading, b: OdometerReading): number {
  return (
    a.filledAt.getTime() - b.filledAt.getTime() ||
    a.odometerKm - b.odometerKm ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function orderEntries<T extends FuelEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(compareEntries);
}

/** The valid windows of a history, in order. The entries may come in any order. */
export function fuelEconomyWindows<T extends FuelEntry>(entries: readonly T[]): EconomyWindow<T>[] {
  return walkHistory(orderEntries(entries)).windows;
}

/** `fuelEconomyWindows` of entries already in `compareEntries` order (as `orderEntries` gives them). */
export function fuelEconomyWindowsInOrder<T extends FuelEntry>(ordered: readonly T[]): EconomyWindow<T>[] {
  return walkHistory(ordered).windows;
}

/** Each entry's economy by id, in date order. The entries may come in any order. */
export function economyPerEntry<T extends FuelEntry>(entries: readonly T[]): Map<string, EntryEconomy<T>> {
  const ordered = orderEntries(entries);
  const { windows, reasons } = walkHistory(ordered);
  const perEntry = new Map<string, EntryEconomy<T>>();
  let measuredCount = 0;
  for (const [index, entry] of ordered.entries()) {
    const reason = reasons[index];
    perEntry.set(
      entry.id,
      reason === 'measured' ? { reason, window: windows[measuredCount++] } : { reason, window: null },
    );
  }
  return perEntry;
}

/**
 * One pass over an ordered history: a window opens at each full fill and closes at the next.
 * Gives the valid windows, and each entry's reason by its position.
 */
function walkHistory<T extends FuelEntry>(ordered: readonly T[]) {
  const windows: EconomyWindow<T>[] = [];
  const reasons: EconomyReason[] = [];
  let openedAt = -1;
  let fuel = 0;
  let voided = false;
  const settleOpenWindow = (closedAt: number, reason: EconomyReason) => {
    for (let member = openedAt + 1; member <= closedAt; member++) reasons[member] = reason;
  };

  for (let index = 0; index < ordered.length; index++) {
    const entry = ordered[index];
    if (openedAt < 0) {
      // Before the first full fill a missed-fill flag changes nothing: there is no window to void.
      reasons.push('baseline');
      if (entry.isFull) openedAt = index;
      continue;
    }
    fuel += entry.quantity;
    voided ||= entry.missedPrevious;
    reasons.push('partial');
    if (!entry.isFull) continue;

    const opener = ordered[openedAt];
    const distanceKm = entry.odometerKm - opener.odometerKm;
    const reason = voided ? 'missed_fill' : distanceKm <= 0 ? 'no_distance' : fuel <= 0 ? 'no_fuel' : 'measured';
    if (reason === 'measured') {
      windows.push(new MeasuredWindow(ordered, openedAt, index, distanceKm, fuel));
      reasons[index] = reason;
    } else {
      settleOpenWindow(index, reason);
    }
    openedAt = index;
    fuel = 0;
    voided = false;
  }
  // The last window is still open; a flag late in it voids the partial fills before the flag too.
  if (voided) settleOpenWindow(ordered.length - 1, 'missed_fill');
  return { windows, reasons };
}

/**
 * A valid window, as positions in the ordered history it came from: thousands of them (a long
 * history's statistics) cost a small object each, and `entryIds` are listed only when read.
 */
class MeasuredWindow<T extends FuelEntry> implements EconomyWindow<T> {
  constructor(
    private readonly ordered: readonly T[],
    private readonly openedAt: number,
    private readonly closedAt: number,
    readonly distanceKm: number,
    readonly fuel: number,
  ) {}

  get openedBy(): T {
    return this.ordered[this.openedAt];
  }

  get closedBy(): T {
    return this.ordered[this.closedAt];
  }

  get entryIds(): string[] {
    return this.ordered.slice(this.openedAt + 1, this.closedAt + 1).map((member) => member.id);
  }
}

/** What odometer validation needs of an entry. */
export type OdometerReading = Pick<FuelEntry, 'id' | 'filledAt' | 'odometerKm'>;

/** The readings a candidate entry would break: at least one of the two is present. */
export interface OdometerConflict<T extends OdometerReading> {
  /** The highest reading before the candidate in date order, when it is above the candidate's. */
  previous?: T;
  /** The lowest reading after the candidate in date order, when it is below the candidate's. */
  next?: T;
}

/**
 * Checks that the odometer never decreases along date order once `candidate` (new, or an edited
 * version of one of `others`, matched by id) is in the history. Equal readings are allowed. Entries
 * at the same instant are ordered by odometer, so only other instants can conflict.
 */
export function findOdometerConflict<T extends OdometerReading>(
  others: readonly T[],
  candidate: OdometerReading,
): OdometerConflict<T> | null {
  // The extremes rather than the adjacent entries, so a history that is already out of order (an
  // import, say) still names a reading that truly conflicts.
  let previous: T | undefined;
  let next: T | undefined;
  for (const other of others) {
    if (other.id === candidate.id) continue;
    if (compareEntries(other, candidate) < 0) {
      if (!previous || readsHigher(other, previous)) previous = other;
    } else if (!next || readsHigher(next, other)) {
      next = other;
    }
  }
  const conflict: OdometerConflict<T> = {};
  if (previous && previous.odometerKm > candidate.odometerKm) conflict.previous = previous;
  if (next && next.odometerKm < candidate.odometerKm) conflict.next = next;
  return conflict.previous || conflict.next ? conflict : null;
}

/** Whether `a` reads more than `b`; of equal readings, the later (the nearer neighbour before a candidate). */
function readsHigher(a: OdometerReading, b: OdometerReading): boolean {
  return (a.odometerKm - b.odometerKm || compareEntries(a, b)) > 0;
}
