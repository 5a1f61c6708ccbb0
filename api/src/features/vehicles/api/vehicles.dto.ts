import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { normaliseVin } from '@mvp/platform-contract';
import { displayNameOf } from '../domain/vehicle-name';
import type { VehicleFields, VehicleListQuery } from '../domain/vehicle-fields';
import { NumberWithDecimals, Omittable, Trimmed } from '../../../core/validation/form-fields';
import { PageQueryDto } from '../../../core/identity/scoping/page-query.dto';
import { ApiClearableProperty } from '../../../core/openapi/clearable-property';
import { VehicleRow, VehicleSort, vehicleSorts } from '../data/vehicle-list.query';
import {
  FuelType,
  fuelTypes,
  OdometerUnit,
  odometerUnits,
  TankCapacityUnit,
  tankCapacityUnits,
  VehicleEntity,
  VehicleStatus,
  vehicleStatuses,
  VehicleType,
  vehicleTypes,
} from '../data/vehicle.entity';

/**
 * A model year at most `years` after the current one, read when the request is validated: a
 * server running across New Year accepts next year's models without a restart.
 */
function atMostYearsAhead(years: number): PropertyDecorator {
  return ValidateBy({
    name: 'atMostYearsAhead',
    validator: {
      validate: (value: unknown) => typeof value !== 'number' || value <= new Date().getUTCFullYear() + years,
      defaultMessage: () => 'cannot be that far in the future',
    },
  });
}

export class VehiclesQueryDto extends PageQueryDto implements VehicleListQuery {
  @ApiPropertyOptional({ enum: vehicleStatuses }) @IsOptional() @IsIn(vehicleStatuses) status?: VehicleStatus;
  @ApiPropertyOptional({ enum: vehicleSorts, default: 'name' }) @IsOptional() @IsIn(vehicleSorts) sort?: VehicleSort;
}

const catalogId = (label: string) =>
  ApiClearableProperty(Number, { description: `${label} id in the vehicle catalog` });

/** Every field a vehicle form sends; all optional here, the service says what a new vehicle needs. */
export class VehicleFieldsDto implements VehicleFields {
  @ApiClearableProperty(String, {
    example: '1HGCM82633A004352',
    description: '17 characters, check digit verified',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normaliseVin(value) || null : value))
  @IsString()
  vin?: string | null;

  @ApiClearableProperty(Number, { example: 2020 })
  @IsOptional()
  @IsInt({ message: 'must be a whole year' })
  @Min(1886, { message: 'must be 1886 or later' })
  @atMostYearsAhead(2)
  year?: number | null;

  // The wire takes null (as blank): "not given", so a new vehicle takes it from catalog ids or the VIN; a PATCH
  // refuses it (VehiclesService.update) before the value is used, hence no null in the property's type.
  @ApiClearableProperty(String, { example: 'Honda' }) @IsOptional() @Trimmed() @IsString() @Length(1, 80) make?: string;
  @ApiClearableProperty(String, { example: 'Accord' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 120)
  model?: string;
  @ApiClearableProperty(String) @IsOptional() @Trimmed() @IsString() @MaxLength(120) trim?: string | null;
  @ApiClearableProperty(String) @IsOptional() @Trimmed() @IsString() @MaxLength(160) engine?: string | null;

  @catalogId('Make') @IsOptional() @IsInt() @Min(1) makeId?: number | null;
  @catalogId('Model') @IsOptional() @IsInt() @Min(1) modelId?: number | null;
  @catalogId('Trim') @IsOptional() @IsInt() @Min(1) trimId?: number | null;
  @catalogId('Engine') @IsOptional() @IsInt() @Min(1) engineId?: number | null;

  @ApiPropertyOptional({ enum: vehicleTypes, nullable: true })
  @IsOptional()
  @IsIn(vehicleTypes)
  vehicleType?: VehicleType | null;

  @ApiClearableProperty(String, { example: 'Daily' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(60)
  nickname?: string | null;

  @ApiClearableProperty(String) @IsOptional() @Trimmed() @IsString() @MaxLength(40) color?: string | null;
  @ApiClearableProperty(String)
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(20)
  licensePlate?: string | null;
  @ApiClearableProperty(String, { example: 'CA' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(60)
  licenseRegion?: string | null;

  @ApiClearableProperty(String, { format: 'date', example: '2021-06-30' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be a date as YYYY-MM-DD' })
  purchaseDate?: string | null;

  @ApiClearableProperty(Number, { example: 18500 })
  @IsOptional()
  @NumberWithDecimals(2, 'must be an amount with at most 2 decimals')
  @Min(0)
  @Max(9_999_999_999)
  purchasePrice?: number | null;

  @ApiPropertyOptional({ enum: odometerUnits, description: "Defaults to the user's distance unit" })
  @Omittable()
  @IsIn(odometerUnits)
  odometerUnit?: OdometerUnit;

  @ApiPropertyOptional({ example: 12000, default: 0 })
  @Omittable()
  @NumberWithDecimals(1, 'must be a distance with at most 1 decimal')
  @Min(0)
  @Max(999_999_999)
  initialOdometer?: number;

  @ApiPropertyOptional({ enum: fuelTypes, isArray: true })
  @Omittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(fuelTypes, { each: true })
  fuelTypes?: FuelType[];

  @ApiClearableProperty(Number, { example: 56 })
  @IsOptional()
  @NumberWithDecimals(2)
  @Min(0.1)
  @Max(99_999)
  tankCapacity?: number | null;

  @ApiPropertyOptional({ enum: tankCapacityUnits, nullable: true })
  @IsOptional()
  @IsIn(tankCapacityUnits)
  tankCapacityUnit?: TankCapacityUnit | null;

  @ApiPropertyOptional({ enum: vehicleStatuses, default: 'active' })
  @Omittable()
  @IsIn(vehicleStatuses)
  status?: VehicleStatus;

  @ApiClearableProperty(String) @IsOptional() @IsString() @MaxLength(4000) notes?: string | null;
}

export class CatalogIdsDto {
  @ApiProperty({ nullable: true, type: Number }) makeId: number | null;
  @ApiProperty({ nullable: true, type: Number }) modelId: number | null;
  @ApiProperty({ nullable: true, type: Number }) trimId: number | null;
  @ApiProperty({ nullable: true, type: Number }) engineId: number | null;
}

export class VehicleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) vin: string | null;
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty() make: string;
  @ApiProperty() model: string;
  @ApiProperty({ nullable: true, type: String }) trim: string | null;
  @ApiProperty({ nullable: true, type: String }) engine: string | null;
  @ApiProperty({ type: CatalogIdsDto }) catalog: CatalogIdsDto;
  @ApiProperty({ enum: vehicleTypes, nullable: true }) vehicleType: VehicleType | null;
  @ApiProperty({ nullable: true, type: String }) nickname: string | null;
  @ApiProperty({ description: 'The nickname, else "year make model"' }) displayName: string;
  @ApiProperty({ nullable: true, type: String }) color: string | null;
  @ApiProperty({ nullable: true, type: String }) licensePlate: string | null;
  @ApiProperty({ nullable: true, type: String }) licenseRegion: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) purchaseDate: string | null;
  @ApiProperty({ nullable: true, type: Number }) purchasePrice: number | null;
  @ApiProperty({ enum: odometerUnits }) odometerUnit: OdometerUnit;
  @ApiProperty() initialOdometer: number;
  @ApiProperty({ description: 'The highest reading the product knows, in odometerUnit' }) currentOdometer: number;
  @ApiProperty({ enum: fuelTypes, isArray: true }) fuelTypes: FuelType[];
  @ApiProperty({ nullable: true, type: Number }) tankCapacity: number | null;
  @ApiProperty({ enum: tankCapacityUnits, nullable: true }) tankCapacityUnit: TankCapacityUnit | null;
  @ApiProperty({ enum: vehicleStatuses }) status: VehicleStatus;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class VehiclePageDto {
  @ApiProperty({ type: [VehicleDto] }) items: VehicleDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export function toVehicleDto(vehicle: VehicleEntity): VehicleDto {
  const {
    catalogMakeId,
    catalogModelId,
    catalogTrimId,
    catalogEngineId,
    userId: _userId,
    deletedAt: _deletedAt,
    ...rest
  } = vehicle;
  return {
    ...rest,
    catalog: { makeId: catalogMakeId, modelId: catalogModelId, trimId: catalogTrimId, engineId: catalogEngineId },
    displayName: displayNameOf(vehicle),
    createdAt: vehicle.createdAt.toISOString(),
    updatedAt: vehicle.updatedAt.toISOString(),
  };
}

export function rowToVehicleDto(row: VehicleRow): VehicleDto {
  return {
    id: row.id,
    vin: row.vin,
    year: row.year,
    make: row.make,
    model: row.model,
    trim: row.trim,
    engine: row.engine,
    catalog: {
      makeId: row.catalog_make_id,
      modelId: row.catalog_model_id,
      trimId: row.catalog_trim_id,
      engineId: row.catalog_engine_id,
    },
    vehicleType: row.vehicle_type as VehicleType | null,
    nickname: row.nickname,
    displayName: displayNameOf(row),
    color: row.color,
    licensePlate: row.license_plate,
    licenseRegion: row.license_region,
    purchaseDate: row.purchase_date,
    purchasePrice: row.purchase_price,
    odometerUnit: row.odometer_unit as OdometerUnit,
    initialOdometer: row.initial_odometer,
    currentOdometer: row.current_odometer,
    fuelTypes: row.fuel_types as FuelType[],
    tankCapacity: row.tank_capacity,
    tankCapacityUnit: row.tank_capacity_unit as TankCapacityUnit | null,
    status: row.status as VehicleStatus,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
