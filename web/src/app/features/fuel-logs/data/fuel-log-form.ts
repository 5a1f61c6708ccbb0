import { AbstractControl, NonNullableFormBuilder, ValidationErrors, Validators } from '@angular/forms';
import { decimalValidator, parseDecimal } from '../../../core/forms/decimal';
import type { StationPickerValue } from '../../stations';
import { AmountField, AmountTexts, amountDecimals, amountFields } from './fill-amounts';
import { StationChange, stationFieldsOf, stationValueOf } from './fill-up-station';
import { FuelLog, FuelLogFields, QuantityUnit } from './fuel-log';
import { instantOf, wallTimeOf } from './zoned-time';

/** Decimals the API keeps of an odometer reading. */
const odometerDecimals = 1;

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
      /** A saved station picked (`{ id, name }`), or a name typed in. */
      station: fb.control<StationPickerValue>('', Validators.maxLength(120)),
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
    station: stationValueOf(log),
    notes: log.notes ?? '',
  };
}

/** The three amounts as the form holds them. */
export function amountTextsOf({ quantity, pricePerUnit, totalCost }: FuelLogFormValue): AmountTexts {
  return { quantity, pricePerUnit, totalCost };
}

/**
 * The request body without the vehicle: trimmed text (empty as null, which clears on PATCH), of the
 * amounts only `amounts` (the two the user typed; none when an edit left them alone), and the
 * station as `stationFieldsOf` says.
 */
export function fuelLogFieldsOf(
  value: FuelLogFormValue,
  amounts: readonly AmountField[],
  filledAt: Date | undefined,
  station: StationChange,
): FuelLogFields {
  const text = (raw: string) => raw.trim().replace(/\s+/g, ' ') || null;
  const fields: FuelLogFields = {
    odometer: parseDecimal(value.odometer, odometerDecimals),
    quantityUnit: value.quantityUnit,
    fuelType: value.fuelType,
    isFull: value.isFull,
    missedPrevious: value.missedPrevious,
    fuelGrade: text(value.fuelGrade),
    ...stationFieldsOf(value.station, station),
    notes: value.notes.trim() || null,
  };
  if (filledAt) fields.filledAt = filledAt.toISOString();
  for (const field of amounts) fields[field] = parseDecimal(value[field], amountDecimals[field]);
  return fields;
}
