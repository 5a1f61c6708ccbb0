import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsIn, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Amount, CurrencyCode, Omittable, Tags, Trimmed } from '../../../core/validation/form-fields';
import { PageQueryDto } from '../../../core/identity/scoping/page-query.dto';
import { ApiClearableProperty } from '../../../core/openapi/clearable-property';
import { quantityUnits, QuantityUnit } from '../data/fuel-log.entity';
import { EconomyReason, economyReasons } from '../domain/fuel-economy';
import { Economy, economyUnits, EconomyUnit } from '../domain/economy-units';
import type { ListedFillUp } from '../domain/fill-up-economies';
import type {
  FillUpWithEconomy,
  FilledAtRange,
  FuelLogFields,
  FuelLogListQuery,
  NewFuelLog,
} from '../domain/fuel-log-fields';

/** Date ranges are half-open everywhere: from <= filledAt < to. */
const rangeStart = { format: 'date-time', description: 'Fill-ups at or after this instant' } as const;
const rangeEnd = { format: 'date-time', description: 'Fill-ups before this instant (not at it)' } as const;

export class FuelLogsQueryDto extends PageQueryDto implements FuelLogListQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a vehicle id' })
  vehicleId?: string;
  @ApiPropertyOptional(rangeStart) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional(rangeEnd) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

export class FuelStatsQueryDto implements FilledAtRange {
  @ApiPropertyOptional(rangeStart) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional(rangeEnd) @IsOptional() @IsISO8601({ strict: true }) to?: string;
}

/** A fill-up's fields as a form sends them; give any two of quantity, pricePerUnit and totalCost. */
export class FuelLogFieldsDto implements FuelLogFields {
  @ApiPropertyOptional({ format: 'date-time', example: '2026-11-20T17:45:00Z' })
  @Omittable()
  @IsISO8601({ strict: true }, { message: 'must be a date and time (ISO 8601)' })
  filledAt?: string;

  @ApiPropertyOptional({ description: "As shown on the vehicle's odometer, in its unit", example: 48210.4 })
  @Omittable()
  @Amount(1, 99_999_999)
  odometer?: number;

  @ApiPropertyOptional({ example: 11.432 }) @Omittable() @Amount(3, 99_999) @Min(0.001) quantity?: number;
  @ApiPropertyOptional({
    enum: quantityUnits,
    description: "Defaults to the user's volume unit (kWh for electric vehicles)",
  })
  @Omittable()
  @IsIn(quantityUnits)
  quantityUnit?: QuantityUnit;
  @ApiPropertyOptional({ example: 3.459 }) @Omittable() @Amount(4, 99_999) pricePerUnit?: number;
  @ApiPropertyOptional({ example: 39.54 }) @Omittable() @Amount(2, 9_999_999) totalCost?: number;
  @Omittable() @CurrencyCode() currency?: string;

  @ApiClearableProperty(String, { example: 'gasoline' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(40)
  fuelType?: string | null;
  @ApiClearableProperty(String, { example: '91' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(40)
  fuelGrade?: string | null;
  @ApiPropertyOptional({ default: true }) @Omittable() @IsBoolean() isFull?: boolean;
  @ApiPropertyOptional({ default: false, description: 'A fill-up before this one was not logged' })
  @Omittable()
  @IsBoolean()
  missedPrevious?: boolean;
  @ApiClearableProperty(String, { format: 'uuid', description: 'One of your saved stations' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a station id' })
  stationId?: string | null;
  @ApiClearableProperty(String, {
    description: 'A station named by hand (without stationId): your saved station of that name, saved when new',
  })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(120)
  stationName?: string | null;
  @ApiClearableProperty(String) @IsOptional() @IsString() @MaxLength(4000) notes?: string | null;
  @Omittable() @Tags() tags?: string[];
}

export class NewFuelLogDto extends FuelLogFieldsDto implements NewFuelLog {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'must be a vehicle id' }) vehicleId: string;
  // Required on create, optional on PATCH; spelt out, as ApiProperty keeps an inherited `required: false`.
  @ApiProperty({ required: true }) override filledAt: string;
  @ApiProperty({ required: true }) override odometer: number;
}

export class EconomyDto implements Economy {
  @ApiProperty() value: number;
  @ApiProperty({ enum: economyUnits }) unit: EconomyUnit;
}

export class FuelLogDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) vehicleId: string;
  @ApiProperty({ format: 'date-time' }) filledAt: string;
  @ApiProperty() odometer: number;
  @ApiProperty() quantity: number;
  @ApiProperty({ enum: quantityUnits }) quantityUnit: QuantityUnit;
  @ApiProperty() pricePerUnit: number;
  @ApiProperty() totalCost: number;
  @ApiProperty() currency: string;
  @ApiProperty({ nullable: true, type: String }) fuelType: string | null;
  @ApiProperty({ nullable: true, type: String }) fuelGrade: string | null;
  @ApiProperty() isFull: boolean;
  @ApiProperty() missedPrevious: boolean;
  @ApiProperty({ nullable: true, type: String }) stationId: string | null;
  @ApiProperty({ nullable: true, type: String, description: "The station's name as it is now" })
  stationName: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ nullable: true, type: EconomyDto, description: 'Of the window this full fill closes' })
  economy: EconomyDto | null;
  @ApiProperty({ enum: economyReasons })
  economyReason: EconomyReason;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class FuelLogPageDto {
  @ApiProperty({ type: [FuelLogDto] }) items: FuelLogDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** A row of the list statement with its economy, as the API returns it (the bench's bare baseline maps rows with it too). */
export function rowToFuelLogDto({ row, economy, economyReason }: ListedFillUp): FuelLogDto {
  return {
    id: row.id,
    vehicleId: row.vehicle_id,
    filledAt: row.filled_at,
    odometer: row.odometer,
    quantity: row.quantity,
    quantityUnit: row.quantity_unit,
    pricePerUnit: row.price_per_unit,
    totalCost: row.total_cost,
    currency: row.currency,
    fuelType: row.fuel_type,
    fuelGrade: row.fuel_grade,
    isFull: row.is_full,
    missedPrevious: row.missed_previous,
    stationId: row.station_id,
    stationName: row.station_name,
    notes: row.notes,
    tags: row.tags,
    economy,
    economyReason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toFuelLogDto({ fill, economy, economyReason }: FillUpWithEconomy): FuelLogDto {
  const { userId: _userId, deletedAt: _deletedAt, ...rest } = fill;
  return {
    ...rest,
    filledAt: fill.filledAt.toISOString(),
    economy,
    economyReason,
    createdAt: fill.createdAt.toISOString(),
    updatedAt: fill.updatedAt.toISOString(),
  };
}
