import { ValidationProblem } from '@mvp/common';
import { isTimeZone } from 'class-validator';
import { z } from 'zod';
import { fillUpFields, serviceFields } from '../domain/formats/generic-csv.reader';
import { ImportRequest, importFormats } from '../domain/import-options';

const dateFormat = z.string().trim().min(1, 'is needed (a date-fns pattern such as dd.MM.yyyy HH:mm)').max(100);

const columnMapping = z.discriminatedUnion('records', [
  z.object({
    records: z.literal('fill-up'),
    columns: z.partialRecord(z.enum(fillUpFields), z.string().trim().min(1).max(200)),
    dateFormat,
  }),
  z.object({
    records: z.literal('service'),
    columns: z.partialRecord(z.enum(serviceFields), z.string().trim().min(1).max(200)),
    dateFormat,
  }),
]);

const jsonText = z.string().transform((text, context) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    context.addIssue({ code: 'custom', message: 'is not JSON' });
    return z.NEVER;
  }
});

/** The upload's text fields (multipart: all text); empty ones are left out before this. */
const importFields = z
  .strictObject({
    format: z.enum(importFormats, `must be one of ${importFormats.join(', ')}`),
    vehicleId: z.uuid('must be a vehicle id').optional(),
    timeZone: z
      .string()
      .refine((zone) => isTimeZone(zone), 'must be an IANA time zone such as Europe/Berlin')
      .optional(),
    distanceUnit: z.enum(['mi', 'km']).optional(),
    volumeUnit: z.enum(['l', 'gal_us', 'gal_uk', 'kwh']).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD')
      .optional(),
    dateOrder: z.enum(['ymd', 'mdy', 'dmy']).optional(),
    decimalComma: z
      .enum(['true', 'false'])
      .transform((flag) => flag === 'true')
      .optional(),
    mapping: jsonText.pipe(columnMapping).optional(),
  })
  .superRefine((fields, context) => {
    if (fields.format === 'csv' && !fields.mapping)
      context.addIssue({ code: 'custom', path: ['mapping'], message: 'is needed for a generic CSV' });
    if (fields.format !== 'csv' && fields.mapping)
      context.addIssue({ code: 'custom', path: ['mapping'], message: 'is only for a generic CSV' });
  });

/** The upload's fields checked: a 400 naming each bad one. */
export function importRequestOf(fields: Record<string, string>): ImportRequest {
  const parsed = importFields.safeParse(fields);
  if (parsed.success) return parsed.data;
  throw new ValidationProblem(
    parsed.error.issues.map((issue) => ({
      field: issue.path.length ? issue.path.join('.') : 'fields',
      message: issue.message,
    })),
  );
}
