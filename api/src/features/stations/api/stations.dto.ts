import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../../core/identity/scoping/page-query.dto';
import { ApiClearableProperty } from '../../../core/openapi/clearable-property';
import { CurrencyCode, NumberWithDecimals, Omittable, Trimmed } from '../../../core/validation/form-fields';
import { StationEntity, StationOrigin, stationOrigins } from '../data/station.entity';
import type { SearchedStation, StationSearch } from '../domain/station-search.service';
import type { CheapestStations, StationPriceReport } from '../domain/station-prices.service';
import type { GradePrices, PricePoint, PriceUnit } from '../domain/station-prices';
import type { NewStation, PlacedStation, StationFields } from '../domain/station-fields';
import type { StationKind, StationsProviderName } from '../external/stations-provider';

const stationKinds: StationKind[] = ['fuel', 'charging', 'any'];
const priceUnits: PriceUnit[] = ['l', 'gal_us', 'gal_uk', 'kwh'];
const asBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

const coordinate =
  (name: string, limit: number): PropertyDecorator =>
  (target, key) => {
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: `must be a ${name}` })(target, key);
    Min(-limit)(target, key);
    Max(limit)(target, key);
  };
const Latitude = () => coordinate('latitude', 90);
const Longitude = () => coordinate('longitude', 180);
/** Query parameters arrive as text. */
const Numeric = () => Type(() => Number);
const Radius =
  (max: number): PropertyDecorator =>
  (target, key) => {
    Numeric()(target, key);
    NumberWithDecimals(0, 'must be whole metres')(target, key);
    Min(100)(target, key);
    Max(max)(target, key);
  };

export class StationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'With lng: nearest first, each with its distance' })
  @IsOptional()
  @Numeric()
  @Latitude()
  lat?: number;
  @ApiPropertyOptional() @IsOptional() @Numeric() @Longitude() lng?: number;
  @ApiPropertyOptional({ description: 'Only favorites (true) or only the others (false)' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  favorite?: boolean;
  @ApiPropertyOptional({ description: 'Part of the name, brand or address' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  q?: string;
}

export class StationSearchQueryDto {
  @ApiPropertyOptional({ description: 'Where you are: search around it, or measure distances from it' })
  @IsOptional()
  @Numeric()
  @Latitude()
  lat?: number;
  @ApiPropertyOptional() @IsOptional() @Numeric() @Longitude() lng?: number;
  @ApiPropertyOptional({ description: 'Metres (default 5000)', minimum: 100, maximum: 50_000 })
  @IsOptional()
  @Radius(50_000)
  radius?: number;
  @ApiPropertyOptional({ description: 'A place name, address or postcode', example: '10115 Berlin' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  query?: string;
  @ApiPropertyOptional({ enum: stationKinds, default: 'any', description: 'fuel pumps, chargers, or both' })
  @IsOptional()
  @IsIn(stationKinds)
  fuel?: StationKind;
}

export class CheapestQueryDto {
  @ApiProperty() @Numeric() @Latitude() lat: number;
  @ApiProperty() @Numeric() @Longitude() lng: number;
  @ApiPropertyOptional({ description: 'Metres (default 10000)', minimum: 100, maximum: 200_000 })
  @IsOptional()
  @Radius(200_000)
  radius?: number;
  @ApiPropertyOptional({ description: 'Default: the grade you buy most often', example: '91' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(40)
  grade?: string;
  @ApiPropertyOptional({ description: 'Default: your currency' }) @IsOptional() @CurrencyCode() currency?: string;
}

/** A station's fields as a form sends them; null clears an optional one. */
export class StationFieldsDto implements StationFields {
  @ApiPropertyOptional({ example: 'Shell Alexanderplatz' })
  @Omittable()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;
  @ApiClearableProperty(String, { example: 'Shell' }) @IsOptional() @Trimmed() @IsString() @MaxLength(120) brand?:
    string | null;
  @ApiClearableProperty(String) @IsOptional() @Trimmed() @IsString() @MaxLength(300) address?: string | null;
  @ApiClearableProperty(Number, { minimum: -90, maximum: 90 }) @IsOptional() @Latitude() latitude?: number | null;
  @ApiClearableProperty(Number, { minimum: -180, maximum: 180 }) @IsOptional() @Longitude() longitude?: number | null;
  @ApiPropertyOptional({ type: [String], example: ['diesel', 'octane_95'] })
  @Omittable()
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  @ArrayMaxSize(20)
  fuelTypes?: string[];
  @ApiPropertyOptional() @Omittable() @IsBoolean() isFavorite?: boolean;
  @ApiClearableProperty(String) @IsOptional() @IsString() @MaxLength(2000) notes?: string | null;
}

export class NewStationDto extends StationFieldsDto implements NewStation {
  @ApiPropertyOptional({
    enum: stationOrigins,
    default: 'manual',
    description: "A search result's provider; manual for a station named by hand",
  })
  @Omittable()
  @IsIn(stationOrigins)
  provider?: StationOrigin;
  @ApiPropertyOptional({ description: "The search result's providerId (with provider osm or google)" })
  @Omittable()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  providerId?: string;
  @ApiProperty({ required: true }) override name: string;
}

export class StationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: stationOrigins }) provider: StationOrigin;
  @ApiProperty({ nullable: true, type: String }) providerId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) brand: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: Number }) latitude: number | null;
  @ApiProperty({ nullable: true, type: Number }) longitude: number | null;
  @ApiProperty({ type: [String] }) fuelTypes: string[];
  @ApiProperty() isFavorite: boolean;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Metres from the point asked about, when both are known' })
  distance: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class StationPageDto {
  @ApiProperty({ type: [StationDto] }) items: StationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class SearchedStationDto implements SearchedStation {
  @ApiProperty({ enum: ['osm', 'google'] }) provider: StationsProviderName;
  @ApiProperty() providerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) brand: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty() latitude: number;
  @ApiProperty() longitude: number;
  @ApiProperty({ description: 'Metres' }) distance: number;
  @ApiPropertyOptional({ type: [String], description: 'Fuels sold, or electric; when the provider says' })
  fuelTypes?: string[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Your saved station, if you saved it' })
  stationId: string | null;
  @ApiProperty() isFavorite: boolean;
}

export class StationSearchDto implements StationSearch {
  @ApiProperty({ enum: ['osm', 'google'] }) provider: StationsProviderName;
  @ApiProperty({ type: [SearchedStationDto], description: 'Nearest first' }) items: SearchedStationDto[];
}

export class PriceAtDto {
  @ApiProperty() price: number;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class GradePricesDto {
  @ApiProperty({ example: '91' }) grade: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ enum: priceUnits, description: 'Prices are per this unit' }) unit: PriceUnit;
  @ApiProperty({ type: PriceAtDto }) last: PriceAtDto;
  @ApiProperty({ type: PriceAtDto }) lowest: PriceAtDto;
  @ApiProperty({ description: 'All paid over all bought' }) average: number;
  @ApiProperty() fillUps: number;
}

export class StationPricePointDto {
  @ApiProperty({ format: 'date-time' }) filledAt: string;
  @ApiProperty() grade: string;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: priceUnits }) unit: PriceUnit;
  @ApiProperty() price: number;
}

export class StationPricesDto {
  @ApiProperty({ type: [GradePricesDto], description: 'The grade bought most often first' }) grades: GradePricesDto[];
  @ApiProperty({ type: [StationPricePointDto], description: 'Every fill-up there, oldest first' })
  history: StationPricePointDto[];
}

export class CheapestStationDto {
  @ApiProperty({ type: StationDto }) station: StationDto;
  @ApiProperty({ type: GradePricesDto }) prices: GradePricesDto;
}

export class CheapestStationsDto {
  @ApiProperty({ nullable: true, type: String, description: 'As asked, or the grade you buy most often' })
  grade: string | null;
  @ApiProperty() currency: string;
  @ApiProperty({ nullable: true, enum: priceUnits }) unit: PriceUnit | null;
  @ApiProperty({ type: [CheapestStationDto], description: 'Cheapest last price first, then nearest' })
  items: CheapestStationDto[];
}

export class MapSettingsDto {
  @ApiProperty({ example: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' }) tileUrl: string;
  @ApiProperty({ example: '© OpenStreetMap contributors' }) attribution: string;
}

export function toStationDto({ station, distance }: PlacedStation): StationDto {
  const { userId: _userId, deletedAt: _deletedAt, ...rest } = station;
  return {
    ...rest,
    distance,
    createdAt: station.createdAt.toISOString(),
    updatedAt: station.updatedAt.toISOString(),
  };
}

export const unplaced = (station: StationEntity): PlacedStation => ({ station, distance: null });

function toGradePricesDto({ stationId: _stationId, last, lowest, ...rest }: GradePrices): GradePricesDto {
  return {
    ...rest,
    last: { price: last.price, at: last.at.toISOString() },
    lowest: { price: lowest.price, at: lowest.at.toISOString() },
  };
}

export function toStationPricesDto(report: StationPriceReport): StationPricesDto {
  return {
    grades: report.grades.map(toGradePricesDto),
    history: report.history.map(({ filledAt, grade, currency, unit, price }: PricePoint) => ({
      filledAt: filledAt.toISOString(),
      grade,
      currency,
      unit,
      price,
    })),
  };
}

export function toCheapestStationsDto(cheapest: CheapestStations): CheapestStationsDto {
  return {
    ...cheapest,
    items: cheapest.items.map(({ station, prices }) => ({
      station: toStationDto(station),
      prices: toGradePricesDto(prices),
    })),
  };
}
