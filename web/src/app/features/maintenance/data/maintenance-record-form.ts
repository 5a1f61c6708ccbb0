import type { AbstractControl, NonNullableFormBuilder, ValidationErrors, ValidatorFn } from '@angular/forms';
import { decimalValidator, parseDecimal } from '../../../core/forms/decimal';
import { isCalendarDate } from '../../../core/calendar-day';
import { categoryKeyOf, categoryLabel } from './maintenance-categories';
import { MaintenanceRecord, MaintenanceRecordFields } from './maintenance-record';
import { costDecimals, minorText } from './record-costs';

/** Decimals the API keeps of an odometer reading. */
const odometerDecimals = 1;
export const maxTags = 20;
export const maxTagLength = 40;

/** Text that must hold something besides spaces (`{ required }`) and at most `max` characters (`{ maxlength }`). */
function textValidator(max: number, required: boolean): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null => {
    const text = control.value.trim();
    if (required && !text) return { required: true };
    return text.length > max ? { maxlength: { requiredLength: max } } : null;
  };
}

function calendarDateValidator(control: AbstractControl<string>): ValidationErrors | null {
  if (!control.value) return { required: true };
  return isCalendarDate(control.value) ? null : { date: true };
}

/** A part as a row of the form: its amounts as typed text. */
export interface PartRowValue {
  name: string;
  partNumber: string;
  quantity: string;
  unitCost: string;
}

/** A new row holds one of something; an edit's rows hold the stored part. */
export function createPartRow(fb: NonNullableFormBuilder, part: Partial<PartRowValue> = {}) {
  return fb.group({
    name: [part.name ?? '', textValidator(120, true)],
    partNumber: [part.partNumber ?? '', textValidator(60, false)],
    quantity: [part.quantity ?? '1', [textValidator(20, true), decimalValidator(costDecimals.quantity, 999_999, true)]],
    unitCost: [part.unitCost ?? '', [textValidator(20, true), decimalValidator(costDecimals.unitCost, 9_999_999)]],
  });
}

export type PartRow = ReturnType<typeof createPartRow>;

/**
 * The service record form: numbers as typed text, the category as typed (a built-in's name or the
 * user's own), the date as the date input's 'YYYY-MM-DD', parts as rows.
 */
export function createMaintenanceRecordForm(fb: NonNullableFormBuilder) {
  return fb.group({
    vehicleId: ['', textValidator(100, true)],
    performedAt: ['', calendarDateValidator],
    odometer: ['', [textValidator(20, true), decimalValidator(odometerDecimals, 99_999_999)]],
    category: ['', textValidator(40, true)],
    title: ['', textValidator(200, true)],
    shop: ['', textValidator(120, false)],
    notes: ['', textValidator(4000, false)],
    tags: fb.control<string[]>([]),
    parts: fb.array<PartRow>([]),
    labourCost: ['', decimalValidator(costDecimals.money, 9_999_999)],
    totalCost: ['', decimalValidator(costDecimals.money, 9_999_999)],
  });
}

export type MaintenanceRecordForm = ReturnType<typeof createMaintenanceRecordForm>;
export type MaintenanceRecordFormValue = ReturnType<MaintenanceRecordForm['getRawValue']>;

/** A stored record in the form (its parts go into rows of their own: `createPartRow`). */
export function recordFormValueOf(record: MaintenanceRecord): MaintenanceRecordFormValue {
  return {
    vehicleId: record.vehicleId,
    performedAt: record.performedAt,
    odometer: String(record.odometer),
    category: categoryLabel(record.category),
    title: record.title,
    shop: record.shop ?? '',
    notes: record.notes ?? '',
    tags: [...record.tags],
    parts: record.parts.map((part) => ({
      name: part.name,
      partNumber: part.partNumber ?? '',
      quantity: String(part.quantity),
      unitCost: String(part.unitCost),
    })),
    labourCost: record.labourCost === null ? '' : minorText(Math.round(record.labourCost * 100)),
    totalCost: record.totalCost === null ? '' : minorText(Math.round(record.totalCost * 100)),
  };
}

/**
 * The request body without the vehicle: trimmed text (empty as null, which clears on PATCH), every
 * part (a PATCH replaces them all), and the total only when the user typed it: a total worked out
 * from parts and labour is left to the API, which sums them the same way.
 */
export function recordFieldsOf(value: MaintenanceRecordFormValue, totalWorkedOut: boolean): MaintenanceRecordFields {
  const line = (raw: string) => raw.trim().replace(/\s+/g, ' ');
  const fields: MaintenanceRecordFields = {
    performedAt: value.performedAt,
    odometer: parseDecimal(value.odometer, odometerDecimals),
    category: categoryKeyOf(value.category),
    title: line(value.title),
    shop: line(value.shop) || null,
    notes: value.notes.trim() || null,
    tags: value.tags,
    parts: value.parts.map((part) => ({
      name: line(part.name),
      partNumber: line(part.partNumber) || null,
      quantity: parseDecimal(part.quantity, costDecimals.quantity)!,
      unitCost: parseDecimal(part.unitCost, costDecimals.unitCost)!,
    })),
    labourCost: parseDecimal(value.labourCost, costDecimals.money) ?? null,
  };
  if (!totalWorkedOut) fields.totalCost = parseDecimal(value.totalCost, costDecimals.money) ?? null;
  return fields;
}

/** Tags as typed, one at a time: trimmed, without one already there (in any case); the list as it was when none is added. */
export function withTag(tags: readonly string[], typed: string): string[] {
  const tag = typed.trim().replace(/\s+/g, ' ');
  if (!tag || tags.some((each) => each.toLowerCase() === tag.toLowerCase())) return [...tags];
  return [...tags, tag];
}
