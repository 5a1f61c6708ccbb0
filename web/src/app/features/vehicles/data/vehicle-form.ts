import { AbstractControl, NonNullableFormBuilder, ValidationErrors, Validators } from '@angular/forms';
import {
  CatalogIds,
  FuelType,
  OdometerUnit,
  TankCapacityUnit,
  Vehicle,
  VehicleInput,
  VehicleStatus,
  VehicleType,
} from './vehicle';

/** The oldest model year the API takes (the first car), and the newest: two years ahead. */
export const firstModelYear = 1886;
export const lastModelYear = () => new Date().getFullYear() + 2;

function modelYearValidator(control: AbstractControl<string>): ValidationErrors | null {
  const text = control.value.trim();
  if (!text) return null;
  const year = Number(text);
  return /^\d{4}$/.test(text) && year >= firstModelYear && year <= lastModelYear() ? null : { modelYear: true };
}

function vinShapeValidator(control: AbstractControl<string>): ValidationErrors | null {
  const vin = normaliseVin(control.value);
  return !vin || vin.length === 17 ? null : { vinLength: vin.length };
}

/** The add/edit form: identity as text (the catalog ids follow from the text, see CatalogCascade), then the rest. */
export function createVehicleForm(fb: NonNullableFormBuilder) {
  return fb.group({
    vin: ['', vinShapeValidator],
    year: ['', modelYearValidator],
    make: ['', Validators.maxLength(80)],
    model: ['', Validators.maxLength(120)],
    trim: ['', Validators.maxLength(120)],
    engine: ['', Validators.maxLength(160)],
    vehicleType: fb.control<VehicleType | null>(null),
    nickname: ['', Validators.maxLength(60)],
    color: ['', Validators.maxLength(40)],
    licensePlate: ['', Validators.maxLength(20)],
    licenseRegion: ['', Validators.maxLength(60)],
    purchaseDate: [''],
    purchasePrice: fb.control<number | null>(null, Validators.min(0)),
    odometerUnit: fb.control<OdometerUnit>('mi'),
    initialOdometer: fb.control<number | null>(0, Validators.min(0)),
    fuelTypes: fb.control<FuelType[]>([]),
    tankCapacity: fb.control<number | null>(null, Validators.min(0.1)),
    tankCapacityUnit: fb.control<TankCapacityUnit | null>(null),
    status: fb.control<VehicleStatus>('active'),
    notes: ['', Validators.maxLength(4000)],
  });
}

export type VehicleForm = ReturnType<typeof createVehicleForm>;
export type VehicleFormValue = ReturnType<VehicleForm['getRawValue']>;
export type VehicleFormField = keyof VehicleFormValue;

/** The fields that say which vehicle it is; the catalog ids go with them. */
export const identityFields = ['year', 'make', 'model', 'trim', 'engine'] as const;
export type IdentityField = (typeof identityFields)[number];
export type IdentityText = Pick<VehicleFormValue, IdentityField>;

export function formValueOf(vehicle: Vehicle): VehicleFormValue {
  return {
    vin: vehicle.vin ?? '',
    year: vehicle.year?.toString() ?? '',
    make: vehicle.make,
    model: vehicle.model,
    trim: vehicle.trim ?? '',
    engine: vehicle.engine ?? '',
    vehicleType: vehicle.vehicleType,
    nickname: vehicle.nickname ?? '',
    color: vehicle.color ?? '',
    licensePlate: vehicle.licensePlate ?? '',
    licenseRegion: vehicle.licenseRegion ?? '',
    purchaseDate: vehicle.purchaseDate ?? '',
    purchasePrice: vehicle.purchasePrice,
    odometerUnit: vehicle.odometerUnit,
    initialOdometer: vehicle.initialOdometer,
    fuelTypes: [...vehicle.fuelTypes],
    tankCapacity: vehicle.tankCapacity,
    tankCapacityUnit: vehicle.tankCapacityUnit,
    status: vehicle.status,
    notes: vehicle.notes ?? '',
  };
}

/**
 * The request body: text trimmed, empty text as null (which clears on PATCH), the catalog ids
 * of what was picked from the catalog (null for free text). Without `identity` (an edit that did
 * not touch year, make, model, trim or engine) those fields and the ids stay out of the body.
 */
export function vehicleInputOf(value: VehicleFormValue, ids: CatalogIds, identity = true): VehicleInput {
  const text = (raw: string) => raw.trim().replace(/\s+/g, ' ') || null;
  const tankCapacity = value.tankCapacity ?? null;
  const input: VehicleInput = {
    vin: normaliseVin(value.vin) || null,
    vehicleType: value.vehicleType,
    nickname: text(value.nickname),
    color: text(value.color),
    licensePlate: text(value.licensePlate),
    licenseRegion: text(value.licenseRegion),
    purchaseDate: value.purchaseDate || null,
    purchasePrice: value.purchasePrice ?? null,
    odometerUnit: value.odometerUnit,
    initialOdometer: value.initialOdometer ?? 0,
    fuelTypes: value.fuelTypes,
    tankCapacity,
    tankCapacityUnit: tankCapacity === null ? null : value.tankCapacityUnit,
    status: value.status,
    notes: value.notes.trim() || null,
  };
  if (!identity) return input;
  return {
    ...input,
    year: value.year.trim() ? Number(value.year.trim()) : null,
    make: text(value.make),
    model: text(value.model),
    trim: text(value.trim),
    engine: text(value.engine),
    ...ids,
  };
}

/** The form field that shows an API field error: the catalog ids belong to their names. */
export function formFieldOf(apiField: string): VehicleFormField | undefined {
  const field = apiField.replace(/Id$/, '');
  return field in emptyValue ? (field as VehicleFormField) : undefined;
}

const emptyValue: Record<VehicleFormField, true> = {
  vin: true,
  year: true,
  make: true,
  model: true,
  trim: true,
  engine: true,
  vehicleType: true,
  nickname: true,
  color: true,
  licensePlate: true,
  licenseRegion: true,
  purchaseDate: true,
  purchasePrice: true,
  odometerUnit: true,
  initialOdometer: true,
  fuelTypes: true,
  tankCapacity: true,
  tankCapacityUnit: true,
  status: true,
  notes: true,
};

/** What an API field error message reads after: "is already on one of your vehicles" → "The VIN is already…". */
const fieldNames: Partial<Record<VehicleFormField, string>> = {
  vin: 'The VIN',
  year: 'The year',
  make: 'The make',
  model: 'The model',
  trim: 'The trim',
  engine: 'The engine',
  vehicleType: 'The type',
  purchaseDate: 'The date',
  purchasePrice: 'The price',
  initialOdometer: 'The odometer',
  tankCapacity: 'The capacity',
};

/**
 * An API field error as a sentence under its field. The API words them to follow the field's name
 * ("must be a whole year"); a message that is already a sentence ("A VIN has 17 characters…") stays.
 */
export function fieldErrorText(field: VehicleFormField, message: string): string {
  const text = message.trim().replace(/[.!?]$/, '');
  if (!text) return 'Not accepted.';
  if (/^[A-Z]/.test(text)) return `${text}.`;
  return `${fieldNames[field] ?? 'This'} ${text}.`;
}

/** As the API stores it: no spaces or dashes, upper case. */
export function normaliseVin(text: string): string {
  return text.replace(/[\s-]+/g, '').toUpperCase();
}
