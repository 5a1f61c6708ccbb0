/**
 * The stations feature's public surface for other web features: the API client and its shapes, and
 * the fill-up form's station picker with the value its control holds.
 */
export { StationsApi } from './data/stations-api';
export type { SearchedStation, Station } from './data/station';
export { StationPicker } from './components/station-picker';
export type { PickedStation, StationPickerValue } from './data/station-picker-options';
