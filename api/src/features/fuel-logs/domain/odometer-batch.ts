/** A reading in a vehicle's own unit at an instant; `line` marks one of the batch being imported. */
export interface BatchReading {
  filledAt: Date;
  odometer: number;
  line?: number;
}

export interface BatchOdometerProblem {
  line: number;
  message: string;
}

/**
 * The lines of a batch of new fill-ups that would make the odometer go backwards along date order,
 * against the vehicle's history and the rest of the batch, in one sort (O(n log n)). A new reading
 * is at fault when an earlier instant reads more, or when a stored later one reads less (a later
 * new one reading less is that line's fault instead). Readings at the same instant never conflict.
 */
export function findBatchOdometerProblems(
  history: readonly BatchReading[],
  batch: readonly (BatchReading & { line: number })[],
  unit: string,
): BatchOdometerProblem[] {
  const entries = [...history, ...batch].sort((a, b) => a.filledAt.getTime() - b.filledAt.getTime());
  const groups: BatchReading[][] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last && last[0].filledAt.getTime() === entry.filledAt.getTime()) last.push(entry);
    else groups.push([entry]);
  }
  const laterStoredMin: number[] = new Array<number>(groups.length);
  let storedMin = Infinity;
  for (let index = groups.length - 1; index >= 0; index -= 1) {
    laterStoredMin[index] = storedMin;
    for (const entry of groups[index]) if (entry.line === undefined) storedMin = Math.min(storedMin, entry.odometer);
  }
  const problems: BatchOdometerProblem[] = [];
  let earlierMax = -Infinity;
  groups.forEach((group, index) => {
    for (const entry of group) {
      if (entry.line === undefined) continue;
      if (earlierMax > entry.odometer) {
        problems.push({ line: entry.line, message: `goes backwards: an earlier reading is ${earlierMax} ${unit}` });
      } else if (laterStoredMin[index] < entry.odometer) {
        problems.push({
          line: entry.line,
          message: `is above a later fill-up of the vehicle, which reads ${laterStoredMin[index]} ${unit}`,
        });
      }
    }
    for (const entry of group) earlierMax = Math.max(earlierMax, entry.odometer);
  });
  return problems;
}
