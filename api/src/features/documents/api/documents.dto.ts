import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../core/identity/scoping/page-query.dto';
import { ApiClearableProperty } from '../../../core/openapi/clearable-property';
import { calendarDay, Omittable, Trimmed } from '../../../core/validation/form-fields';
import { DocumentEntity, DocumentKind, documentKinds } from '../data/document.entity';
import type { DocumentRow } from '../data/document-list.query';
import type { DocumentFields, DocumentListQuery, DocumentUsage } from '../domain/document-fields';
import { hasThumbnail, isShownInline } from '../domain/media-type';

const kindProperty = { enum: documentKinds, enumName: 'DocumentKind' } as const;

export class DocumentsQueryDto extends PageQueryDto implements DocumentListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a vehicle id' })
  vehicleId?: string;
  @ApiPropertyOptional(kindProperty) @IsOptional() @IsIn(documentKinds) kind?: DocumentKind;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a maintenance record id' })
  maintenanceRecordId?: string;
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a fill-up id' })
  fuelLogId?: string;
}

/**
 * A document's describing fields: as JSON on PATCH (null clears an optional one), as the text
 * fields of the multipart upload (an empty one is left out). A service record or fill-up brings its vehicle.
 */
export class DocumentFieldsDto implements DocumentFields {
  @ApiPropertyOptional({
    example: 'Insurance card 2027',
    description: "Default: the file's name without its extension",
  })
  @Omittable()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;
  @ApiPropertyOptional({ ...kindProperty, description: 'Default: photo for an image, else other' })
  @Omittable()
  @IsIn(documentKinds, { message: `must be one of ${documentKinds.join(', ')}` })
  kind?: DocumentKind;
  @ApiClearableProperty(String, {
    format: 'date',
    example: '2027-06-30',
    description: 'When it runs out; an insurance or registration expiry shows in the due list',
  })
  @IsOptional()
  @calendarDay()
  expiresOn?: string | null;
  @ApiClearableProperty(String) @IsOptional() @Trimmed() @IsString() @MaxLength(2000) notes?: string | null;
  @ApiClearableProperty(String, { format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a vehicle id' })
  vehicleId?: string | null;
  @ApiClearableProperty(String, { format: 'uuid', description: 'A service record it belongs to (a receipt)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a maintenance record id' })
  maintenanceRecordId?: string | null;
  @ApiClearableProperty(String, { format: 'uuid', description: 'A fill-up it belongs to (a receipt)' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a fill-up id' })
  fuelLogId?: string | null;
}

export class DocumentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty(kindProperty) kind: DocumentKind;
  @ApiProperty({ description: 'As uploaded; shown and offered on download only', example: 'insurance.pdf' })
  fileName: string;
  @ApiProperty({ description: 'Decided from the content', example: 'application/pdf' }) mediaType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'Hex SHA-256 of the bytes (also the content ETag)' }) sha256: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) expiresOn: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) vehicleId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) maintenanceRecordId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) fuelLogId: string | null;
  @ApiProperty({ description: 'An image with a thumbnail at /api/documents/{id}/thumbnail' }) hasThumbnail: boolean;
  @ApiProperty({ description: 'Shown in the browser (images, PDF, text); else downloaded' }) inline: boolean;
  @ApiProperty({ description: 'The storage has lost its file (found by documents:check)' }) fileMissing: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class DocumentPageDto {
  @ApiProperty({ type: [DocumentDto] }) items: DocumentDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class DocumentUsageDto implements DocumentUsage {
  @ApiProperty({ description: "Bytes of the caller's live documents" }) usedBytes: number;
  @ApiProperty({ description: 'What one user may store in all (DOCUMENTS_QUOTA_BYTES)' }) quotaBytes: number;
  @ApiProperty({ description: 'The largest file one upload may bring (DOCUMENTS_MAX_BYTES)' }) maxFileBytes: number;
}

export function toDocumentDto(document: DocumentEntity): DocumentDto {
  return {
    id: document.id,
    title: document.title,
    kind: document.kind,
    fileName: document.fileName,
    mediaType: document.mediaType,
    sizeBytes: document.sizeBytes,
    sha256: document.sha256,
    expiresOn: document.expiresOn,
    notes: document.notes,
    vehicleId: document.vehicleId,
    maintenanceRecordId: document.maintenanceRecordId,
    fuelLogId: document.fuelLogId,
    hasThumbnail: hasThumbnail(document.mediaType),
    inline: isShownInline(document.mediaType),
    fileMissing: document.fileMissingAt !== null,
    createdAt: document.createdAt.toISOString(),
    updatedAt: document.updatedAt.toISOString(),
  };
}

/** A row of the list statement as the API returns it (the bench's bare baseline maps rows with it too). */
export function rowToDocumentDto(row: DocumentRow): DocumentDto {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    expiresOn: row.expires_on,
    notes: row.notes,
    vehicleId: row.vehicle_id,
    maintenanceRecordId: row.maintenance_record_id,
    fuelLogId: row.fuel_log_id,
    hasThumbnail: hasThumbnail(row.media_type),
    inline: isShownInline(row.media_type),
    fileMissing: row.file_missing,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
