/** Socket errors of a server that is down, restarting or unreachable. */
const connectionErrorCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that cannot serve now: class 08 (connection exception), 57P01–57P03
 * (shut down by an administrator, crash shutdown, cannot connect now: starting or recovering),
 * 53300 (too many connections).
 */
const unavailableSqlState = /^(08...|57P0[123]|53300)$/;

/** What node-postgres says when a connection dies under a query or cannot be had in time. */
const connectionLostMessage =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/**
 * TypeORM releases a query runner whose connection fails; a transaction's next query then throws
 * this instead of the connection's own error.
 */
const connectionLostErrorNames = new Set([
  'QueryRunnerProviderAlreadyReleasedError',
  'QueryRunnerAlreadyReleasedError',
]);

/**
 * Whether an error means the database is unreachable for now (down, restarting, recovering), as
 * opposed to a fault of the query or the code: the first is a 503 that goes away by itself.
 * Looks through TypeORM's `driverError`, `cause` and aggregate errors.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { name, code, message, driverError, cause, errors } = error as {
    name?: unknown;
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (connectionErrorCodes.has(code) || unavailableSqlState.test(code))) return true;
  if (typeof message === 'string' && connectionLostMessage.test(message)) return true;
  if (typeof name === 'string' && connectionLostErrorNames.has(name)) return true;
  const inner = [driverError, cause, ...(Array.isArray(errors) ? errors : [])];
  return inner.some((nested) => nested !== error && isDatabaseUnavailable(nested, depth + 1));
}
