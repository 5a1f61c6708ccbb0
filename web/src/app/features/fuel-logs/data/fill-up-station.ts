import type { StationPickerValue } from '../../stations';
import type { FuelLog, FuelLogFields } from './fuel-log';

/**
 * A fill-up's station between the form's picker and the API: the saved station it names, or a name
 * typed in (the API saves it as a station named by hand).
 */

/** A stored fill-up's station in the picker: the saved station it names, else none. */
export function stationValueOf(log: Pick<FuelLog, 'stationId' | 'stationName'>): StationPickerValue {
  if (log.stationId) return { id: log.stationId, name: log.stationName ?? '' };
  return log.stationName ?? '';
}

/** Whose station the request is about: a new fill-up's, or an edit's that changed it or left it alone. */
export type StationChange = 'new' | 'changed' | 'unchanged';

/**
 * What the request says of the station: `stationId` for a saved station, `stationName` for a typed
 * name; a cleared field clears it on an edit (`stationId: null`), and an edit that left it alone
 * says nothing (its station may have been deleted since, and stays named).
 */
export function stationFieldsOf(
  value: StationPickerValue,
  change: StationChange,
): Pick<FuelLogFields, 'stationId' | 'stationName'> {
  if (change === 'unchanged') return {};
  if (typeof value === 'object') return { stationId: value.id };
  const name = value.trim().replace(/\s+/g, ' ');
  if (name) return { stationName: name };
  return change === 'changed' ? { stationId: null } : {};
}
