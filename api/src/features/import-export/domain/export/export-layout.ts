import type { CsvColumn, ExportRecord } from './export-text';
import type {
  ExportedDocument,
  ExportedFillUp,
  ExportedRecord,
  ExportedReminder,
  ExportedStation,
  ExportedVehicle,
  VehicleNames,
} from './export-sources.service';

/** The version of `motovaultpro.json`'s layout; an import reads the versions it knows. */
export const exportFormatVersion = 1;

/**
 * A record as `motovaultpro.json` holds it: every field, ids kept, but its owner and deletion mark
 * (an export holds one user's live records only).
 */
export function jsonRecord(entity: object): ExportRecord {
  const fields: ExportRecord = { ...entity };
  delete fields.userId;
  delete fields.deletedAt;
  return fields;
}

/** A service record with its parts in order (their record and position are where they sit). */
export function jsonServiceRecord({ record, parts }: ExportedRecord): ExportRecord {
  return {
    ...jsonRecord(record),
    parts: parts.map(({ id, name, partNumber, quantity, unitCost }) => ({ id, name, partNumber, quantity, unitCost })),
  };
}

/** A document's description and where its bytes are in the zip (null: the storage had none). */
export function jsonDocument(document: ExportedDocument, path: string | null): ExportRecord {
  return { ...jsonRecord(document), path };
}

/**
 * Where a document's bytes go in the zip: `documents/<id>/<its file name>`. The name is the
 * client's, so only its last segment is used, with control characters replaced.
 */
export function documentPath(document: Pick<ExportedDocument, 'id' | 'fileName'>): string {
  const name = (document.fileName.split(/[\\/]/).pop() ?? '').replace(/\p{Cc}/gu, '_').trim();
  return `documents/${document.id}/${name === '' || name === '.' || name === '..' ? 'document' : name}`;
}

function field<T>(key: keyof T & string): CsvColumn<T> {
  return { header: key, cell: (record) => record[key] };
}

function vehicleName<T extends { vehicleId: string | null }>(names: VehicleNames): CsvColumn<T> {
  return { header: 'vehicle', cell: (record) => (record.vehicleId === null ? null : names.get(record.vehicleId)) };
}

export function vehicleColumns(names: VehicleNames): CsvColumn<ExportedVehicle>[] {
  return [
    field('id'),
    { header: 'name', cell: (vehicle) => names.get(vehicle.id) },
    ...(
      [
        'year',
        'make',
        'model',
        'trim',
        'engine',
        'vin',
        'vehicleType',
        'nickname',
        'color',
        'licensePlate',
        'licenseRegion',
        'purchaseDate',
        'purchasePrice',
        'odometerUnit',
        'initialOdometer',
        'currentOdometer',
        'fuelTypes',
        'tankCapacity',
        'tankCapacityUnit',
        'status',
        'notes',
      ] as const
    ).map((key) => field<ExportedVehicle>(key)),
  ];
}

export function fillUpColumns(names: VehicleNames): CsvColumn<ExportedFillUp>[] {
  return [
    field('id'),
    field('vehicleId'),
    vehicleName(names),
    ...(
      [
        'filledAt',
        'odometer',
        'quantity',
        'quantityUnit',
        'pricePerUnit',
        'totalCost',
        'currency',
        'fuelType',
        'fuelGrade',
        'isFull',
        'missedPrevious',
        'stationId',
        'stationName',
        'notes',
        'tags',
      ] as const
    ).map((key) => field<ExportedFillUp>(key)),
  ];
}

export function serviceRecordColumns(names: VehicleNames): CsvColumn<ExportedRecord>[] {
  const ofRecord = (key: keyof ExportedRecord['record'] & string): CsvColumn<ExportedRecord> => ({
    header: key,
    cell: ({ record }) => record[key],
  });
  return [
    ofRecord('id'),
    ofRecord('vehicleId'),
    { header: 'vehicle', cell: ({ record }) => names.get(record.vehicleId) },
    ...(['performedAt', 'odometer', 'category', 'serviceKey', 'title', 'shop', 'labourCost', 'totalCost'] as const).map(
      ofRecord,
    ),
    ofRecord('currency'),
    {
      header: 'parts',
      cell: ({ parts }) => parts.map((part) => `${part.name} × ${part.quantity} @ ${part.unitCost}`),
    },
    ofRecord('notes'),
    ofRecord('tags'),
  ];
}

export function reminderColumns(names: VehicleNames): CsvColumn<ExportedReminder>[] {
  return [
    field('id'),
    field('vehicleId'),
    vehicleName(names),
    ...(
      [
        'title',
        'category',
        'serviceKey',
        'intervalMonths',
        'intervalDistance',
        'dueDate',
        'dueOdometer',
        'startDate',
        'startOdometer',
        'completedAt',
        'completedRecordId',
        'notes',
      ] as const
    ).map((key) => field<ExportedReminder>(key)),
  ];
}

export const stationColumns: CsvColumn<ExportedStation>[] = (
  [
    'id',
    'name',
    'brand',
    'address',
    'latitude',
    'longitude',
    'provider',
    'providerId',
    'fuelTypes',
    'isFavorite',
    'notes',
  ] as const
).map((key) => field<ExportedStation>(key));

/** A document's columns; `path` is its bytes' place in the zip, empty when the storage had none. */
export function documentColumns(
  names: VehicleNames,
  pathOf: (document: ExportedDocument) => string | null,
): CsvColumn<ExportedDocument>[] {
  return [
    ...(['id', 'title', 'kind', 'fileName', 'mediaType', 'sizeBytes', 'sha256', 'expiresOn'] as const).map((key) =>
      field<ExportedDocument>(key),
    ),
    field('vehicleId'),
    vehicleName(names),
    field('maintenanceRecordId'),
    field('fuelLogId'),
    { header: 'path', cell: pathOf },
    field('notes'),
  ];
}
