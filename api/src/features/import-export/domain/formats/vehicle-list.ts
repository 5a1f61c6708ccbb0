import type { DistanceUnit, ImportedVehicle, ImportLine } from './imported-records';
import { optional } from './line-problems';

/** The vehicles a file's rows name, each listed once, at the first row that names it. */
export class VehicleList {
  private readonly named = new Set<string>();

  *firstMention(
    line: number,
    vehicle: { name?: string; model?: string },
    odometerUnit: DistanceUnit,
  ): Generator<ImportLine> {
    if (vehicle.name === undefined || this.named.has(vehicle.name)) return;
    this.named.add(vehicle.name);
    const record: ImportedVehicle = {
      kind: 'vehicle',
      name: vehicle.name,
      ...optional('model', vehicle.model),
      odometerUnit,
    };
    yield { line, record };
  }
}
