import { AbstractControl, NonNullableFormBuilder, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { Problem } from '../../../core/problem';
import { AmountField, amountDecimals, amountFields, decimalsOf, parseDecimal } from './fill-amounts';
import { FuelLog, FuelLogFields, QuantityUnit } from './fuel-log';
import { formatFilledAt, formatNumber } from './fuel-format';
import { instantOf, wallTimeOf } from './zoned-time';

/** Decimals the API keeps of an odometer reading. */
const odometerDecimals = 1;

/** A typed number within the API's limits: `{ number }`, `{ decimals: n }`, `{ min }` or `{ max }`. */
function decimalValidator(decimals: number, max: number, positive = false): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const value = parseDecimal(control.value, decimals);
    if (value === undefined) return null;
    if (Number.isNaN(value)) return { number: true };
    if (decimalsOf(value) > decimals) return { decimals };
    if (positive ? value <= 0 : value < 0) return { min: true };
    if (value > max) return { max };
    return null;
  };
}

function wallTimeValidator(control: AbstractControl<string>): ValidationErrors | null {
  return !control.value || instantOf(control.value, undefined) ? null : { wallTime: true };
}

/** The group's own error: fewer than two of the three amounts. */
function twoAmountsValidator(group: AbstractControl): ValidationErrors | null {
  const given = amountFields.filter((field) => (group.get(field)?.value ?? '').trim() !== '');
  return given.length >= 2 ? null : { amounts: true };
}

/** The fill-up form: numbers as typed text (a worked-out amount shows as "3.500"), the rest behind "More details". */
export function createFuelLogForm(fb: NonNullableFormBuilder) {
  return fb.group(
    {
      vehicleId: ['', Validators.required],
      /** `YYYY-MM-DDTHH:mm` in the user's time zone. */
      filledAt: ['', [Validators.required, wallTimeValidator]],
      odometer: ['', [Validators.required, decimalValidator(odometerDecimals, 99_999_999)]],
      quantity: ['', decimalValidator(amountDecimals.quantity, 99_999, true)],
      pricePerUnit: ['', decimalValidator(amountDecimals.pricePerUnit, 99_999)],
      totalCost: ['', decimalValidator(amountDecimals.totalCost, 9_999_999)],
      quantityUnit: fb.control<QuantityUnit>('gal_us'),
      fuelType: fb.control<string | null>(null),
      isFull: [true],
      missedPrevious: [false],
      fuelGrade: ['', Validators.maxLength(40)],
      stationName: ['', Validators.maxLength(120)],
      notes: ['', Validators.maxLength(4000)],
    },
    { validators: twoAmountsValidator },
  );
}

export type FuelLogForm = ReturnType<typeof createFuelLogForm>;
export type FuelLogFormValue = ReturnType<FuelLogForm['getRawValue']>;
export type FuelLogFormField = keyof FuelLogFormValue;

/** A stored fill-up in the form, its time as the zone's clocks showed it. */
export function formValueOf(log: FuelLog, timeZone: string | undefined): FuelLogFormValue {
  return {
    vehicleId: log.vehicleId,
    filledAt: wallTimeOf(new Date(log.filledAt), timeZone),
    odometer: String(log.odometer),
    quantity: String(log.quantity),
    pricePerUnit: String(log.pricePerUnit),
    totalCost: log.totalCost.toFixed(2),
    quantityUnit: log.quantityUnit,
    fuelType: log.fuelType,
    isFull: log.isFull,
    missedPrevious: log.missedPrevious,
    fuelGrade: log.fuelGrade ?? '',
    stationName: log.stationName ?? '',
    notes: log.notes ?? '',
  };
}

/**
 * The request body without the vehicle: trimmed text (empty as null, which clears on PATCH), and of
 * the amounts only `amounts` (the two the user typed; none when an edit left them alone).
 */
export function fuelLogFieldsOf(
  value: FuelLogFormValue,
  amounts: readonly AmountField[],
  filledAt: Date | undefined,
): FuelLogFields {
  const text = (raw: string) => raw.trim().replace(/\s+/g, ' ') || null;
  const fields: FuelLogFields = {
    odometer: parseDecimal(value.odometer, odometerDecimals),
    quantityUnit: value.quantityUnit,
    fuelType: value.fuelType,
    isFull: value.isFull,
    missedPrevious: value.missedPrevious,
    fuelGrade: text(value.fuelGrade),
    stationName: text(value.stationName),
    notes: value.notes.trim() || null,
  };
  if (filledAt) fields.filledAt = filledAt.toISOString();
  for (const field of amounts) fields[field] = parseDecimal(value[field], amountDecimals[field]);
  return fields;
}

/** The form field that shows an API field error. */
export function formFieldOf(apiField: string): FuelLogFormField | undefined {
  return apiField in fieldNames ? (apiField as FuelLogFormField) : undefined;
}

/** What an API field error reads after: "must be a number…" → "The quantity must be a number…". */
const fieldNames: Record<FuelLogFormField, string> = {
  vehicleId: 'The vehicle',
  filledAt: 'The date',
  odometer: 'The odometer reading',
  quantity: 'The quantity',
  pricePerUnit: 'The price',
  totalCost: 'The total',
  quantityUnit: 'The unit',
  fuelType: 'The fuel',
  isFull: 'This',
  missedPrevious: 'This',
  fuelGrade: 'The grade',
  stationName: 'The station',
  notes: 'The notes',
};

/** The API's field names in its messages, as the form labels them. */
const apiWords: [RegExp, string][] = [
  [/\bpricePerUnit\b/g, 'price'],
  [/\btotalCost\b/g, 'total'],
];

/** An API field error as a sentence under its field. */
export function fieldErrorText(field: FuelLogFormField, message: string): string {
  let text = message.trim().replace(/[.!?]$/, '');
  for (const [pattern, word] of apiWords) text = text.replace(pattern, word);
  if (!text) return 'Not accepted.';
  if (/^give any two/i.test(text)) return 'Give any two of quantity, price and total.';
  if (/^[A-Z]/.test(text)) return `${text}.`;
  return `${fieldNames[field]} ${text}.`;
}

/**
 * The odometer-order 400 as a sentence under the odometer field, its neighbours' dates in the
 * user's locale and time zone: "The odometer cannot go backwards: an earlier fill-up (Nov 20, 2026,
 * 5:45 PM) reads 5,400 mi." Undefined for any other problem.
 */
export function odometerOrderText(
  problem: Problem | undefined,
  unit: string,
  locale: string | undefined,
  timeZone: string | undefined,
): string | undefined {
  const { previous, next } = problem ?? {};
  if (!previous && !next) return undefined;
  const reads = (reading: { filledAt: string; odometer: number }) =>
    `(${formatFilledAt(reading.filledAt, locale, timeZone)}) reads ${formatNumber(reading.odometer, locale, 0, 1)} ${unit}`;
  const parts = [
    previous && `an earlier fill-up ${reads(previous)}`,
    next && `${previous ? 'a later one' : 'a later fill-up'} ${reads(next)}`,
  ].filter(Boolean);
  return `The odometer cannot go backwards: ${parts.join(' and ')}.`;
}
