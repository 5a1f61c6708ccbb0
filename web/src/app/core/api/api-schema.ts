import type { components, paths } from './api-types';

/**
 * A body the API sends or takes, by its schema name in docs/openapi.json (`ApiSchema<'VehicleDto'>`):
 * the types come from the API's own DTOs (`npm run api:client`), never written twice.
 */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** The query parameters of a GET route, e.g. `ApiQuery<'/api/vehicles'>`. */
export type ApiQuery<Path extends keyof paths> = paths[Path]['get'] extends { parameters: { query?: infer Query } }
  ? NonNullable<Query>
  : never;
