import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/api-process';

/** The part of a JSON Schema (OpenAPI 3 flavour) the fuzzer reads. */
export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  maxItems?: number;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  $ref?: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

/** One route and method of the OpenAPI document, its `$ref`s resolved. */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The templated path, e.g. `/api/vehicles/{id}`. */
  path: string;
  /** `GET /api/vehicles/{id}`: how reports and counterexamples name it. */
  key: string;
  parameters: Parameter[];
  /** The body's media type and schema, when the operation takes one. */
  body?: { mediaType: 'application/json' | 'multipart/form-data'; schema: Schema };
  /** Whether the route wants a bearer token. */
  secured: boolean;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, Schema> };
}

interface RawOperation {
  parameters?: Array<{ name: string; in: Parameter['in']; required?: boolean; schema?: Schema }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
  security?: unknown[];
}

export const openApiFile = join(repoRoot, 'docs/openapi.json');

/** Every operation of `docs/openapi.json` (the document `npm run api:client` writes from the code). */
export function loadOperations(file = openApiFile): Operation[] {
  const document = JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  const resolve = (schema: Schema | undefined, seen = new Set<string>()): Schema => {
    if (!schema) return {};
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (seen.has(name)) return { type: 'object' };
      return resolve(document.components.schemas[name], new Set([...seen, name]));
    }
    const variants = schema.allOf ?? schema.oneOf ?? schema.anyOf;
    if (variants?.length) return resolve({ ...variants[0], nullable: schema.nullable }, seen);
    return {
      ...schema,
      items: schema.items ? resolve(schema.items, seen) : undefined,
      properties: schema.properties
        ? Object.fromEntries(Object.entries(schema.properties).map(([key, value]) => [key, resolve(value, seen)]))
        : undefined,
    };
  };

  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]): Operation => {
      const [mediaType, content] = Object.entries(raw.requestBody?.content ?? {})[0] ?? [];
      return {
        method: method.toUpperCase() as Operation['method'],
        path,
        key: `${method.toUpperCase()} ${path}`,
        parameters: (raw.parameters ?? []).map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required ?? false,
          schema: resolve(parameter.schema),
        })),
        body: content
          ? { mediaType: mediaType as NonNullable<Operation['body']>['mediaType'], schema: resolve(content.schema) }
          : undefined,
        secured: (raw.security ?? []).length > 0,
      };
    }),
  );
}
