import { numberFormat } from '../../../core/intl';
import type { DistanceUnit } from '../../../core/auth/current-user';
import type { SearchedStation, Station } from './station';

/** One of the user's saved stations, as a form holds it: its id, and its name to show. */
export interface PickedStation {
  id: string;
  name: string;
}

/**
 * What the station picker's control holds: a saved station picked from the list, or the text typed
 * in it (a name to use as it is; empty for none).
 */
export type StationPickerValue = PickedStation | string;

export function isPickedStation(value: unknown): value is PickedStation {
  return typeof value === 'object' && value !== null && 'id' in value;
}

/** The words to filter and search by: the typed text, tidied; none while a station is picked. */
export function typedTextOf(value: StationPickerValue | null | undefined): string {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
}

/** The input shows a picked station (or a search result being saved) by its name, and typed text as typed. */
export function pickerDisplayText(value: StationOptionValue | null | undefined): string {
  if (isPickedStation(value)) return value.name;
  if (isSearchOption(value)) return value.result.name;
  return value ?? '';
}

/** A search result in the list: picking it saves it (unless already saved) and puts the saved station in. */
export interface SearchOption {
  result: SearchedStation;
}

/** An option's value, as the autocomplete puts it in the control: a new name is the typed text itself. */
export type StationOptionValue = PickedStation | SearchOption | string;

export function isSearchOption(value: unknown): value is SearchOption {
  return typeof value === 'object' && value !== null && 'result' in value;
}

/** A row of the list: what it says and what picking it does. */
export interface StationOptionRow<V extends StationOptionValue = StationOptionValue> {
  key: string;
  name: string;
  /** Brand and address, and how far away: the line under the name. */
  details: string;
  isFavorite: boolean;
  value: V;
}

export interface StationPickerGroups {
  saved: StationOptionRow<PickedStation>[];
  /** Absent when nothing was searched (no text and no position); empty when the search found nothing new. */
  searched?: StationOptionRow<PickedStation | SearchOption>[];
  /** "Use “Joe's Garage” as a new station": typed text that names none of the saved stations listed. */
  newName?: StationOptionRow<string>;
}

export interface StationPickerInputs {
  /** The saved stations the API listed (nearest first with a position, else favorites first, by name). */
  saved: readonly Station[];
  /** The provider's results for the typed text or around the position, nearest first. */
  searched: readonly SearchedStation[] | undefined;
  text: string;
  unit: DistanceUnit;
  locale: string | undefined;
}

/**
 * The picker's list: saved stations in the API's order; then the search's results, less those already
 * listed as saved (a result saved before but not listed picks that saved station); then, for typed
 * text that names no saved station listed, the offer to use it as a new one.
 */
export function stationPickerGroups({ saved, searched, text, unit, locale }: StationPickerInputs): StationPickerGroups {
  const distance = (metres: number | null | undefined) =>
    metres === null || metres === undefined ? undefined : formatStationDistance(metres, unit, locale);
  const savedRows = saved.map((station) => ({
    key: `saved:${station.id}`,
    name: station.name,
    details: detailsOf(station.brand, station.address, distance(station.distance)),
    isFavorite: station.isFavorite,
    value: { id: station.id, name: station.name },
  }));
  const listed = new Set(saved.map((station) => station.id));
  const searchedRows = searched
    ?.filter((result) => !result.stationId || !listed.has(result.stationId))
    .map((result) => ({
      key: `${result.provider}:${result.providerId}`,
      name: result.name,
      details: detailsOf(result.brand, result.address, distance(result.distance)),
      isFavorite: result.isFavorite,
      value: result.stationId ? { id: result.stationId, name: result.name } : { result },
    }));
  const named = saved.some((station) => sameName(station.name, text));
  const newName = text && !named ? { key: 'new', name: text, details: '', isFavorite: false, value: text } : undefined;
  return { saved: savedRows, searched: searchedRows, newName };
}

/** The search group's heading: around the user when no text was typed. */
export function searchHeading(text: string, near: boolean): string {
  if (!text) return 'Nearby';
  return near ? `Nearby for “${text}”` : `Search for “${text}”`;
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

function detailsOf(brand: string | null, address: string | null, distance: string | undefined): string {
  return [brand, address, distance].filter(Boolean).join(' · ');
}

/**
 * Metres as the user counts distance: "350 m" or "1.2 km", "0.4 mi" or "12 mi"; one decimal below
 * ten, whole numbers above.
 */
export function formatStationDistance(metres: number, unit: DistanceUnit, locale: string | undefined): string {
  if (unit === 'km' && metres < 1000) {
    return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(10, Math.round(metres / 10) * 10))} m`;
  }
  const amount = unit === 'km' ? metres / 1000 : metres / 1609.344;
  const decimals = amount < 9.95 ? 1 : 0;
  const shown = Math.max(amount, 0.1);
  const format = numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${format.format(shown)} ${unit}`;
}
