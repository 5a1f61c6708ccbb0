import type { DocumentToImport } from '../../../documents';
import type { FillUpToImport } from '../../../fuel-logs';
import type { RecordToImport, ReminderToImport } from '../../../maintenance';
import type { ExportedFields } from '../formats/motovaultpro-sections';

/**
 * Our own export's records as the capsules' import methods take them: every field kept, links
 * given as the importing account's ids (`newId` of the exporting account's; null when the record
 * linked to is not in the file).
 */
export type NewIdOf = (oldId: string | null) => string | null;

export function vehicleInput(fields: ExportedFields<'vehicles'>) {
  const {
    id: _id,
    createdAt: _createdAt,
    catalogMakeId,
    catalogModelId,
    catalogTrimId,
    catalogEngineId,
    ...kept
  } = fields;
  return { ...kept, makeId: catalogMakeId, modelId: catalogModelId, trimId: catalogTrimId, engineId: catalogEngineId };
}

export function stationInput(fields: ExportedFields<'stations'>) {
  const { id: _id, providerId, ...kept } = fields;
  return { ...kept, providerId: providerId ?? undefined };
}

export function fillUpInput(line: number, fields: ExportedFields<'fuelLogs'>, stationOf: NewIdOf): FillUpToImport {
  const { id: _id, vehicleId: _vehicleId, stationId, stationName, ...kept } = fields;
  const newStationId = stationOf(stationId);
  return { ...kept, line, ...(newStationId ? { stationId: newStationId } : { stationName }) };
}

export function serviceRecordInput(line: number, fields: ExportedFields<'maintenanceRecords'>): RecordToImport {
  const { id: _id, vehicleId: _vehicleId, ...kept } = fields;
  return { ...kept, line };
}

export function reminderInput(fields: ExportedFields<'reminders'>, recordOf: NewIdOf): ReminderToImport {
  const { id: _id, vehicleId: _vehicleId, completedAt, completedRecordId, ...kept } = fields;
  return {
    ...kept,
    completedAt: completedAt === null ? null : new Date(completedAt),
    completedRecordId: recordOf(completedRecordId),
  };
}

export function documentInput(
  fields: ExportedFields<'documents'>,
  links: { vehicleOf: NewIdOf; recordOf: NewIdOf; fillUpOf: NewIdOf },
): DocumentToImport {
  const { id: _id, path: _path, vehicleId, maintenanceRecordId, fuelLogId, ...kept } = fields;
  return {
    ...kept,
    vehicleId: links.vehicleOf(vehicleId),
    maintenanceRecordId: links.recordOf(maintenanceRecordId),
    fuelLogId: links.fillUpOf(fuelLogId),
  };
}
