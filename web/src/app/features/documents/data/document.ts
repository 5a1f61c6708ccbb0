import type { ApiQuery, ApiSchema } from '../../../core/api/api-schema';
import type { paths } from '../../../core/api/api-types';

/** The shapes of `/api/documents`: the API's DTOs (docs/openapi.json). */

export type StoredDocument = ApiSchema<'DocumentDto'>;
export type DocumentKind = ApiSchema<'DocumentKind'>;
export type DocumentPage = ApiSchema<'DocumentPageDto'>;
export type DocumentUsage = ApiSchema<'DocumentUsageDto'>;
/** The body of PATCH: `null` clears an optional field. */
export type DocumentFields = ApiSchema<'DocumentFieldsDto'>;
/** A vehicle, a kind, a service record, a fill-up, a page (`pageSize` at most 100). */
export type DocumentQuery = ApiQuery<'/api/documents'>;

type UploadBody = paths['/api/documents']['post']['requestBody']['content']['multipart/form-data'];
/** The text fields of an upload (`POST /api/documents`), sent before its `file`. */
export type UploadFields = Omit<UploadBody, 'file'>;
/** What an upload is attached to: a vehicle, a service record or a fill-up (these bring their vehicle). */
export type DocumentLinks = Pick<UploadFields, 'vehicleId' | 'maintenanceRecordId' | 'fuelLogId'>;
