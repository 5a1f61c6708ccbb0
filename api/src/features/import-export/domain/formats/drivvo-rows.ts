import { type DateOrder, flagOf, textOf } from './cell-values';
import type { DrivvoSection } from './drivvo-sections';
import { columnCountOf } from './drivvo-sections';
import type { DistanceUnit, ImportedFillUp, ImportLine, QuantityUnit, ReadOptions } from './imported-records';
import { LineChecks } from './line-checks';
import type { CsvDataRow } from './csv-rows';
import { serviceCategoryOf } from './service-categories';

/**
 * Where a refuelling row keeps what is not a fuel: the older layout (20 columns, Hammond's indexes)
 * and the newer one (28 or 30 columns, consumption, charging and driver columns before the station).
 */
const layouts = {
  older: { station: 17, reason: 18, notes: 19 },
  newer: { station: 23, reason: 25, notes: 27 },
};
/** A row's fuels: the first, and a second and third for bi-fuel and flex vehicles (name, price, total, volume, full). */
const fuelStarts = [
  { start: 2, part: undefined },
  { start: 7, part: 'second fuel' },
  { start: 12, part: 'third fuel' },
];

/**
 * Drivvo's fuel names as our fuel types (Spanish "Gasóleo" is diesel, so diesel is asked first). Other
 * names, ethanol among them (Brazil's is no E85), keep only their name as the grade.
 */
const fuelTypesByName: [RegExp, string][] = [
  [/electr|elettr|eletr|elektr/, 'electric'],
  [/diesel|dizel|gasoleo|gasoil/, 'diesel'],
  [/\b(gnv|cng|metano)\b|gas natural/, 'cng'],
  [/\b(glp|lpg|gpl)\b|autogas/, 'lpg'],
  [/e85/, 'e85'],
  [/gasolin|petrol|benzin|benzyn|nafta|unleaded/, 'gasoline'],
];

/** Drivvo's rows as records; units come from the refuelling header's labels, else the options. */
export class DrivvoRows {
  private layout = layouts.older;
  private distanceUnit: DistanceUnit;
  private volumeUnit: QuantityUnit;
  private readonly dateOrder: DateOrder;
  /** Fuel names repeat on every row; their type is worked out once. */
  private readonly fuelTypes = new Map<string, string | undefined>();

  constructor(private readonly options: ReadOptions) {
    this.distanceUnit = options.distanceUnit;
    this.volumeUnit = options.volumeUnit;
    this.dateOrder = options.dateOrder === 'mdy' ? 'mdy' : 'dmy';
  }

  /** Reads the layout and units off the refuelling header; a problem when it is no layout Drivvo writes. */
  refuellingHeader(header: string[], line: number): ImportLine | undefined {
    const columns = columnCountOf(header);
    if (columns < 20) {
      const message = `has ${columns} columns; Drivvo writes 20, 28 or 30`;
      return { line, problems: [{ field: 'file', message: `the refuelling header ${message}` }] };
    }
    this.layout = columns >= 28 ? layouts.newer : layouts.older;
    const odometerLabel = header[0];
    if (/\bkm\b/i.test(odometerLabel)) this.distanceUnit = 'km';
    else if (/\bmi(les?)?\b/i.test(odometerLabel)) this.distanceUnit = 'mi';
    const volumeLabels = `${header[3]} ${header[5]}`;
    if (/\bkwh\b/i.test(volumeLabels)) this.volumeUnit = 'kwh';
    else if (/\bgal/i.test(volumeLabels)) this.volumeUnit = this.options.volumeUnit === 'gal_uk' ? 'gal_uk' : 'gal_us';
    else if (/\b(l|lit(er|re|ro)s?)\b/i.test(volumeLabels)) this.volumeUnit = 'l';
    return undefined;
  }

  linesOf(section: DrivvoSection, row: CsvDataRow): ImportLine[] {
    return section === 'refuelling' ? this.fillUpsOf(row) : [this.serviceOf(section, row)];
  }

  /** One fill-up per fuel bought; missed fill-ups are not in Drivvo's export, so none is marked. */
  private fillUpsOf({ line, cells }: CsvDataRow): ImportLine[] {
    const checks = new LineChecks(line);
    const filledAt = checks.instant('filledAt', cells[1], this.dateOrder, this.options.timeZone);
    const odometer = checks.requiredAmount('odometer', cells[0]);
    const reason = textOf(cells[this.layout.reason]);
    const shared = {
      kind: 'fill-up' as const,
      filledAt,
      odometer,
      odometerUnit: this.distanceUnit,
      currency: this.options.currency,
      missedPrevious: false,
      stationName: textOf(cells[this.layout.station]),
      notes: textOf(cells[this.layout.notes]),
      tags: reason ? [reason] : undefined,
    };
    const bought = fuelStarts.filter(
      ({ start, part }) => !part || [start + 2, start + 3].some((at) => isSet(cells[at])),
    );
    const fillUps = bought.map(({ start, part }): ImportedFillUp => {
      const fuel = part ? checks.within(part) : checks;
      const quantity = fuel.amount('quantity', cells[start + 3], { positive: true });
      const pricePerUnit = fuel.amount('pricePerUnit', cells[start + 1]);
      const totalCost = fuel.amount('totalCost', cells[start + 2]);
      fuel.twoOfThreeAmounts({ quantity, pricePerUnit, totalCost });
      const fuelName = textOf(cells[start]);
      const fuelType = this.fuelTypeOf(fuelName);
      return {
        ...shared,
        quantity,
        quantityUnit: fuelType === 'electric' ? 'kwh' : this.volumeUnit,
        pricePerUnit,
        totalCost,
        isFull: flagOf(cells[start + 4]),
        fuelType,
        fuelGrade: fuelName,
      };
    });
    return checks.linesOf(fillUps);
  }

  private fuelTypeOf(name: string | undefined): string | undefined {
    if (name === undefined) return undefined;
    if (!this.fuelTypes.has(name)) {
      const key = name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      this.fuelTypes.set(name, fuelTypesByName.find(([pattern]) => pattern.test(key))?.[1]);
    }
    return this.fuelTypes.get(name);
  }

  /** Service: odometer, date, cost, service, location, notes. Expense: odometer, date, cost, expense, …, notes at 6. */
  private serviceOf(section: DrivvoSection, { line, cells }: CsvDataRow): ImportLine {
    const checks = new LineChecks(line);
    const performedAt = checks.day('performedAt', cells[1], this.dateOrder);
    const odometer = checks.amount('odometer', cells[0]);
    const title = textOf(cells[3]);
    if (!title) checks.add('title', 'is missing');
    return checks.lineOf({
      kind: 'service',
      performedAt,
      // An expense without a reading (insurance, tax) has 0.
      odometer: odometer === 0 ? undefined : odometer,
      odometerUnit: this.distanceUnit,
      title: title ?? '',
      category: serviceCategoryOf(title),
      totalCost: checks.amount('totalCost', cells[2]),
      currency: this.options.currency,
      shop: section === 'service' ? textOf(cells[4]) : undefined,
      notes: textOf(cells[section === 'service' ? 5 : 6]),
    });
  }
}

/** A second or third fuel is bought when its total or volume is more than nothing. */
function isSet(cell: string | undefined): boolean {
  const text = textOf(cell);
  return text !== undefined && !/^0+([.,]0*)?$/.test(text);
}
