import { z } from 'zod';
import type { EnginesQuery, MakesQuery, ModelsQuery, TrimsQuery } from '../contract';
import { PlatformFault } from '../core/platform-fault';

const year = z.coerce
  .number({ error: 'must be a year' })
  .int('must be a whole year')
  .min(1981, 'must be 1981 or later (17-character VINs)')
  .max(2100, 'must be 2100 or earlier');
const id = z.coerce.number({ error: 'must be a number' }).int('must be a whole number').positive('must be above 0');

export const catalogQuerySchemas = {
  makes: z.strictObject({ year }) satisfies z.ZodType<MakesQuery>,
  models: z.strictObject({ year, makeId: id }) satisfies z.ZodType<ModelsQuery>,
  trims: z.strictObject({ year, modelId: id }) satisfies z.ZodType<TrimsQuery>,
  engines: z.strictObject({ year, modelId: id, trimId: id.optional() }) satisfies z.ZodType<EnginesQuery>,
};

/** Parses a message payload or query string; what is wrong becomes an `invalid` fault per field. */
export function parseQuery<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'query'),
    message: issue.code === 'unrecognized_keys' ? 'is not a known parameter' : issue.message,
  }));
  const fields = [...new Set(errors.map((error) => error.field))].join(', ');
  throw new PlatformFault('invalid', `Check ${fields}`, { errors });
}
