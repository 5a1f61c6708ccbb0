import fc from 'fast-check';
import {
  badIds,
  deepJson,
  hostileJsonValue,
  hostileText,
  hugeString,
  pollutionKeys,
  rawNumberTokens,
} from './hostile-values';
import type { Operation, Parameter, Schema } from './openapi-operations';

/** A request as it goes on the wire: nothing is normalised on the way (see `sendRaw`). */
export interface HostileRequest {
  method: string;
  /** Path and query, already encoded (or deliberately not). */
  target: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** How the request is hostile, e.g. `json:deep`, `multipart:truncated`: what the reports count. */
  shape: string;
}

/** Real records the fuzzed requests point at: the signed-in user's, and another user's. */
export interface KnownIds {
  /** Ids by the collection they live in (`/api/vehicles`, `/api/fuel-logs`…), the signed-in user's. */
  own: Record<string, string[]>;
  /** The same for a second user: every request with one of these must be a 404. */
  others: Record<string, string[]>;
  /** A valid value for a named path parameter other than `id` (`vin`, `file`). */
  pathValues: Record<string, string[]>;
}

const absent = Symbol('absent');
type Maybe<T> = T | typeof absent;

/** Marks a JSON string value to be written as a bare token (`NaN`, `1e309`) when the body is serialised. */
const rawTokenPrefix = '\u0001raw:';

/** The arbitrary of hostile requests to one operation of the OpenAPI document. */
export function hostileRequests(operation: Operation, ids: KnownIds, token: string): fc.Arbitrary<HostileRequest> {
  const collection = operation.path.split('/{')[0];
  const ownIds = ids.own[collection] ?? [];
  const otherIds = ids.others[collection] ?? [];
  const allOwn = Object.values(ids.own).flat();
  const allOthers = Object.values(ids.others).flat();

  const idValue = (forDelete: boolean): fc.Arbitrary<{ value: string; raw?: boolean }> =>
    fc
      .oneof(
        // The user's own live records; never deleted by the fuzzer, so the other routes keep finding them.
        ...(forDelete || ownIds.length === 0 ? [] : [{ weight: 3, arbitrary: fc.constantFrom(...ownIds) }]),
        ...(otherIds.length ? [{ weight: 2, arbitrary: fc.constantFrom(...otherIds) }] : []),
        { weight: 4, arbitrary: fc.constantFrom(...badIds) },
        { weight: 1, arbitrary: fc.constantFrom(...allOthers, ...allOwn.filter(() => !forDelete), 'x') },
      )
      .map((value) => ({ value })) as fc.Arbitrary<{ value: string; raw?: boolean }>;
  const rawSegment = fc
    .constantFrom('..', '../..', '..%2F..%2Fhealth', '%2e%2e', '.', '%00', '%', '%zz', '%C0%AE', ';', '*')
    .map((value) => ({ value, raw: true }));

  const pathParameter = (parameter: Parameter): fc.Arbitrary<{ value: string; raw?: boolean }> => {
    if (parameter.name === 'id') {
      return fc.oneof(
        { weight: 8, arbitrary: idValue(operation.method === 'DELETE') },
        { weight: 1, arbitrary: rawSegment },
      );
    }
    const known = ids.pathValues[parameter.name] ?? [];
    return fc.oneof(
      ...(known.length ? [{ weight: 3, arbitrary: fc.constantFrom(...known).map((value) => ({ value })) }] : []),
      { weight: 4, arbitrary: hostileText().map((value) => ({ value })) },
      { weight: 1, arbitrary: rawSegment },
    );
  };

  const pathArbitrary = fc
    .tuple(...operation.parameters.filter((parameter) => parameter.in === 'path').map(pathParameter))
    .map((values) => {
      let index = 0;
      return operation.path.replace(/\{[^}]+\}/g, () => {
        const { value, raw } = values[index++];
        return raw ? value : percentEncode(value);
      });
    });

  const queryArbitrary = fc
    .tuple(
      ...operation.parameters
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => queryParameter(parameter, ids)),
      fc.array(extraQueryParameter, { maxLength: 2 }),
    )
    .map((pairs) => pairs.flat() as Array<[string, string]>);

  const bodyArbitrary = bodyFor(operation, ids);

  return fc.tuple(pathArbitrary, queryArbitrary, bodyArbitrary).map(([path, query, body]) => {
    const search = query.map(([key, value]) => `${encodeKey(key)}=${percentEncode(value)}`).join('&');
    return {
      method: operation.method,
      target: search ? `${path}?${search}` : path,
      headers: { authorization: `Bearer ${token}`, ...body.headers },
      body: body.bytes,
      shape: body.shape,
    };
  });
}

/** Keeps brackets readable (`a[]`, `a[__proto__]`), as clients send them, and encodes everything else. */
function encodeKey(key: string): string {
  return percentEncode(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
}

/**
 * `encodeURIComponent`, except that a lone surrogate is sent as the three bytes UTF-8 would give
 * it (invalid UTF-8 on the wire, which is the point) instead of throwing.
 */
export function percentEncode(text: string): string {
  let encoded = '';
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else {
      encoded += encodeURIComponent(character);
    }
  }
  return encoded;
}

const extraQueryParameter = fc.oneof(
  fc.constantFrom<[string, string]>(
    ['__proto__[polluted]', '1'],
    ['constructor[prototype][polluted]', '1'],
    ['__proto__', 'x'],
    ['unknownParameter', 'x'],
  ),
  fc.tuple(fc.constantFrom('unknown', 'page', 'sort'), hostileText()),
);

/** One declared query parameter: absent, plausible, hostile, repeated or written as an array or object. */
function queryParameter(parameter: Parameter, ids: KnownIds): fc.Arbitrary<Array<[string, string]>> {
  const name = parameter.name;
  const plausible = plausibleValue(parameter.schema, ids).map((value) => String(value));
  const one = fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 3, arbitrary: hostileText() });
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant<Array<[string, string]>>([]) },
    { weight: 4, arbitrary: one.map((value): Array<[string, string]> => [[name, value]]) },
    {
      weight: 1,
      arbitrary: fc
        .array(one, { minLength: 2, maxLength: 3 })
        .map((values) => values.map((value): [string, string] => [name, value])),
    },
    { weight: 1, arbitrary: one.map((value): Array<[string, string]> => [[`${name}[]`, value]]) },
    { weight: 1, arbitrary: one.map((value): Array<[string, string]> => [[`${name}[__proto__]`, value]]) },
  );
}

/** A value the schema allows, or near enough: its example, an enum member, a real id. */
function plausibleValue(schema: Schema, ids: KnownIds): fc.Arbitrary<unknown> {
  const example = (schema as { example?: unknown }).example;
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.format === 'uuid') {
    const known = [...(ids.own['/api/vehicles'] ?? []), ...(ids.others['/api/vehicles'] ?? [])];
    return known.length ? fc.constantFrom(...known) : fc.uuid();
  }
  if (schema.format === 'date-time') return fc.constantFrom('2026-01-02T03:04:05Z', '2026-13-45T99:99:99Z');
  if (schema.format === 'date') return fc.constantFrom('2026-01-02', '2026-02-30');
  if (schema.type === 'boolean') return fc.boolean();
  if (schema.type === 'number' || schema.type === 'integer') {
    return example !== undefined ? fc.constant(example) : fc.integer({ min: 1, max: 100 });
  }
  if (schema.type === 'array') return fc.array(plausibleValue(schema.items ?? {}, ids), { maxLength: 2 });
  if (schema.type === 'object') return fc.constant({});
  return example !== undefined ? fc.constant(example) : fc.constantFrom('fuzz', '');
}

interface BodyPart {
  bytes?: Buffer;
  headers: Record<string, string>;
  shape: string;
}

const jsonHeaders = { 'content-type': 'application/json' };

function bodyFor(operation: Operation, ids: KnownIds): fc.Arbitrary<BodyPart> {
  if (operation.body?.mediaType === 'multipart/form-data') return multipartBody(operation.body.schema, ids);
  if (operation.body) return jsonBody(operation.body.schema, ids);
  // No body declared: usually none, sometimes one anyway.
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant<BodyPart>({ headers: {}, shape: 'none' }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<BodyPart>(
        { bytes: Buffer.from('{"unexpected":true}'), headers: jsonHeaders, shape: 'unexpected-json' },
        { bytes: Buffer.from('{'), headers: jsonHeaders, shape: 'unexpected-malformed-json' },
        { bytes: Buffer.from(deepJson(10_000, 'array')), headers: jsonHeaders, shape: 'unexpected-deep-json' },
        { bytes: Buffer.from('<a/>'), headers: { 'content-type': 'application/xml' }, shape: 'unexpected-xml' },
      ),
    },
  );
}

/** An object shaped like the schema: each field absent, plausible or hostile, plus unknown and pollution keys. */
function objectLike(schema: Schema, ids: KnownIds): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const field = (property: Schema): fc.Arbitrary<Maybe<unknown>> =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant<Maybe<unknown>>(absent) },
      { weight: 3, arbitrary: plausibleValue(property, ids) },
      { weight: 3, arbitrary: hostileJsonValue() },
      { weight: 1, arbitrary: fc.constantFrom(...rawNumberTokens).map((token) => rawTokenPrefix + token) },
    );
  const extras = fc.array(
    fc.tuple(fc.constantFrom(...pollutionKeys, 'unknownField', 'userId', 'id', 'deletedAt'), hostileJsonValue()),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...properties.map(([, property]) => field(property))), extras).map(([values, extra]) => {
    const entries: Array<[string, unknown]> = properties
      .map(([name], index): [string, unknown] => [name, values[index]])
      .filter(([, value]) => value !== absent);
    return Object.fromEntries([...entries, ...extra]);
  });
}

function serialise(value: unknown): string {
  const text = JSON.stringify(value);
  return text.replace(/"\\u0001raw:([^"]+)"/g, '$1');
}

function jsonBody(schema: Schema, ids: KnownIds): fc.Arbitrary<BodyPart> {
  const fields = objectLike(schema, ids).map(serialise);
  const json = (text: string, shape: string, headers: Record<string, string> = jsonHeaders): BodyPart => ({
    bytes: Buffer.from(text),
    headers,
    shape,
  });
  return fc.oneof(
    { weight: 8, arbitrary: fields.map((text) => json(text, 'json:fields')) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        json(deepJson(10_000, 'array'), 'json:deep'),
        json(deepJson(10_000, 'object'), 'json:deep'),
        json(`{"notes":${deepJson(10_000, 'array')}}`, 'json:deep'),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('[]', '"text"', '1', 'null', 'true', '[{}]', JSON.stringify(hugeString))
        .map((text) => json(text, 'json:not-an-object')),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fields, fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([text, cut]) => json(text.slice(0, Math.floor(text.length * cut)), 'json:truncated')),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        json('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}', 'json:pollution'),
        json('{"a":1,"a":2,"__proto__":null}', 'json:pollution'),
        json('\u0000', 'json:malformed'),
        json('{"a":"\\ud800"}', 'json:malformed'),
        json('\uFEFF{}', 'json:malformed'),
        json('', 'json:empty'),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fields,
          fc.constantFrom(
            'text/plain',
            'application/xml',
            'application/x-www-form-urlencoded',
            'multipart/form-data',
            'application/json; charset=utf-16',
            'application/octet-stream',
            'application/json-patch+json',
            '',
          ),
        )
        .map(([text, type]) => json(text, 'json:wrong-content-type', type ? { 'content-type': type } : {})),
    },
  );
}

/** Bytes that look like nothing, the same on every run (the seed must replay a failure). */
const garbage = Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 131 + 7) % 256));

const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

interface FormPart {
  name: string;
  value: Buffer;
  filename?: string;
  type?: string;
}

function multipart(parts: FormPart[], boundary: string): Buffer {
  const chunks = parts.flatMap((part) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"` +
        (part.filename !== undefined ? `; filename="${part.filename}"` : '') +
        (part.type ? `\r\nContent-Type: ${part.type}` : '') +
        '\r\n\r\n',
    ),
    part.value,
    Buffer.from('\r\n'),
  ]);
  return Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]);
}

function multipartBody(schema: Schema, ids: KnownIds): fc.Arbitrary<BodyPart> {
  const boundary = 'fuzz-boundary-7d3a';
  const fields = Object.entries(schema.properties ?? {}).filter(([name]) => name !== 'file');
  const fieldPart = ([name, property]: [string, Schema]): fc.Arbitrary<FormPart[]> =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant<FormPart[]>([]) },
      {
        weight: 2,
        arbitrary: plausibleValue(property, ids).map((value) => [{ name, value: Buffer.from(String(value)) }]),
      },
      { weight: 3, arbitrary: hostileText().map((value) => [{ name, value: Buffer.from(value) }]) },
    );
  const filePart: fc.Arbitrary<FormPart[]> = fc.oneof(
    { weight: 1, arbitrary: fc.constant<FormPart[]>([]) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            'receipt.pdf',
            '../../etc/passwd',
            'a'.repeat(5_000),
            '\u202Efdp.exe',
            'nul\u0000.pdf',
            '',
            'x"; name="y',
          ),
          fc.constantFrom(
            minimalPdf,
            Buffer.from('date,odometer\n2026-01-01,1000\n'),
            Buffer.from(deepJson(10_000, 'array')),
            Buffer.alloc(0),
          ),
          fc.constantFrom('application/pdf', 'text/csv', 'application/json', 'image/png', 'text/html'),
        )
        .map(([filename, value, type]): FormPart[] => [{ name: 'file', filename, value, type }]),
    },
    { weight: 1, arbitrary: fc.constant<FormPart[]>([{ name: 'file', value: Buffer.from('not a file part') }]) },
  );
  const parts = fc
    .tuple(fc.tuple(...fields.map(fieldPart)), filePart, fc.boolean())
    .map(([fieldParts, file, fileFirst]) =>
      fileFirst ? [...file, ...fieldParts.flat()] : [...fieldParts.flat(), ...file],
    );
  const form = (bytes: Buffer, shape: string, type = `multipart/form-data; boundary=${boundary}`): BodyPart => ({
    bytes,
    headers: type ? { 'content-type': type } : {},
    shape,
  });
  return fc.oneof(
    { weight: 5, arbitrary: parts.map((list) => form(multipart(list, boundary), 'multipart:fields')) },
    {
      weight: 3,
      arbitrary: fc.tuple(parts, fc.double({ min: 0, max: 1, noNaN: true })).map(([list, cut]) => {
        const whole = multipart(list, boundary);
        return form(whole.subarray(0, Math.floor(whole.length * cut)), 'multipart:truncated');
      }),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          parts,
          fc.constantFrom(
            'multipart/form-data',
            'multipart/form-data; boundary=other-boundary',
            `multipart/form-data; boundary="${'b'.repeat(200)}"`,
            `multipart/form-data; boundary=${'b'.repeat(300)}`,
            'application/json',
            'text/plain',
            'application/octet-stream',
            '',
          ),
        )
        .map(([list, type]) => form(multipart(list, boundary), 'multipart:wrong-content-type', type)),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        form(multipart([{ name: 'title', value: Buffer.from(hugeString) }], boundary), 'multipart:huge-field'),
        form(
          multipart(
            [
              { name: 'file', filename: 'one.pdf', value: minimalPdf, type: 'application/pdf' },
              { name: 'file', filename: 'two.pdf', value: minimalPdf, type: 'application/pdf' },
            ],
            boundary,
          ),
          'multipart:two-files',
        ),
        form(
          multipart([{ name: '__proto__', value: Buffer.from('{"polluted":true}') }], boundary),
          'multipart:pollution',
        ),
        form(garbage, 'multipart:garbage'),
        form(Buffer.from('{"format":"csv"}'), 'multipart:json-body', 'application/json'),
      ),
    },
  );
}
