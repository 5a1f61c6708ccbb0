import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { fillUpFields, serviceFields } from '../domain/formats/generic-csv.reader';
import type { FillUpField, ServiceField } from '../domain/formats/generic-csv.reader';
import { importFormats, type ImportFormat } from '../domain/import-options';
import type { CommitChoices, CommitOutcome } from '../domain/import-commit.service';

const distanceUnits = ['mi', 'km'];
const quantityUnits = ['l', 'gal_us', 'gal_uk', 'kwh'];

export class ImportLineErrorDto {
  @ApiProperty({ example: 14, description: "The file's line (1-based, header included)" }) line: number;
  @ApiProperty({ example: 'odometer', description: 'Our name of the field, or `header` / `file`' }) field: string;
  @ApiProperty({ example: 'cannot be negative' }) message: string;
}

/** A record as it will be saved; which fields it has depends on its `kind`. */
export class ImportedRecordDto {
  @ApiProperty({ enum: ['vehicle', 'fill-up', 'service', 'station', 'reminder', 'document', 'preferences'] })
  kind: string;
  @ApiPropertyOptional({ description: 'A vehicle or station name' }) name?: string;
  @ApiPropertyOptional() make?: string;
  @ApiPropertyOptional() model?: string;
  @ApiPropertyOptional() year?: number;
  @ApiPropertyOptional() vin?: string;
  @ApiPropertyOptional() licensePlate?: string;
  @ApiPropertyOptional({ description: "The vehicle's name in the file (fill-ups and service records)" })
  vehicle?: string;
  @ApiPropertyOptional({ format: 'date-time' }) filledAt?: string;
  @ApiPropertyOptional({ format: 'date' }) performedAt?: string;
  @ApiPropertyOptional() odometer?: number;
  @ApiPropertyOptional({ enum: distanceUnits }) odometerUnit?: string;
  @ApiPropertyOptional() quantity?: number;
  @ApiPropertyOptional({ enum: quantityUnits }) quantityUnit?: string;
  @ApiPropertyOptional() pricePerUnit?: number;
  @ApiPropertyOptional() totalCost?: number;
  @ApiPropertyOptional() currency?: string;
  @ApiPropertyOptional() isFull?: boolean;
  @ApiPropertyOptional() missedPrevious?: boolean;
  @ApiPropertyOptional() fuelType?: string;
  @ApiPropertyOptional() fuelGrade?: string;
  @ApiPropertyOptional() stationName?: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() category?: string;
  @ApiPropertyOptional() shop?: string;
  @ApiPropertyOptional() brand?: string;
  @ApiPropertyOptional() address?: string;
  @ApiPropertyOptional() latitude?: number;
  @ApiPropertyOptional() longitude?: number;
  @ApiPropertyOptional() isFavorite?: boolean;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional({ type: [String] }) tags?: string[];
}

export class ImportPreviewLineDto {
  @ApiProperty() line: number;
  @ApiProperty({ type: ImportedRecordDto }) record: ImportedRecordDto;
}

export class ImportVehicleMatchDto {
  @ApiProperty({ example: 'Civic' }) name: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Your vehicle of that nickname or "year make model"; null: the commit creates it',
  })
  existingVehicleId: string | null;
}

export class ImportJobDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: importFormats, enumName: 'ImportFormat' }) format: ImportFormat;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['previewed', 'committed'] }) status: 'previewed' | 'committed';
  @ApiProperty({ description: 'Lines read: records and bad lines' }) rows: number;
  @ApiProperty({ description: 'Bad lines in all' }) errorCount: number;
  @ApiProperty({ type: [ImportLineErrorDto], description: 'The problems of the first 500 bad lines' })
  errors: ImportLineErrorDto[];
  @ApiProperty({ type: [ImportPreviewLineDto], description: 'The first 20 records as they will be saved' })
  preview: ImportPreviewLineDto[];
  @ApiProperty({ type: [ImportVehicleMatchDto], description: 'The vehicles the file names' })
  vehicles: ImportVehicleMatchDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The vehicle chosen at upload' })
  vehicleId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Records written, once committed' })
  imported: number | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'The job is gone after this (a day after the upload)' }) expiresAt: Date;
}

export class ImportCommitDto implements CommitChoices {
  @ApiPropertyOptional({ description: 'Import the good lines of a file with bad ones, leaving the bad ones out' })
  @IsOptional()
  @IsBoolean()
  skipBadRows?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: "Where records the file does not place go (over the upload's)" })
  @IsOptional()
  @IsUUID('all', { message: 'must be a vehicle id' })
  vehicleId?: string;
}

export class ImportCommitResultDto implements CommitOutcome {
  @ApiProperty({ description: 'Fill-ups, service records and stations written' }) imported: number;
  @ApiProperty({ description: 'Records imported before, left out' }) duplicates: number;
  @ApiProperty({ description: 'Bad lines left out' }) skipped: number;
}

/** Which column of the file holds each field of a fill-up (the column's header text). */
export class FillUpColumnsDto implements Partial<Record<FillUpField, string>> {
  @ApiPropertyOptional() vehicle?: string;
  @ApiPropertyOptional() filledAt?: string;
  @ApiPropertyOptional() odometer?: string;
  @ApiPropertyOptional() quantity?: string;
  @ApiPropertyOptional() pricePerUnit?: string;
  @ApiPropertyOptional() totalCost?: string;
  @ApiPropertyOptional() isFull?: string;
  @ApiPropertyOptional() missedPrevious?: string;
  @ApiPropertyOptional() fuelType?: string;
  @ApiPropertyOptional() fuelGrade?: string;
  @ApiPropertyOptional() stationName?: string;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional() tags?: string;
}

/** Which column of the file holds each field of a service record. */
export class ServiceColumnsDto implements Partial<Record<ServiceField, string>> {
  @ApiPropertyOptional() vehicle?: string;
  @ApiPropertyOptional() performedAt?: string;
  @ApiPropertyOptional() odometer?: string;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() category?: string;
  @ApiPropertyOptional() totalCost?: string;
  @ApiPropertyOptional() notes?: string;
  @ApiPropertyOptional() tags?: string;
}

/**
 * A generic CSV's column mapping, as the upload's `mapping` field holds it (as JSON text): in the
 * document so that clients have its shape.
 */
export class ColumnMappingDto {
  @ApiProperty({ enum: ['fill-up', 'service'] }) records: 'fill-up' | 'service';
  @ApiProperty({
    oneOf: [{ $ref: '#/components/schemas/FillUpColumnsDto' }, { $ref: '#/components/schemas/ServiceColumnsDto' }],
    description: `By \`records\`: fill-up fields ${fillUpFields.join(', ')}; service fields ${serviceFields.join(', ')}`,
  })
  columns: FillUpColumnsDto | ServiceColumnsDto;
  @ApiProperty({ example: 'dd.MM.yyyy HH:mm', description: 'A date-fns pattern' }) dateFormat: string;
}
