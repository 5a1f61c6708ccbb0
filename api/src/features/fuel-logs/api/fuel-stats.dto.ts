import { ApiProperty } from '@nestjs/swagger';
import type {
  AllFuelStatsReport,
  FuelStatsMonth,
  FuelStatsReport,
  VehicleFuelStatsReport,
} from '../domain/fuel-stats-report';
import { EconomyDto } from './fuel-logs.dto';

export class FuelStatsMonthDto implements FuelStatsMonth {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() cost: number;
  @ApiProperty() fuelUsed: number;
  @ApiProperty() distance: number;
  @ApiProperty({ nullable: true, type: EconomyDto }) economy: EconomyDto | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 1.729,
    description:
      "Currency per fuelUnit paid in the month: its fill-ups' cost over their quantity (a big fill weighs more than a top-up); null when none has a quantity",
  })
  pricePerUnit: number | null;
}

/** A vehicle's fuel statistics in the user's units (`distanceUnit`, `fuelUnit`) and currency. */
export class FuelStatsDto implements FuelStatsReport {
  @ApiProperty({ nullable: true, type: EconomyDto, description: 'Total distance of closed windows over their fuel' })
  averageEconomy: EconomyDto | null;
  @ApiProperty({ nullable: true, type: EconomyDto }) lastEconomy: EconomyDto | null;
  @ApiProperty({ nullable: true, type: EconomyDto }) bestEconomy: EconomyDto | null;
  @ApiProperty({ nullable: true, type: EconomyDto }) worstEconomy: EconomyDto | null;
  @ApiProperty() currency: string;
  @ApiProperty() totalCost: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Currency per distanceUnit' }) costPerDistance:
    number | null;
  @ApiProperty() distance: number;
  @ApiProperty({ enum: ['mi', 'km'] }) distanceUnit: 'mi' | 'km';
  @ApiProperty() fuelUsed: number;
  @ApiProperty({ enum: ['l', 'gal_us', 'gal_uk', 'kwh'] }) fuelUnit: 'l' | 'gal_us' | 'gal_uk' | 'kwh';
  @ApiProperty({
    type: [FuelStatsMonthDto],
    description: 'Months with a fill-up, in order (calendar months of your time zone): spending, economy and price',
  })
  months: FuelStatsMonthDto[];
}

export class VehicleFuelStatsDto extends FuelStatsDto implements VehicleFuelStatsReport {
  @ApiProperty({ format: 'uuid' }) vehicleId: string;
  @ApiProperty() displayName: string;
}

export class AllFuelStatsMonthDto {
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty() cost: number;
}

/** Every vehicle's statistics, and the spending they add up to. */
export class AllFuelStatsDto implements AllFuelStatsReport {
  @ApiProperty() currency: string;
  @ApiProperty() totalCost: number;
  @ApiProperty({ type: [AllFuelStatsMonthDto] }) months: AllFuelStatsMonthDto[];
  @ApiProperty({ type: [VehicleFuelStatsDto] }) vehicles: VehicleFuelStatsDto[];
}
