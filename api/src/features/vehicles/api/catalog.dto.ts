import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  CatalogEngine,
  CatalogMake,
  CatalogModel,
  CatalogTrim,
  CatalogVehicleType,
  CatalogRef,
  DecodedEngine,
  VinDecodeResult,
} from '@mvp/platform-contract';
import { Type } from 'class-transformer';
import { FuelType, fuelTypes } from '../data/vehicle.entity';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const catalogVehicleTypes: CatalogVehicleType[] = ['car', 'mpv', 'truck', 'motorcycle'];

export class CatalogYearQuery {
  @ApiProperty({ example: 2020 })
  @Type(() => Number)
  @IsInt({ message: 'must be a whole year' })
  @Min(1981, { message: 'must be 1981 or later' })
  @Max(2100, { message: 'must be 2100 or earlier' })
  year: number;
}

export class CatalogModelsQuery extends CatalogYearQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) makeId: number;
}

export class CatalogTrimsQuery extends CatalogYearQuery {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) modelId: number;
}

export class CatalogEnginesQuery extends CatalogTrimsQuery {
  @ApiPropertyOptional({ description: 'Narrow to the engines this trim comes with, when the catalog knows' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  trimId?: number;
}

export class CatalogMakeDto implements CatalogMake {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'Honda' }) name: string;
}

export class CatalogModelDto implements CatalogModel {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'Accord' }) name: string;
  @ApiProperty({ enum: catalogVehicleTypes }) vehicleType: CatalogVehicleType;
}

export class CatalogTrimDto implements CatalogTrim {
  @ApiProperty() id: number;
  @ApiProperty({ example: 'EX-L' }) name: string;
}

export class CatalogEngineDto implements CatalogEngine {
  @ApiProperty() id: number;
  @ApiProperty({ example: '1.5L 4-cyl Gasoline 192 hp' }) name: string;
  @ApiProperty({ nullable: true, type: Number }) displacementL: number | null;
  @ApiProperty({ nullable: true, type: Number }) cylinders: number | null;
  @ApiProperty({ nullable: true, type: String }) fuelType: string | null;
  @ApiProperty({ nullable: true, type: Number }) powerHp: number | null;
  @ApiProperty({ enum: fuelTypes, isArray: true, description: 'fuelType as the vehicle fuel types it means' })
  fuelTypes: FuelType[];
}

export class CatalogRefDto implements CatalogRef {
  @ApiProperty({ nullable: true, type: Number, description: 'The catalog id, when the catalog has it' }) id:
    number | null;
  @ApiProperty() name: string;
}

export class DecodedEngineDto implements DecodedEngine {
  @ApiProperty({ nullable: true, type: Number }) id: number | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: Number }) displacementL: number | null;
  @ApiProperty({ nullable: true, type: Number }) cylinders: number | null;
  @ApiProperty({ nullable: true, type: String }) fuelType: string | null;
  @ApiProperty({ nullable: true, type: Number }) powerHp: number | null;
  @ApiProperty({ nullable: true, type: String }) model: string | null;
}

export class VinDecodeDto implements VinDecodeResult {
  @ApiProperty({ example: '1HGCM82633A004352' }) vin: string;
  @ApiProperty({ nullable: true, type: Number }) modelYear: number | null;
  @ApiProperty({ nullable: true, type: CatalogRefDto }) make: CatalogRefDto | null;
  @ApiProperty({ nullable: true, type: CatalogRefDto }) model: CatalogRefDto | null;
  @ApiProperty({ nullable: true, type: CatalogRefDto }) trim: CatalogRefDto | null;
  @ApiProperty({ nullable: true, type: String }) series: string | null;
  @ApiProperty({ nullable: true, type: String }) bodyClass: string | null;
  @ApiProperty({ nullable: true, enum: catalogVehicleTypes }) vehicleType: CatalogVehicleType | null;
  @ApiProperty({ nullable: true, type: String }) vpicVehicleType: string | null;
  @ApiProperty({ nullable: true, type: DecodedEngineDto }) engine: DecodedEngineDto | null;
  @ApiProperty({ nullable: true, type: String }) fuelType: string | null;
  @ApiProperty({ nullable: true, type: String }) driveType: string | null;
  @ApiProperty({ nullable: true, type: String }) transmission: string | null;
  @ApiProperty({ nullable: true, type: String }) manufacturer: string | null;
  @ApiProperty({ nullable: true, type: String }) plantCountry: string | null;
  @ApiProperty({ enum: fuelTypes, isArray: true, description: 'fuelType (else the engine’s) as vehicle fuel types' })
  fuelTypes: FuelType[];
  @ApiProperty({ type: [String] }) notes: string[];
}
