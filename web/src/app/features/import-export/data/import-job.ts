import type { ApiSchema } from '../../../core/api/api-schema';
import type { operations } from '../../../core/api/api-types';

/** The shapes of `/api/import`: the API's DTOs (docs/openapi.json). */

export type ImportFormat = ApiSchema<'ImportFormat'>;
export type ImportJob = ApiSchema<'ImportJobDto'>;
export type ImportLineError = ApiSchema<'ImportLineErrorDto'>;
export type ImportedRecord = ApiSchema<'ImportedRecordDto'>;
export type ImportVehicleMatch = ApiSchema<'ImportVehicleMatchDto'>;
export type ImportCommit = ApiSchema<'ImportCommitDto'>;
export type ImportCommitResult = ApiSchema<'ImportCommitResultDto'>;

/** The upload's text fields, everything of the multipart body but the file. */
export type ImportUploadFields = Omit<
  operations['ImportController_upload']['requestBody']['content']['multipart/form-data'],
  'file'
>;
export type ImportDistanceUnit = NonNullable<ImportUploadFields['distanceUnit']>;
export type ImportVolumeUnit = NonNullable<ImportUploadFields['volumeUnit']>;
