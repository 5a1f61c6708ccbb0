import type { PlatformError, PlatformErrorCode } from '../contract';

/** A refusal the platform answers with over TCP (as a `PlatformError`) and over HTTP (as a problem). */
export class PlatformFault extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    readonly details: Omit<PlatformError, 'code' | 'message'> = {},
  ) {
    super(message);
  }

  toPlatformError(): PlatformError {
    return { code: this.code, message: this.message, ...this.details };
  }
}
