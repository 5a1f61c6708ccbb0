import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Amount, calendarDay, CurrencyCode, Omittable, Tags, Trimmed } from '../../../core/validation/form-fields';
import { PageQueryDto } from '../../../core/identity/scoping/page-query.dto';
import { ApiClearableProperty } from '../../../core/openapi/clearable-property';
import type { MaintenanceRecordRow } from '../data/maintenance-record-list.query';
import { ApiServiceKey, categoryDescription, ServiceKey } from './maintenance-fields';
import type {
  MaintenanceRecordFields,
  MaintenanceRecordListQuery,
  MaintenanceRecordWithParts,
  NewMaintenanceRecord,
  PartFields,
} from '../domain/maintenance-record-fields';

export class MaintenanceRecordsQueryDto extends PageQueryDto implements MaintenanceRecordListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a vehicle id' })
  vehicleId?: string;
  @ApiPropertyOptional({ description: 'Matched by its key, so "Oil" finds `oil`' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  category?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Records performed on or after this day' })
  @IsOptional()
  @calendarDay()
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Records performed before this day (not on it)' })
  @IsOptional()
  @calendarDay()
  to?: string;
  @ApiPropertyOptional({ description: 'Text in the title, notes, shop or a part name (case-insensitive)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;
}

export class PartFieldsDto implements PartFields {
  @ApiProperty({ example: 'Oil filter' }) @Trimmed() @IsString() @MinLength(1) @MaxLength(120) name: string;
  @ApiClearableProperty(String, { example: 'PH7317' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(60)
  partNumber?: string | null;
  @ApiProperty({ example: 4.5, description: 'Above 0, up to 3 decimals' })
  @Amount(3, 999_999)
  quantity: number;
  @ApiProperty({ example: 8.99, description: "Per unit, in the record's currency, up to 4 decimals" })
  @Amount(4, 9_999_999)
  unitCost: number;
}

/** A record's fields as a form sends them; on PATCH, `parts` replaces every part. */
export class MaintenanceRecordFieldsDto implements MaintenanceRecordFields {
  @ApiPropertyOptional({ format: 'date', example: '2026-11-20' }) @Omittable() @calendarDay() performedAt?: string;
  @ApiPropertyOptional({ description: "As shown on the vehicle's odometer, in its unit", example: 48210 })
  @Omittable()
  @Amount(1, 99_999_999)
  odometer?: number;
  @ApiPropertyOptional({ description: categoryDescription, example: 'oil' })
  @Omittable()
  @IsString()
  @MaxLength(200)
  category?: string;
  @ApiServiceKey() @IsOptional() @ServiceKey() serviceKey?: string | null;
  @ApiPropertyOptional({ example: 'Oil and filter change' })
  @Omittable()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title?: string;
  @ApiClearableProperty(String) @IsOptional() @IsString() @MaxLength(4000) notes?: string | null;
  @ApiPropertyOptional({ type: [PartFieldsDto], description: 'Replaces every part of the record when given' })
  @Omittable()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PartFieldsDto)
  parts?: PartFieldsDto[];
  @ApiClearableProperty(Number, { example: 45 }) @IsOptional() @Amount(2, 9_999_999) labourCost?: number | null;
  @ApiClearableProperty(Number, {
    example: 85.45,
    description: 'Worked out from parts + labour when left out; given with them, it must agree within a cent',
  })
  @IsOptional()
  @Amount(2, 9_999_999)
  totalCost?: number | null;
  @Omittable() @CurrencyCode() currency?: string;
  @ApiClearableProperty(String, { description: 'The shop or vendor', example: 'Corner Garage' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(120)
  shop?: string | null;
  @Omittable() @Tags() tags?: string[];
}

export class NewMaintenanceRecordDto extends MaintenanceRecordFieldsDto implements NewMaintenanceRecord {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a vehicle id' }) vehicleId: string;
  // Required on create, optional on PATCH; spelt out, as ApiProperty keeps an inherited `required: false`.
  @ApiProperty({ required: true }) override performedAt: string;
  @ApiProperty({ required: true }) override odometer: number;
  @ApiProperty({ required: true }) override category: string;
  @ApiProperty({ required: true }) override title: string;
}

export class MaintenancePartDto {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) partNumber: string | null;
  @ApiProperty() quantity: number;
  @ApiProperty() unitCost: number;
}

export class MaintenanceRecordDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) vehicleId: string;
  @ApiProperty({ format: 'date' }) performedAt: string;
  @ApiProperty({ description: "In the vehicle's odometer unit" }) odometer: number;
  @ApiProperty({ description: 'A built-in key or a custom category key' }) category: string;
  @ApiProperty({ nullable: true, type: String, description: 'The kind of service within the category, when known' })
  serviceKey: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ type: [MaintenancePartDto] }) parts: MaintenancePartDto[];
  @ApiProperty({ nullable: true, type: Number }) labourCost: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Null when no cost was given' }) totalCost: number | null;
  @ApiProperty() currency: string;
  @ApiProperty({ nullable: true, type: String, description: 'The shop or vendor' }) shop: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MaintenanceRecordPageDto {
  @ApiProperty({ type: [MaintenanceRecordDto] }) items: MaintenanceRecordDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export function toMaintenanceRecordDto({ record, parts }: MaintenanceRecordWithParts): MaintenanceRecordDto {
  return {
    id: record.id,
    vehicleId: record.vehicleId,
    performedAt: record.performedAt,
    odometer: record.odometer,
    category: record.category,
    serviceKey: record.serviceKey,
    title: record.title,
    notes: record.notes,
    parts: parts.map(({ name, partNumber, quantity, unitCost }) => ({ name, partNumber, quantity, unitCost })),
    labourCost: record.labourCost,
    totalCost: record.totalCost,
    currency: record.currency,
    shop: record.shop,
    tags: record.tags,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** A row of the list statement as the API returns it (the bench's bare baseline maps rows with it too). */
export function rowToMaintenanceRecordDto(row: MaintenanceRecordRow): MaintenanceRecordDto {
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    performedAt: row.performed_at,
    odometer: row.odometer,
    category: row.category,
    serviceKey: row.service_key,
    title: row.title,
    notes: row.notes,
    parts: row.parts,
    labourCost: row.labour_cost,
    totalCost: row.total_cost,
    currency: row.currency,
    shop: row.shop,
    tags: row.tags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
