import type { ImportedRecord } from '../formats/imported-records';
import type { RestoredRecord } from '../formats/motovaultpro-sections';

/** A record in a preview: its kind and its fields. */
export type PreviewRecord = { kind: string } & Record<string, unknown>;

const kindOf = {
  vehicles: 'vehicle',
  fuelLogs: 'fill-up',
  maintenanceRecords: 'service',
  reminders: 'reminder',
  stations: 'station',
  documents: 'document',
  preferences: 'preferences',
} as const;

/** A record of our own export as a preview shows it: its kind as other formats name it, its fields without the exporting account's ids or empty ones. */
export function previewOfRestored(record: RestoredRecord): PreviewRecord {
  const fields: Record<string, unknown> = { ...record.fields };
  for (const key of ['id', 'vehicleId', 'stationId', 'completedRecordId', 'maintenanceRecordId', 'fuelLogId', 'path']) {
    delete fields[key];
  }
  for (const [key, value] of Object.entries(fields)) if (value === null) delete fields[key];
  if (record.section === 'vehicles') {
    const { nickname, year, make, model } = record.fields;
    fields.name = nickname ?? [year, make, model].filter(Boolean).join(' ');
  }
  return { kind: kindOf[record.section], ...fields };
}

/** Any record as the preview shows it. */
export function previewOf(record: ImportedRecord): PreviewRecord {
  return record.kind === 'exported' ? previewOfRestored(record) : { ...record };
}
