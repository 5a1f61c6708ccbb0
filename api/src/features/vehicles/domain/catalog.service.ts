import { HttpStatus, Injectable } from '@nestjs/common';
import { ProblemException, problemTypes } from '@mvp/common';
import {
  CatalogEngine,
  CatalogMake,
  CatalogModel,
  CatalogTrim,
  checkVin,
  EnginesQuery,
  MakesQuery,
  ModelsQuery,
  platformPatterns,
  TrimsQuery,
  VinDecodeResult,
} from '@mvp/platform-contract';
import { PlatformClient } from '../external/platform.client';

/** Catalog lookups and VIN decoding, answered by the platform service. */
@Injectable()
export class CatalogService {
  constructor(private readonly platform: PlatformClient) {}

  years(): Promise<number[]> {
    return this.platform.send(platformPatterns.years, {});
  }

  makes(query: MakesQuery): Promise<CatalogMake[]> {
    return this.platform.send(platformPatterns.makes, { year: query.year });
  }

  models(query: ModelsQuery): Promise<CatalogModel[]> {
    return this.platform.send(platformPatterns.models, { year: query.year, makeId: query.makeId });
  }

  trims(query: TrimsQuery): Promise<CatalogTrim[]> {
    return this.platform.send(platformPatterns.trims, { year: query.year, modelId: query.modelId });
  }

  engines(query: EnginesQuery): Promise<CatalogEngine[]> {
    const { year, modelId, trimId } = query;
    return this.platform.send(platformPatterns.engines, { year, modelId, ...(trimId ? { trimId } : {}) });
  }

  /** A malformed VIN is refused here, without a round trip to the platform. */
  decodeVin(input: string): Promise<VinDecodeResult> {
    const check = checkVin(input);
    if (!check.valid) throw invalidVin(check);
    return this.platform.send(platformPatterns.vinDecode, { vin: check.vin });
  }
}

export function invalidVin(
  check: Extract<ReturnType<typeof checkVin>, { valid: false }>,
  field = 'vin',
): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, {
    type: problemTypes.validation,
    title: 'Invalid VIN',
    detail: check.message,
    errors: [{ field, message: check.message }],
    vinProblem: check.problem,
    ...(check.expectedCheckDigit ? { expectedCheckDigit: check.expectedCheckDigit } : {}),
  });
}
