/**
 * The platform's TCP contract: every message pattern with its payload and result types.
 * The platform owns it; the API imports it as `@mvp/platform-contract`.
 */
export * from './catalog';
export * from './vin';
export * from './vin-decode';

export const platformPatterns = {
  years: 'catalog.years',
  makes: 'catalog.makes',
  models: 'catalog.models',
  trims: 'catalog.trims',
  engines: 'catalog.engines',
  vinDecode: 'vin.decode',
} as const;

export type PlatformPattern = (typeof platformPatterns)[keyof typeof platformPatterns];

/** Every TCP message: the platform API key beside the payload. */
export interface PlatformMessage<Payload> {
  apiKey: string;
  payload: Payload;
}

/**
 * How the platform refuses a message. `unauthorized` (wrong or missing key) is a configuration
 * fault of the caller, never the same as `not_found`.
 */
export const platformErrorCodes = ['unauthorized', 'invalid', 'not_found', 'unavailable'] as const;
export type PlatformErrorCode = (typeof platformErrorCodes)[number];

export interface PlatformError {
  code: PlatformErrorCode;
  message: string;
  /** For `invalid`: the field and what is wrong with it. */
  errors?: { field: string; message: string }[];
  /** For an invalid VIN: which check failed and, for a check digit, the digit expected. */
  vinProblem?: string;
  expectedCheckDigit?: string;
}

export function isPlatformError(value: unknown): value is PlatformError {
  return (
    typeof value === 'object' &&
    value !== null &&
    platformErrorCodes.includes((value as PlatformError).code) &&
    typeof (value as PlatformError).message === 'string'
  );
}
