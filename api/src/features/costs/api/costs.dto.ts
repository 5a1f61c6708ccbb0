import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { calendarDay } from '../../../core/validation/form-fields';
import type { DayRange } from '../domain/calendar-months';
import type {
  AllCostsReport,
  CostsReport,
  MonthCostsReport,
  OtherCurrencyReport,
  PeriodCostsReport,
  VehicleCostsReport,
  YearCostsReport,
} from '../domain/costs-report';

/** A calendar day, 'YYYY-MM-DD', that exists (no 2026-02-30). */
/** Half-open, as every range in the app: from <= day < to, days of the user's time zone. */
export class CostsQueryDto implements DayRange {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description: "Costs on or after this day (of your time zone); the purchase when it's dated on or after it",
  })
  @IsOptional()
  @calendarDay()
  from?: string;
  @ApiPropertyOptional({ format: 'date', example: '2027-01-01', description: 'Costs before this day (not on it)' })
  @IsOptional()
  @calendarDay()
  to?: string;
}

export class PeriodCostsDto implements PeriodCostsReport {
  @ApiProperty({ description: 'Fill-ups in your currency', example: 212.4 }) fuel: number;
  @ApiProperty({ description: 'Maintenance records with a total, in your currency', example: 83.2 }) service: number;
  @ApiProperty({ description: "The vehicle's purchase price, in the month of its purchase date", example: 0 })
  purchase: number;
  @ApiProperty({ description: 'fuel + service + purchase', example: 295.6 }) total: number;
  @ApiProperty({ description: 'Driven in the period, from odometer readings, in distanceUnit', example: 1240.5 })
  distance: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Running costs (fuel + service, not the purchase) per distanceUnit; null without distance',
    example: 0.238,
  })
  costPerDistance: number | null;
}

export class MonthCostsDto extends PeriodCostsDto implements MonthCostsReport {
  @ApiProperty({ example: '2026-03', description: 'Calendar month in your time zone' }) month: string;
}

export class YearCostsDto extends PeriodCostsDto implements YearCostsReport {
  @ApiProperty({ example: 2026 }) year: number;
}

export class OtherCurrencyCostsDto implements OtherCurrencyReport {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty() fuel: number;
  @ApiProperty() service: number;
  @ApiProperty({ description: 'fuel + service, in this currency' }) total: number;
}

/** Cost of ownership over a range, in the user's currency; amounts in other currencies apart. */
export class CostsDto implements CostsReport {
  @ApiProperty({ example: 'USD', description: 'Your currency: every amount outside otherCurrencies is in it' })
  currency: string;
  @ApiProperty({ enum: ['mi', 'km'] }) distanceUnit: 'mi' | 'km';
  @ApiProperty({ nullable: true, type: String, format: 'date' }) from: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) to: string | null;
  @ApiProperty({ type: PeriodCostsDto }) total: PeriodCostsDto;
  @ApiProperty({
    type: [MonthCostsDto],
    description: 'Months in order that hold a cost or a distance; months between them cost nothing',
  })
  months: MonthCostsDto[];
  @ApiProperty({ type: [YearCostsDto] }) years: YearCostsDto[];
  @ApiProperty({
    type: [OtherCurrencyCostsDto],
    description: 'Fill-ups and records in other currencies: not converted (no rates), so not in the sums above',
  })
  otherCurrencies: OtherCurrencyCostsDto[];
}

/** One vehicle's costs; `distanceUnit` is its odometer unit. */
export class VehicleCostsDto extends CostsDto implements VehicleCostsReport {
  @ApiProperty({ format: 'uuid' }) vehicleId: string;
  @ApiProperty() displayName: string;
}

/** All your vehicles' costs as one (distance in your unit), and each vehicle with costs in the range. */
export class AllCostsDto extends CostsDto implements AllCostsReport {
  @ApiProperty({ type: [VehicleCostsDto] }) vehicles: VehicleCostsDto[];
}
