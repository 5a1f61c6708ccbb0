import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config/config-error';

/** The secret file that holds the CA which signed the PostgreSQL server's certificate. */
export const postgresCaFileName = 'postgres-ca.crt';

/** The `ssl` options of every PostgreSQL connection: off, or TLS that verifies the server's certificate. */
export type DatabaseTls = false | { rejectUnauthorized: true; ca?: string };

/**
 * With `DATABASE_SSL` on, connections verify the server's certificate against the CA in
 * `SECRETS_DIR/postgres-ca.crt` when that file exists, else against Node's default CAs. The file is
 * read here, once; one that cannot be read or holds no certificate is a configuration error.
 */
export function databaseTls(enabled: boolean, secretsDir: string): DatabaseTls {
  if (!enabled) return false;
  const caFile = join(secretsDir, postgresCaFileName);
  if (!existsSync(caFile)) return { rejectUnauthorized: true };
  let ca: string;
  try {
    ca = readFileSync(caFile, 'utf8');
  } catch (error) {
    throw new ConfigError(caFile, `(the CA for DATABASE_SSL) cannot be read: ${(error as Error).message}`);
  }
  try {
    new X509Certificate(ca);
  } catch {
    throw new ConfigError(caFile, '(the CA for DATABASE_SSL) must hold a PEM certificate');
  }
  return { rejectUnauthorized: true, ca };
}

/**
 * Connection-string parameters through which node-postgres replaces the `ssl` option it is given
 * (`sslmode=disable` turns TLS off, `sslmode=no-verify` stops verifying).
 */
const replacedSslParameters = ['ssl', 'sslmode', 'uselibpqcompat'];
/** Parameters that make node-postgres read files named in the URL; the CA belongs in the secrets folder. */
const fileSslParameters = ['sslrootcert', 'sslcert', 'sslkey'];

/**
 * The URL node-postgres gets with TLS on: without the parameters that would override our `ssl`
 * options, so a `sslmode` in DATABASE_URL can never weaken the verification.
 */
export function urlForTls(url: string): string {
  const parsed = new URL(url);
  const fileParameter = fileSslParameters.find((name) => parsed.searchParams.has(name));
  if (fileParameter) {
    throw new ConfigError(
      'DATABASE_URL',
      `must not set ${fileParameter} with DATABASE_SSL on: put the CA in SECRETS_DIR/${postgresCaFileName}`,
    );
  }
  if (!replacedSslParameters.some((name) => parsed.searchParams.has(name))) return url;
  for (const name of replacedSslParameters) parsed.searchParams.delete(name);
  return parsed.toString();
}

/** Node's codes for a server certificate that does not verify. */
const certificateErrorCodes = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_SIGNATURE_FAILURE',
  'CERT_NOT_YET_VALID',
  'CERT_HAS_EXPIRED',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * A database connection's TLS failure as one line an operator can act on, or undefined when the
 * error is not about TLS. Looks through `cause`, TypeORM's `driverError` and aggregate errors.
 */
export function describeDatabaseTlsFailure(error: unknown, depth = 0): string | undefined {
  if (!error || typeof error !== 'object' || depth > 4) return undefined;
  const { code, message, driverError, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  const text = typeof message === 'string' ? message : '';
  if (typeof code === 'string' && certificateErrorCodes.has(code)) {
    return (
      `The database server's TLS certificate was rejected (${text}): with DATABASE_SSL on it must be ` +
      `signed by the CA in SECRETS_DIR/${postgresCaFileName}, or by a system CA when that file is absent, ` +
      `and name the host in the database URL`
    );
  }
  if (/^The server does not support SSL connections/.test(text)) {
    return 'The database server does not accept TLS connections, which DATABASE_SSL asks for: turn on ssl in PostgreSQL';
  }
  if (code === '28000' && /no encryption$/.test(text)) {
    return `The database server accepts only TLS connections (${text}): set DATABASE_SSL=true`;
  }
  const inner = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  for (const nested of inner) {
    const described = nested === error ? undefined : describeDatabaseTlsFailure(nested, depth + 1);
    if (described) return described;
  }
  return undefined;
}
