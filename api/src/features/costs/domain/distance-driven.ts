/** An odometer reading and its calendar day in the user's time zone ('YYYY-MM-DD'). */
export interface DayReading {
  day: string;
  odometer: number;
}

/**
 * A vehicle's odometer along the calendar, from its readings (every source: the initial one,
 * fill-ups, services). The odometer at the start of a day is the highest reading of an earlier
 * day, or the lowest reading of all when no reading is earlier: distance starts at the first known
 * reading, and a reading that reads less than one before it adds nothing.
 */
export class OdometerTimeline {
  /** Days in order, and the highest reading up to and including each. */
  private readonly days: string[] = [];
  private readonly highest: number[] = [];
  private readonly lowest: number | null;

  constructor(readings: readonly DayReading[]) {
    // Days are 'YYYY-MM-DD': plain string order is date order, without a collator's cost.
    const ordered = [...readings].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.odometer - b.odometer));
    let lowest = Infinity;
    let highest = -Infinity;
    for (const reading of ordered) {
      lowest = Math.min(lowest, reading.odometer);
      highest = Math.max(highest, reading.odometer);
      this.days.push(reading.day);
      this.highest.push(highest);
    }
    this.lowest = ordered.length > 0 ? lowest : null;
  }

  get hasReadings(): boolean {
    return this.lowest !== null;
  }

  /** The days (in order) that hold a reading. */
  readingDays(): readonly string[] {
    return this.days;
  }

  /** The odometer when `day` starts (undefined: before any reading; null without readings). */
  startOf(day?: string): number | null {
    if (this.lowest === null) return null;
    if (day === undefined) return this.lowest;
    const earlier = this.countBefore(day);
    return earlier === 0 ? this.lowest : Math.max(this.lowest, this.highest[earlier - 1]);
  }

  /** Distance driven on days `from <= day < to`; an end left out is the start or the end of history. */
  distance(from?: string, to?: string): number {
    if (this.lowest === null) return 0;
    const start = this.startOf(from)!;
    const end = to === undefined ? Math.max(this.lowest, this.highest.at(-1)!) : this.startOf(to)!;
    return Math.max(0, end - start);
  }

  /** How many readings fall on a day before `day` (days compare as text: 'YYYY-MM-DD'). */
  private countBefore(day: string): number {
    let low = 0;
    let high = this.days.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.days[middle] < day) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
