import { isTimeZone } from 'class-validator';
import { z } from 'zod';
import { economyUnits, volumeUnits } from '../../../../core/identity/users/user.entity';
import { documentKinds } from '../../../documents';
import type { StagedFile } from '../../../documents';
import { quantityUnits } from '../../../fuel-logs';
import { stationOrigins } from '../../../stations';
import { fuelTypes, odometerUnits, tankCapacityUnits, vehicleStatuses, vehicleTypes } from '../../../vehicles';

/**
 * The records of `motovaultpro.json` (version 1, as `domain/export/` writes it), checked as they
 * are read: the fields a restore needs, with the types and value lists of the capsules that own
 * them. Fields the restore does not use (timestamps other than a vehicle's creation, the derived
 * current odometer, the readings) are not checked.
 */

const id = z.uuid();
const text = z.string().max(10_000);
const optionalText = text.nullable().default(null);
const day = z.iso.date();
const instant = z.iso.datetime({ offset: true });
const amount = z.number().finite().nonnegative();
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code');
const tags = z.array(z.string().max(100)).max(100).default([]);

const vehicle = z.object({
  id,
  vin: optionalText,
  year: z.number().int().min(1886).max(2100).nullable().default(null),
  make: z.string().min(1).max(200),
  model: z.string().min(1).max(200),
  trim: optionalText,
  engine: optionalText,
  catalogMakeId: z.number().int().nullable().default(null),
  catalogModelId: z.number().int().nullable().default(null),
  catalogTrimId: z.number().int().nullable().default(null),
  catalogEngineId: z.number().int().nullable().default(null),
  vehicleType: z.enum(vehicleTypes).nullable().default(null),
  nickname: optionalText,
  color: optionalText,
  licensePlate: optionalText,
  licenseRegion: optionalText,
  purchaseDate: day.nullable().default(null),
  purchasePrice: amount.nullable().default(null),
  odometerUnit: z.enum(odometerUnits),
  initialOdometer: amount,
  fuelTypes: z.array(z.enum(fuelTypes)).default([]),
  tankCapacity: amount.nullable().default(null),
  tankCapacityUnit: z.enum(tankCapacityUnits).nullable().default(null),
  status: z.enum(vehicleStatuses).default('active'),
  notes: optionalText,
  createdAt: instant,
});

const fillUp = z.object({
  id,
  vehicleId: id,
  filledAt: instant,
  odometer: amount,
  quantity: amount,
  quantityUnit: z.enum(quantityUnits),
  pricePerUnit: amount,
  totalCost: amount,
  currency,
  fuelType: optionalText,
  fuelGrade: optionalText,
  isFull: z.boolean(),
  missedPrevious: z.boolean(),
  stationId: id.nullable().default(null),
  stationName: optionalText,
  notes: optionalText,
  tags,
});

const part = z.object({
  name: z.string().min(1).max(500),
  partNumber: optionalText,
  quantity: amount,
  unitCost: amount,
});

const serviceRecord = z.object({
  id,
  vehicleId: id,
  performedAt: day,
  odometer: amount,
  category: z.string().min(1).max(100),
  serviceKey: optionalText,
  title: z.string().min(1).max(500),
  notes: optionalText,
  labourCost: amount.nullable().default(null),
  totalCost: amount.nullable().default(null),
  currency,
  shop: optionalText,
  tags,
  parts: z.array(part).max(500).default([]),
});

const reminder = z.object({
  id,
  vehicleId: id,
  title: z.string().min(1).max(500),
  category: z.string().min(1).max(100),
  serviceKey: optionalText,
  intervalMonths: z.number().int().positive().nullable().default(null),
  intervalDistance: amount.nullable().default(null),
  dueDate: day.nullable().default(null),
  dueOdometer: amount.nullable().default(null),
  startDate: day,
  startOdometer: amount,
  notes: optionalText,
  completedAt: instant.nullable().default(null),
  completedRecordId: id.nullable().default(null),
  alertedStatus: z.enum(['ok', 'due_soon', 'overdue']).default('ok'),
});

const station = z.object({
  id,
  provider: z.enum(stationOrigins),
  providerId: optionalText,
  name: z.string().min(1).max(500),
  brand: optionalText,
  address: optionalText,
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  fuelTypes: z.array(z.string().max(50)).default([]),
  isFavorite: z.boolean().default(false),
  notes: optionalText,
});

const document = z.object({
  id,
  title: z.string().min(1).max(500),
  kind: z.enum(documentKinds),
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(200),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  expiresOn: day.nullable().default(null),
  notes: optionalText,
  vehicleId: id.nullable().default(null),
  maintenanceRecordId: id.nullable().default(null),
  fuelLogId: id.nullable().default(null),
  /** Where its bytes are in the zip; null: the exporting storage had none. */
  path: z.string().max(1000).nullable().default(null),
});

const preferences = z.object({
  displayName: z.string().max(200).nullable().default(null),
  distanceUnit: z.enum(odometerUnits),
  volumeUnit: z.enum(volumeUnits),
  economyUnit: z.enum(economyUnits),
  currency,
  locale: z
    .string()
    .min(2)
    .max(35)
    .nullish()
    .transform((locale) => locale ?? undefined),
  timeZone: z
    .string()
    .min(1)
    .max(100)
    .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as Europe/Berlin'),
  dueSoonDays: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((days) => days ?? undefined),
  dueSoonDistance: amount.nullable().default(null),
});

/** Each array of `motovaultpro.json` the restore reads, in the order it writes them. */
export const exportSections = {
  vehicles: vehicle,
  fuelLogs: fillUp,
  maintenanceRecords: serviceRecord,
  reminders: reminder,
  stations: station,
  documents: document,
} as const;

export type ExportSection = keyof typeof exportSections;
export type ExportedFields<S extends ExportSection> = z.infer<(typeof exportSections)[S]>;

type RecordOf<S extends ExportSection> = { kind: 'exported'; section: S; fields: ExportedFields<S> };

/** A record of our own export, as the restore writes it; a document with its bytes staged (null: the zip has none). */
export type RestoredRecord =
  | { [S in Exclude<ExportSection, 'documents'>]: RecordOf<S> }[Exclude<ExportSection, 'documents'>]
  | (RecordOf<'documents'> & { staged?: StagedFile | null })
  | { kind: 'exported'; section: 'preferences'; fields: z.infer<typeof preferences> };

export function isExportSection(key: string): key is ExportSection {
  return Object.hasOwn(exportSections, key);
}

/** The problems of a record that does not fit its section, by field (`vehicles.make`), or its fields. */
export function readSection<S extends ExportSection | 'preferences'>(
  section: S,
  value: unknown,
): { fields: unknown } | { problems: { field: string; message: string }[] } {
  const schema = section === 'preferences' ? preferences : exportSections[section as ExportSection];
  const result = schema.safeParse(value);
  if (result.success) return { fields: result.data };
  return {
    problems: result.error.issues.map((issue) => ({
      field: [section, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  };
}
