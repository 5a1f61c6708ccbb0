import { DrivvoRows } from './drivvo-rows';
import { type DrivvoSection, DrivvoSections } from './drivvo-sections';
import type { ImportLine, ReadOptions } from './imported-records';
import { csvRows } from './csv-rows';
import { sectionNameOf } from './sectioned-csv';

const notDrivvo: ImportLine = {
  line: 1,
  problems: [{ field: 'file', message: 'is not a Drivvo export: it has no refuelling, service or expense section' }],
};

/**
 * Reads a Drivvo CSV export: refuellings as fill-ups (one per fuel bought), services and expenses as
 * service records. Headers are in the app's language, so sections are found by name or order and
 * columns by position. Units come from the header labels (`Odometer (km)`, `Price / L`), else the
 * options; day-first dates unless the options say month-first.
 */
export async function* readDrivvo(input: NodeJS.ReadableStream, options: ReadOptions): AsyncGenerator<ImportLine> {
  const sections = new DrivvoSections();
  const rows = new DrivvoRows(options);
  let current: { name: string; headerRead: boolean; section?: DrivvoSection } | undefined;
  let imported = false;
  for await (const row of csvRows(input)) {
    if ('problems' in row) {
      yield row;
      return;
    }
    const name = sectionNameOf(row.cells);
    if (name !== undefined) {
      current = { name, headerRead: false };
    } else if (!current) {
      break;
    } else if (!current.headerRead) {
      current.headerRead = true;
      current.section = sections.sectionOf(current.name, row.cells);
      imported ||= current.section !== undefined;
      const problem = current.section === 'refuelling' ? rows.refuellingHeader(row.cells, row.line) : undefined;
      if (problem) {
        current.section = undefined;
        yield problem;
      }
    } else if (current.section) {
      yield* rows.linesOf(current.section, row);
    }
  }
  if (!imported) yield notDrivvo;
}
