/**
 * The stations feature's public surface for other web features: the API client and its shapes
 * (the fill-up form's station picker uses them).
 */
export { StationsApi } from './data/stations-api';
export type { SearchedStation, Station } from './data/station';
