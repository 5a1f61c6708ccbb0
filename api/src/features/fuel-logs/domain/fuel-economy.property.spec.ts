import fc from 'fast-check';
import { EconomyReason, economyPerEntry, FuelEntry, findOdometerConflict, OdometerReading } from './fuel-economy';

const START = Date.UTC(2025, 0, 1, 8);
const MINUTE = 60_000;

/**
 * Histories in date order: odometers never decrease, and an entry sharing both instant and reading
 * with the one before it gets a later id, so the order generated is the order the rules define.
 */
const historyArbitrary = fc
  .array(
    fc.record({
      minutesLater: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 * 24 * 60 })),
      kmDriven: fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 6, arbitrary: fc.integer({ min: 1, max: 900 }) },
      ),
      centilitres: fc.integer({ min: 1, max: 9000 }),
      isFull: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
      missedPrevious: fc.integer({ min: 0, max: 14 }).map((n) => n === 0),
    }),
    { maxLength: 40 },
  )
  .map((steps) => {
    let time = START;
    let odometerKm = 10_000;
    return steps.map((step, index): FuelEntry => {
      time += step.minutesLater * MINUTE;
      odometerKm += step.kmDriven;
      return {
        id: `e${String(index).padStart(3, '0')}`,
        filledAt: new Date(time),
        odometerKm,
        quantity: step.centilitres / 100,
        isFull: step.isFull,
        missedPrevious: step.missedPrevious,
      };
    });
  });

const permutationOf = <T>(items: T[]) =>
  fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length });

interface ReferenceWindow {
  openedBy: string;
  closedBy: string;
  distanceKm: number;
  fuel: number;
  entryIds: string[];
}

/**
 * The rules read straight off the issue, for a history already in order: a window runs from a full
 * fill to the next one and holds everything after the first up to the second; a flag anywhere in it
 * voids it.
 */
function reference(history: FuelEntry[]) {
  const fullIndexes = history.flatMap((entry, index) => (entry.isFull ? [index] : []));
  const windows: ReferenceWindow[] = [];
  const reasons = new Map<string, EconomyReason>(history.map((entry) => [entry.id, 'baseline']));

  const windowStarts = fullIndexes.map((opening, i) => ({ opening, closing: fullIndexes[i + 1] }));
  for (const { opening, closing } of windowStarts) {
    const members = history.slice(opening + 1, closing === undefined ? history.length : closing + 1);
    const voided = members.some((entry) => entry.missedPrevious);
    if (closing === undefined) {
      for (const member of members) reasons.set(member.id, voided ? 'missed_fill' : 'partial');
      continue;
    }
    const distanceKm = history[closing].odometerKm - history[opening].odometerKm;
    const fuel = members.reduce((total, entry) => total + entry.quantity, 0);
    const reason: EconomyReason = voided ? 'missed_fill' : distanceKm === 0 ? 'no_distance' : 'measured';
    for (const member of members) reasons.set(member.id, reason === 'measured' ? 'partial' : reason);
    if (reason === 'measured') {
      reasons.set(history[closing].id, 'measured');
      const entryIds = members.map((entry) => entry.id);
      windows.push({ openedBy: history[opening].id, closedBy: history[closing].id, distanceKm, fuel, entryIds });
    }
  }
  return { windows, reasons };
}

function actual(entries: FuelEntry[]) {
  const perEntry = economyPerEntry(entries);
  const windows: ReferenceWindow[] = [];
  const reasons = new Map<string, EconomyReason>();
  for (const [id, economy] of perEntry) {
    reasons.set(id, economy.reason);
    if (economy.window) {
      const { openedBy, closedBy, distanceKm, fuel, entryIds } = economy.window;
      expect(closedBy.id).toBe(id);
      windows.push({ openedBy: openedBy.id, closedBy: closedBy.id, distanceKm, fuel, entryIds });
    }
  }
  return { windows, reasons };
}

describe('fuel economy against the reference', () => {
  it('agrees for any history in any input order', () => {
    fc.assert(
      fc.property(
        historyArbitrary.chain((history) => fc.tuple(fc.constant(history), permutationOf(history))),
        ([history, shuffled]) => {
          const expected = reference(history);
          const result = actual(shuffled);
          expect(result.windows).toEqual(expected.windows);
          expect([...result.reasons]).toEqual([...expected.reasons]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('gives a history with an entry deleted the result of the history never holding it', () => {
    const withRemoval = historyArbitrary
      .filter((history) => history.length > 0)
      .chain((history) => fc.tuple(fc.constant(history), fc.nat({ max: history.length - 1 }), permutationOf(history)));
    fc.assert(
      fc.property(withRemoval, ([history, removedIndex, shuffled]) => {
        const removedId = history[removedIndex].id;
        const remaining = history.filter((entry) => entry.id !== removedId);
        const after = actual(shuffled.filter((entry) => entry.id !== removedId));
        expect(after).toEqual(reference(remaining));

        // Windows that neither hold nor start at the deleted entry stay exactly as they were.
        const untouched = reference(history).windows.filter(
          (window) => window.openedBy !== removedId && !window.entryIds.includes(removedId),
        );
        for (const window of untouched) expect(after.windows).toContainEqual(window);
      }),
      { numRuns: 300 },
    );
  });
});

describe('findOdometerConflict against a sorted check', () => {
  it('finds a conflict exactly when the candidate would make the odometer decrease', () => {
    const withCandidate = historyArbitrary.chain((history) =>
      fc.tuple(
        fc.constant(history),
        fc.record({
          id: fc.constantFrom('new', ...history.map((entry) => entry.id)),
          filledAt: fc.oneof(
            fc
              .integer({ min: -2 * 24 * 60, max: 40 * 5 * 24 * 60 })
              .map((minutes) => new Date(START + minutes * MINUTE)),
            fc.constantFrom(new Date(START), ...history.map((entry) => entry.filledAt)),
          ),
          odometerKm: fc.integer({ min: 9_000, max: 10_000 + 40 * 900 }),
        }),
      ),
    );
    fc.assert(
      fc.property(withCandidate, ([history, candidate]) => {
        const conflict = findOdometerConflict(history, candidate);
        const merged = [...history.filter((entry) => entry.id !== candidate.id), candidate].sort(
          (a: OdometerReading, b: OdometerReading) =>
            a.filledAt.getTime() - b.filledAt.getTime() || a.odometerKm - b.odometerKm || (a.id < b.id ? -1 : 1),
        );
        const decreases = merged.some((entry, i) => i > 0 && entry.odometerKm < merged[i - 1].odometerKm);
        expect(conflict !== null).toBe(decreases);
        if (conflict?.previous) {
          expect(conflict.previous.filledAt.getTime()).toBeLessThanOrEqual(candidate.filledAt.getTime());
          expect(conflict.previous.odometerKm).toBeGreaterThan(candidate.odometerKm);
        }
        if (conflict?.next) {
          expect(conflict.next.filledAt.getTime()).toBeGreaterThanOrEqual(candidate.filledAt.getTime());
          expect(conflict.next.odometerKm).toBeLessThan(candidate.odometerKm);
        }
      }),
      { numRuns: 300 },
    );
  });
});
