import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HealthChecks } from '../health/health.service';

export class FieldErrorDto {
  @ApiProperty({
    example: 'odometer',
    description: 'The field, nested ones as dotted paths (`address.city`, `tags.0`)',
  })
  field: string;
  @ApiProperty({ example: 'must not be less than 0' }) message: string;
}

/**
 * A neighbouring reading named by an odometer that would go backwards along date order. A fill-up is
 * checked against fill-ups (`filledAt`); a maintenance record against every reading of the vehicle
 * (`source`, `recordedAt`, `day`).
 */
export class OdometerNeighbourDto {
  @ApiProperty({ format: 'uuid', description: 'The record that reported it (the vehicle, for its initial reading)' })
  id: string;
  @ApiProperty({ description: "In the vehicle's odometer unit" }) odometer: number;
  @ApiPropertyOptional({ format: 'date-time', description: 'A fill-up: when it was filled' }) filledAt?: string;
  @ApiPropertyOptional({ example: 'fuel_log', description: 'What reported it: `initial`, `fuel_log`, `maintenance`' })
  source?: string;
  @ApiPropertyOptional({ format: 'date-time' }) recordedAt?: string;
  @ApiPropertyOptional({ format: 'date', description: 'The day it was read, in your time zone' }) day?: string;
}

/**
 * RFC 9457 problem details: the body of every 4xx and 5xx answer (`ProblemDetailsFilter` in
 * libs/common), with every extension member the API sends. One schema for all of them, so a
 * client reads any error the same way.
 */
export class ProblemDetailsDto {
  @ApiProperty({
    example: 'urn:motovaultpro:problem:validation',
    description: 'A URN of docs/errors.md, or `about:blank` for a plain HTTP status',
  })
  type: string;
  @ApiProperty({ example: 'Invalid request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'Check the field: odometer.', description: 'What went wrong this time, for a person' })
  detail: string;
  @ApiProperty({ example: '/api/fuel-logs', description: 'The path that was requested' }) instance: string;
  @ApiProperty({ description: 'Also in the `x-request-id` header; quote it when reporting a problem' })
  requestId: string;
  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'Validation problems: one entry per field and rule' })
  errors?: FieldErrorDto[];
  @ApiPropertyOptional({
    enum: ['length', 'characters', 'check_digit'],
    description: 'An invalid VIN: which check failed',
  })
  vinProblem?: 'length' | 'characters' | 'check_digit';
  @ApiPropertyOptional({ example: '3', description: 'An invalid VIN check digit: the digit expected' })
  expectedCheckDigit?: string;
  @ApiPropertyOptional({ type: OdometerNeighbourDto, description: 'Odometer out of order: the reading before' })
  previous?: OdometerNeighbourDto;
  @ApiPropertyOptional({ type: OdometerNeighbourDto, description: 'Odometer out of order: the reading after' })
  next?: OdometerNeighbourDto;
  @ApiPropertyOptional({ type: HealthChecks, description: 'Health (503): the state of each dependency' })
  checks?: HealthChecks;
}
