import type { ApiQuery, ApiSchema } from '../../../core/api/api-schema';

/** The shapes of `/api/stations`: the API's DTOs (docs/openapi.json). */

export type Station = ApiSchema<'StationDto'>;
export type StationPage = ApiSchema<'StationPageDto'>;
/** The body of PATCH: `null` clears an optional field. */
export type StationFields = ApiSchema<'StationFieldsDto'>;
/** The body of POST: a search result (`provider`, `providerId`) or a station named by hand. */
export type NewStation = ApiSchema<'NewStationDto'>;
export type SearchedStation = ApiSchema<'SearchedStationDto'>;
export type StationSearch = ApiSchema<'StationSearchDto'>;
export type StationPrices = ApiSchema<'StationPricesDto'>;
export type GradePrices = ApiSchema<'GradePricesDto'>;
export type CheapestStations = ApiSchema<'CheapestStationsDto'>;
export type MapSettings = ApiSchema<'MapSettingsDto'>;

/** Saved stations: nearest first with `lat` and `lng`; `favorite`, `q`, a page. */
export type StationQuery = ApiQuery<'/api/stations'>;
/** Around a point (`lat`, `lng`, `radius` in metres) or a place (`query`), `fuel` kind. */
export type StationSearchQuery = ApiQuery<'/api/stations/search'>;
export type CheapestQuery = ApiQuery<'/api/stations/cheapest'>;
