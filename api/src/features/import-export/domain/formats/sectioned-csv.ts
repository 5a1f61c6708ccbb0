/* The sections of Fuelio's and Drivvo's files: marker rows and each section's header (rows come from `csvRows`). */

/**
 * The name a section marker row gives (`"## Vehicle"`, `## Log,,,,`, `"##Log"`, `#Servicio`), without
 * its `#`s and spaces; `undefined` for any other row.
 */
export function sectionNameOf(cells: string[]): string | undefined {
  const [first, ...rest] = cells;
  if (!first.trim().startsWith('#') || rest.some((cell) => cell.trim() !== '')) return undefined;
  return first.replace(/[#"\s]/g, '');
}

const keyOf = (name: string) => name.replace(/\s/g, '').toLowerCase();

/**
 * The columns a section's header row names, matched without spaces and case (`Odo (km)`, `Odo(km)`
 * and `odo(km)` are one), so a row's cells can be read by name.
 */
export class HeaderColumns {
  private readonly keys: string[];

  constructor(header: string[]) {
    this.keys = header.map(keyOf);
  }

  has(name: string): boolean {
    return this.keys.includes(keyOf(name));
  }

  /** The cell of the column called `name`. */
  cell(cells: string[], name: string): string | undefined {
    const index = this.keys.indexOf(keyOf(name));
    return index < 0 ? undefined : cells[index];
  }

  /** The cell of the first column whose name starts with `prefix`, for labels that carry a unit (`Odo (mi)`). */
  labelled(cells: string[], prefix: string): string | undefined {
    const index = this.keys.findIndex((key) => key.startsWith(keyOf(prefix)));
    return index < 0 ? undefined : cells[index];
  }

  hasLabelled(prefix: string): boolean {
    return this.keys.some((key) => key.startsWith(keyOf(prefix)));
  }
}
