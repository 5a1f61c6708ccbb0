import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNumber, Max, Min, ValidateIf } from 'class-validator';

/** Trims text, makes inner runs of white space one space, and turns "" into null, so a cleared form field clears the value. */
export const Trimmed = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') || null : value));

/** A number from 0 to `max` with at most `places` decimals: money, quantities, odometer values. */
export const Amount = (places: number, max: number): PropertyDecorator =>
  applyDecorators(
    IsNumber({ maxDecimalPlaces: places }, { message: `must be a number with at most ${places} decimals` }),
    Min(0),
    Max(max),
  );

/**
 * An optional field that may be left out but never sent as null (`IsOptional` lets null through,
 * which would reach a not-null column): null is validated, and refused, like any other value.
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
