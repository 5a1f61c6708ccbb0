import { Inject, Injectable } from '@nestjs/common';
import { checkVin, VinDecodeResult } from '../contract';
import { CatalogCache } from '../catalog/catalog-cache';
import { CatalogVersion } from '../catalog/catalog-version';
import { PlatformFault } from '../core/platform-fault';
import { PLATFORM_RUNTIME, PlatformRuntime } from '../core/runtime';
import { VinDecoder, vinPatternKey } from './vin-decoder';

/** Checks a VIN, then decodes it; results are cached under the VIN's pattern part, not the VIN. */
@Injectable()
export class VinService {
  private readonly decoder: VinDecoder;

  constructor(
    @Inject(PLATFORM_RUNTIME) runtime: PlatformRuntime,
    private readonly cache: CatalogCache,
    version: CatalogVersion,
  ) {
    this.decoder = new VinDecoder(runtime.pool);
    version.onChange(() => this.decoder.clearCaches());
  }

  async decode(input: unknown): Promise<VinDecodeResult> {
    if (typeof input !== 'string') {
      throw new PlatformFault('invalid', 'Send the VIN as text', {
        errors: [{ field: 'vin', message: 'is required' }],
      });
    }
    const check = checkVin(input);
    if (!check.valid) {
      throw new PlatformFault('invalid', check.message, {
        errors: [{ field: 'vin', message: check.message }],
        vinProblem: check.problem,
        ...(check.expectedCheckDigit ? { expectedCheckDigit: check.expectedCheckDigit } : {}),
      });
    }
    const decoded = await this.cache.through(['vin', vinPatternKey(check.vin)], () => this.decoder.decode(check.vin));
    return { ...decoded, vin: check.vin };
  }
}
