import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsISO8601,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

/** Trims text, makes inner runs of white space one space, and turns "" into null, so a cleared form field clears the value. */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') || null : value));

/**
 * A finite number written with at most `places` decimals. class-validator's `IsNumber({ maxDecimalPlaces })`
 * throws on a number whose text has no point, such as 1e-7, which turned hostile input into a 500.
 */
export const hasAtMostDecimals = (value: unknown, places: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Number(value.toFixed(places)) === value;

export const NumberWithDecimals = (
  places: number,
  message = `must be a number with at most ${places} decimals`,
): PropertyDecorator =>
  ValidateBy(
    { name: 'numberWithDecimals', validator: { validate: (value) => hasAtMostDecimals(value, places) } },
    {
      message,
    },
  );

/** A number from 0 to `max` with at most `places` decimals: money, quantities, odometer values. */
export const Amount = (places: number, max: number): PropertyDecorator =>
  applyDecorators(NumberWithDecimals(places), Min(0), Max(max));

/**
 * An optional field that may be left out but never sent as null (`IsOptional` lets null through,
 * which would reach a not-null column): null is validated, and refused, like any other value.
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/** A record's free tags: up to 20, each up to 40 characters (documented and validated together). */
export const Tags = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems: 20 }),
    IsArray(),
    ArrayMaxSize(20),
    IsString({ each: true }),
    MaxLength(40, { each: true }),
  );

/** A money amount's currency, ISO 4217; left out, the user's. */
export const CurrencyCode = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ example: 'USD', description: "ISO 4217; defaults to the user's currency" }),
    Matches(/^[A-Z]{3}$/, { message: 'must be a three-letter ISO 4217 code such as USD' }),
  );

/** A calendar day, 'YYYY-MM-DD', that exists (no 2026-02-30). */
export const calendarDay = (): PropertyDecorator =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: 'must be a real date written YYYY-MM-DD' }),
  );
