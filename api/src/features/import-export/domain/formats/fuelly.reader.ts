import { csvHeaderOf, headerAndRows, missingColumns } from './csv-rows';
import { fuellyAppLayoutOf, fuellyAppRecordOf, fuellyAppVehicleOf, isFuellyAppHeader } from './fuelly-app-layout';
import { fuellyWebFillUpOf, fuellyWebLayoutOf, fuellyWebVehicleOf, isFuellyWebHeader } from './fuelly-web-layout';
import type { ImportLine, ReadOptions } from './imported-records';
import { importLineOf } from './line-problems';
import { VehicleList } from './vehicle-list';

/**
 * Fuelly's two CSV layouts, told apart by the header: the fuelly.com web export (named columns,
 * `fuelup_date`, `car_name`; see `fuelly-web-layout.ts`) and the Fuelly app's export (`Type` first,
 * by position; see `fuelly-app-layout.ts`). Both hold several vehicles: each row names its vehicle,
 * and the first row naming one is preceded by an `ImportedVehicle` (same line) so the commit step can
 * match or create it.
 */
export async function* readFuelly(input: NodeJS.ReadableStream, options: ReadOptions): AsyncGenerator<ImportLine> {
  const file = await headerAndRows(input);
  if ('problems' in file) return yield file;
  const { rows } = file;
  const header = csvHeaderOf(file.header.cells);
  const vehicles = new VehicleList();

  if (isFuellyAppHeader(header)) {
    const layout = fuellyAppLayoutOf(header, file.header.line, options);
    if ('problems' in layout) return yield layout;
    for await (const row of rows) {
      if ('problems' in row) {
        yield row;
        continue;
      }
      yield* vehicles.firstMention(row.line, fuellyAppVehicleOf(row.cells), layout.odometerUnit);
      yield importLineOf(row.line, fuellyAppRecordOf(row.cells, layout, options));
    }
    return;
  }

  if (!isFuellyWebHeader(header)) {
    return yield missingColumns(file.header.line, ['fuelup_date', 'odometer', 'gallons or litres (or the app’s Type)']);
  }
  const layout = fuellyWebLayoutOf(header, file.header.line, options);
  if ('problems' in layout) return yield layout;
  for await (const row of rows) {
    if ('problems' in row) {
      yield row;
      continue;
    }
    yield* vehicles.firstMention(row.line, fuellyWebVehicleOf(row.cells, layout), layout.odometerUnit);
    yield importLineOf(row.line, fuellyWebFillUpOf(row.cells, layout, options));
  }
}
