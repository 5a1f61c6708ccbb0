import { csvBytesOf } from './zipped-csv';
import { FuelioBackup } from './fuelio-backup';
import type { ImportLine, ReadOptions } from './imported-records';
import { csvRows } from './csv-rows';
import { HeaderColumns, sectionNameOf } from './sectioned-csv';

/** The sections a Fuelio backup has (`pignatta/Fuelio` adds Pictures); the first is always Vehicle. */
const fuelioSections = ['vehicle', 'log', 'costcategories', 'costs', 'favstations', 'category', 'pictures'];

const notFuelio: ImportLine = {
  line: 1,
  problems: [{ field: 'file', message: 'is not a Fuelio backup: it does not start with a “## Vehicle” section' }],
};

/**
 * Reads a Fuelio backup (`vehicle-<N>-sync.csv`, or the `.csv.zip` the app saves): its vehicle,
 * fill-ups (Log), costs as service records and favourite stations, in the units its Vehicle section
 * states. Sections it has no use for (Category, Pictures) are passed over.
 */
export async function* readFuelio(input: NodeJS.ReadableStream, options: ReadOptions): AsyncGenerator<ImportLine> {
  const backup = new FuelioBackup(options);
  let current: { section: string; header?: HeaderColumns; readable: boolean } | undefined;
  for await (const row of csvRows(await csvBytesOf(input))) {
    if ('problems' in row) {
      yield row;
      return;
    }
    const name = sectionNameOf(row.cells)?.toLowerCase();
    if (name !== undefined) {
      if (!current && !fuelioSections.includes(name)) break;
      current = { section: name, readable: true };
    } else if (!current) {
      break;
    } else if (!current.header) {
      current.header = new HeaderColumns(row.cells);
      const problem = backup.headerProblem(current.section, current.header, row.line);
      current.readable = !problem;
      if (problem) yield problem;
    } else if (current.readable) {
      const line = backup.lineOf(current.section, current.header, row);
      if (line) yield line;
    }
  }
  if (!current) yield notFuelio;
}
