import {
  EconomyReason,
  economyPerEntry,
  FuelEntry,
  fuelEconomyWindows,
  findOdometerConflict,
  orderEntries,
} from './fuel-economy';

const full = (id: string, filledAt: string, odometerKm: number, quantity: number): FuelEntry => ({
  id,
  filledAt: new Date(filledAt),
  odometerKm,
  quantity,
  isFull: true,
  missedPrevious: false,
});
const partial = (id: string, filledAt: string, odometerKm: number, quantity: number): FuelEntry => ({
  ...full(id, filledAt, odometerKm, quantity),
  isFull: false,
});
const afterMissedFill = (entry: FuelEntry): FuelEntry => ({ ...entry, missedPrevious: true });

/** Windows by entry id, for readable expectations. */
function windowsOf(entries: FuelEntry[]) {
  return fuelEconomyWindows(entries).map((window) => ({
    from: window.openedBy.id,
    to: window.closedBy.id,
    distanceKm: window.distanceKm,
    fuel: window.fuel,
    entryIds: window.entryIds,
  }));
}

function reasonsOf(entries: FuelEntry[]): Record<string, EconomyReason> {
  return Object.fromEntries([...economyPerEntry(entries)].map(([id, economy]) => [id, economy.reason]));
}

describe('fuel economy windows', () => {
  it('measures a window from one full fill to the next', () => {
    const history = [full('a', '2025-01-01T08:00Z', 1000, 40), full('b', '2025-01-08T08:00Z', 1500, 35)];
    expect(windowsOf(history)).toEqual([{ from: 'a', to: 'b', distanceKm: 500, fuel: 35, entryIds: ['b'] }]);
    expect(reasonsOf(history)).toEqual({ a: 'baseline', b: 'measured' });
  });

  it('gives the economy to the closing full fill', () => {
    const history = [full('a', '2025-01-01T08:00Z', 1000, 40), full('b', '2025-01-08T08:00Z', 1500, 35)];
    const perEntry = economyPerEntry(history);
    expect(perEntry.get('a')).toEqual({ reason: 'baseline', window: null });
    expect(perEntry.get('b')?.window).toEqual(fuelEconomyWindows(history)[0]);
    expect(perEntry.get('b')?.window?.closedBy).toBe(history[1]);
  });

  it('adds the fuel of partial fills to the window the next full fill closes', () => {
    const history = [
      full('a', '2025-01-01T08:00Z', 1000, 40),
      partial('b', '2025-01-03T08:00Z', 1200, 10),
      partial('c', '2025-01-05T08:00Z', 1400, 15),
      full('d', '2025-01-07T08:00Z', 1600, 20),
    ];
    expect(windowsOf(history)).toEqual([{ from: 'a', to: 'd', distanceKm: 600, fuel: 45, entryIds: ['b', 'c', 'd'] }]);
    expect(reasonsOf(history)).toEqual({ a: 'baseline', b: 'partial', c: 'partial', d: 'measured' });
  });

  it('voids the window a missed fill falls in; the next full fill opens a new one', () => {
    const history = [
      full('a', '2025-01-01T08:00Z', 1000, 40),
      partial('p', '2025-01-02T08:00Z', 1100, 5),
      afterMissedFill(partial('b', '2025-01-04T08:00Z', 1300, 10)),
      partial('q', '2025-01-05T08:00Z', 1400, 5),
      full('c', '2025-01-06T08:00Z', 1600, 30),
      full('d', '2025-01-09T08:00Z', 2000, 32),
    ];
    expect(windowsOf(history)).toEqual([{ from: 'c', to: 'd', distanceKm: 400, fuel: 32, entryIds: ['d'] }]);
    expect(reasonsOf(history)).toEqual({
      a: 'baseline',
      p: 'missed_fill',
      b: 'missed_fill',
      q: 'missed_fill',
      c: 'missed_fill',
      d: 'measured',
    });
  });

  it('lets a missed-flagged full fill open the new window itself', () => {
    const history = [
      full('a', '2025-01-01T08:00Z', 1000, 40),
      afterMissedFill(full('b', '2025-01-08T08:00Z', 1900, 38)),
      full('c', '2025-01-12T08:00Z', 2300, 30),
    ];
    expect(windowsOf(history)).toEqual([{ from: 'b', to: 'c', distanceKm: 400, fuel: 30, entryIds: ['c'] }]);
    expect(reasonsOf(history)).toEqual({ a: 'baseline', b: 'missed_fill', c: 'measured' });
  });

  it('gives no economy to entries before the first full fill, flagged or not', () => {
    const history = [
      partial('p1', '2025-01-01T08:00Z', 900, 12),
      afterMissedFill(partial('p2', '2025-01-02T08:00Z', 950, 8)),
      full('a', '2025-01-03T08:00Z', 1000, 30),
      full('b', '2025-01-08T08:00Z', 1450, 33),
    ];
    expect(windowsOf(history)).toEqual([{ from: 'a', to: 'b', distanceKm: 450, fuel: 33, entryIds: ['b'] }]);
    expect(reasonsOf(history)).toEqual({ p1: 'baseline', p2: 'baseline', a: 'baseline', b: 'measured' });
  });

  it('treats a first full fill flagged as missed as the baseline', () => {
    const history = [
      afterMissedFill(full('a', '2025-01-01T08:00Z', 1000, 40)),
      full('b', '2025-01-08T08:00Z', 1500, 35),
    ];
    expect(reasonsOf(history)).toEqual({ a: 'baseline', b: 'measured' });
  });

  it('measures nothing over a window without distance, and the next window starts from its closing fill', () => {
    const history = [
      full('a', '2025-01-01T08:00Z', 1000, 40),
      partial('b', '2025-01-01T08:05Z', 1000, 1),
      full('c', '2025-01-01T08:10Z', 1000, 0.5),
      full('d', '2025-01-06T08:00Z', 1400, 28),
    ];
    expect(windowsOf(history)).toEqual([{ from: 'c', to: 'd', distanceKm: 400, fuel: 28, entryIds: ['d'] }]);
    expect(reasonsOf(history)).toEqual({ a: 'baseline', b: 'no_distance', c: 'no_distance', d: 'measured' });
  });

  it('measures nothing over a window without fuel (bad data)', () => {
    const history = [full('a', '2025-01-01T08:00Z', 1000, 40), full('b', '2025-01-06T08:00Z', 1400, 0)];
    expect(windowsOf(history)).toEqual([]);
    expect(reasonsOf(history)).toEqual({ a: 'baseline', b: 'no_fuel' });
  });

  it('keeps partial fills after the last full fill open, and marks them once their window is voided', () => {
    const open = [full('a', '2025-01-01T08:00Z', 1000, 40), partial('b', '2025-01-03T08:00Z', 1200, 10)];
    expect(reasonsOf(open)).toEqual({ a: 'baseline', b: 'partial' });
    const voided = [...open, afterMissedFill(partial('c', '2025-01-05T08:00Z', 1500, 10))];
    expect(reasonsOf(voided)).toEqual({ a: 'baseline', b: 'missed_fill', c: 'missed_fill' });
    expect(windowsOf(voided)).toEqual([]);
  });

  it('orders same-day entries by their time, whatever order they come in', () => {
    const evening = full('evening', '2025-03-10T18:00Z', 1300, 25);
    const morning = full('morning', '2025-03-10T07:00Z', 1000, 40);
    expect(windowsOf([evening, morning])).toEqual([
      { from: 'morning', to: 'evening', distanceKm: 300, fuel: 25, entryIds: ['evening'] },
    ]);
  });

  it('breaks ties of the same instant by odometer, then by id', () => {
    const at = '2025-03-10T12:00Z';
    const higher = partial('a', at, 1010, 3);
    const lower = full('z', at, 1000, 40);
    expect(orderEntries([higher, lower]).map((entry) => entry.id)).toEqual(['z', 'a']);

    const second = partial('k2', at, 1000, 3);
    const first = full('k1', at, 1000, 40);
    expect(orderEntries([second, first]).map((entry) => entry.id)).toEqual(['k1', 'k2']);
    expect(reasonsOf([second, first])).toEqual({ k1: 'baseline', k2: 'partial' });
  });

  const history = [
    partial('p0', '2025-01-01T08:00Z', 900, 12),
    full('a', '2025-01-02T08:00Z', 1000, 40),
    partial('b', '2025-01-05T08:00Z', 1250, 15),
    full('c', '2025-01-07T08:00Z', 1500, 20),
    full('d', '2025-01-10T08:00Z', 2000, 33),
    afterMissedFill(full('e', '2025-01-20T08:00Z', 2900, 30)),
    partial('f', '2025-01-22T08:00Z', 3100, 10),
    full('g', '2025-01-25T08:00Z', 3400, 22),
  ];

  it('gives the same result for any input order', () => {
    const inOrder = economyPerEntry(history);
    for (const shuffled of [[...history].reverse(), [...history.slice(3), ...history.slice(0, 3)]]) {
      expect(economyPerEntry(shuffled)).toEqual(inOrder);
      expect([...economyPerEntry(shuffled).keys()]).toEqual(history.map((entry) => entry.id));
      expect(fuelEconomyWindows(shuffled)).toEqual(fuelEconomyWindows(history));
    }
  });

  it('gives an entry inserted out of order the same result as entering it in order', () => {
    const withoutB = history.filter((entry) => entry.id !== 'b');
    const insertedLast = [...withoutB, history[2]];
    expect(economyPerEntry(insertedLast)).toEqual(economyPerEntry(history));
  });

  it('changes only the windows around a deleted entry', () => {
    expect(windowsOf(history)).toEqual([
      { from: 'a', to: 'c', distanceKm: 500, fuel: 35, entryIds: ['b', 'c'] },
      { from: 'c', to: 'd', distanceKm: 500, fuel: 33, entryIds: ['d'] },
      { from: 'e', to: 'g', distanceKm: 500, fuel: 32, entryIds: ['f', 'g'] },
    ]);
    const withoutC = history.filter((entry) => entry.id !== 'c');
    expect(windowsOf(withoutC)).toEqual([
      { from: 'a', to: 'd', distanceKm: 1000, fuel: 48, entryIds: ['b', 'd'] },
      { from: 'e', to: 'g', distanceKm: 500, fuel: 32, entryIds: ['f', 'g'] },
    ]);
    const withoutE = history.filter((entry) => entry.id !== 'e');
    expect(windowsOf(withoutE)).toEqual([
      { from: 'a', to: 'c', distanceKm: 500, fuel: 35, entryIds: ['b', 'c'] },
      { from: 'c', to: 'd', distanceKm: 500, fuel: 33, entryIds: ['d'] },
      { from: 'd', to: 'g', distanceKm: 1400, fuel: 32, entryIds: ['f', 'g'] },
    ]);
  });

  it('changes only the window around an edited entry', () => {
    const edited = history.map((entry) => (entry.id === 'b' ? { ...entry, quantity: 5 } : entry));
    expect(windowsOf(edited)).toEqual([
      { from: 'a', to: 'c', distanceKm: 500, fuel: 25, entryIds: ['b', 'c'] },
      { from: 'c', to: 'd', distanceKm: 500, fuel: 33, entryIds: ['d'] },
      { from: 'e', to: 'g', distanceKm: 500, fuel: 32, entryIds: ['f', 'g'] },
    ]);
    const madeFull = history.map((entry) => (entry.id === 'f' ? { ...entry, isFull: true } : entry));
    expect(windowsOf(madeFull).slice(2)).toEqual([
      { from: 'e', to: 'f', distanceKm: 200, fuel: 10, entryIds: ['f'] },
      { from: 'f', to: 'g', distanceKm: 300, fuel: 22, entryIds: ['g'] },
    ]);
    expect(windowsOf(madeFull).slice(0, 2)).toEqual(windowsOf(history).slice(0, 2));
  });

  it('keeps the caller’s own entry objects and fields', () => {
    const costed = [
      { ...full('a', '2025-01-01T08:00Z', 1000, 40), totalCostMinor: 6000 },
      { ...full('b', '2025-01-08T08:00Z', 1500, 35), totalCostMinor: 5200 },
    ];
    const [window] = fuelEconomyWindows(costed);
    expect(window.closedBy.totalCostMinor).toBe(5200);
    expect(window.openedBy).toBe(costed[0]);
  });
});

describe('findOdometerConflict', () => {
  const readings = [
    full('jan', '2025-01-10T08:00Z', 1000, 40),
    full('feb', '2025-02-10T08:00Z', 2000, 40),
    full('mar', '2025-03-10T08:00Z', 3000, 40),
  ];

  it('accepts a reading between its neighbours, equal ones included', () => {
    expect(findOdometerConflict(readings, full('new', '2025-02-20T08:00Z', 2500, 30))).toBeNull();
    expect(findOdometerConflict(readings, full('new', '2025-02-20T08:00Z', 2000, 30))).toBeNull();
    expect(findOdometerConflict(readings, full('new', '2025-02-20T08:00Z', 3000, 30))).toBeNull();
    expect(findOdometerConflict(readings, full('new', '2025-04-01T08:00Z', 9000, 30))).toBeNull();
  });

  it('names the earlier reading a lower one would break', () => {
    expect(findOdometerConflict(readings, full('new', '2025-02-20T08:00Z', 1900, 30))).toEqual({
      previous: readings[1],
    });
  });

  it('names the later reading a higher one would break', () => {
    expect(findOdometerConflict(readings, full('new', '2025-02-20T08:00Z', 3100, 30))).toEqual({ next: readings[2] });
    expect(findOdometerConflict(readings, full('new', '2024-12-01T08:00Z', 1001, 30))).toEqual({ next: readings[0] });
  });

  it('checks an edited entry against the others, not its own old reading', () => {
    expect(findOdometerConflict(readings, { ...readings[1], odometerKm: 1500 })).toBeNull();
    expect(findOdometerConflict(readings, { ...readings[1], filledAt: new Date('2025-03-20T08:00Z') })).toEqual({
      previous: readings[2],
    });
  });

  it('orders entries at the same instant by odometer, so they never conflict', () => {
    expect(findOdometerConflict(readings, full('new', '2025-02-10T08:00Z', 1500, 30))).toBeNull();
  });

  it('names the nearest of equal readings', () => {
    const equal = [...readings, full('feb2', '2025-02-15T08:00Z', 2000, 10)];
    expect(findOdometerConflict(equal, full('new', '2025-02-20T08:00Z', 1900, 30))).toEqual({ previous: equal[3] });
    expect(findOdometerConflict(equal, full('new', '2025-02-01T08:00Z', 2100, 30))).toEqual({ next: readings[1] });
  });

  it('names the readings that truly conflict in a history already out of order', () => {
    const broken = [...readings, full('typo', '2025-02-05T08:00Z', 9000, 30)];
    expect(findOdometerConflict(broken, full('new', '2025-02-20T08:00Z', 2500, 30))).toEqual({ previous: broken[3] });
  });
});
