import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsTimeZone, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApiClearableProperty } from '../../openapi/clearable-property';
import { Amount, Omittable } from '../../validation/form-fields';
import {
  DistanceUnit,
  distanceUnits,
  EconomyUnit,
  economyUnits,
  UserEntity,
  VolumeUnit,
  volumeUnits,
} from './user.entity';

export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: distanceUnits }) distanceUnit: DistanceUnit;
  @ApiProperty({ enum: volumeUnits }) volumeUnit: VolumeUnit;
  @ApiProperty({ enum: economyUnits }) economyUnit: EconomyUnit;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ example: 'en-US' }) locale: string;
  @ApiProperty({ example: 'America/Chicago' }) timeZone: string;
  @ApiProperty({ description: 'A reminder this many days from its due date, or nearer, is due soon', example: 30 })
  dueSoonDays: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'A reminder this near its due odometer, in `distanceUnit`, is due soon; null: 500 mi or 800 km',
  })
  dueSoonDistance: number | null;
  @ApiProperty({ description: 'true for accounts of the embedded sign-in (email and password)' }) localAccount: boolean;
}

export class UpdateMeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 80) displayName?: string;
  @ApiPropertyOptional({ enum: distanceUnits }) @IsOptional() @IsIn(distanceUnits) distanceUnit?: DistanceUnit;
  @ApiPropertyOptional({ enum: volumeUnits }) @IsOptional() @IsIn(volumeUnits) volumeUnit?: VolumeUnit;
  @ApiPropertyOptional({ enum: economyUnits }) @IsOptional() @IsIn(economyUnits) economyUnit?: EconomyUnit;
  @ApiPropertyOptional({ example: 'EUR', description: 'ISO 4217 code' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 code such as USD' })
  currency?: string;
  @ApiPropertyOptional({ example: 'de-DE', description: 'BCP 47 language tag' })
  @IsOptional()
  @MaxLength(35)
  @Matches(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'must be a language tag such as en-US' })
  locale?: string;
  @ApiPropertyOptional({ example: 'Europe/Berlin', description: 'IANA time zone' })
  @IsOptional()
  @IsTimeZone({ message: 'must be an IANA time zone such as Europe/Berlin' })
  timeZone?: string;
  @ApiPropertyOptional({ example: 30, description: 'Days before a due date that a reminder turns due soon (0 to 365)' })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(365)
  dueSoonDays?: number;
  @ApiClearableProperty(Number, {
    example: 500,
    description: 'Distance before a due odometer that a reminder turns due soon, in `distanceUnit`; null: the default',
  })
  @IsOptional()
  @Amount(1, 100_000)
  dueSoonDistance?: number | null;
}

export function toMeDto(user: UserEntity, localAccount: boolean): MeDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    distanceUnit: user.distanceUnit,
    volumeUnit: user.volumeUnit,
    economyUnit: user.economyUnit,
    currency: user.currency,
    locale: user.locale,
    timeZone: user.timeZone,
    dueSoonDays: user.dueSoonDays,
    dueSoonDistance: user.dueSoonDistance,
    localAccount,
  };
}
