import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemDetailsDto } from './problem-details.dto';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

/** What the document says of the running API: its version and where it is. */
export interface ApiDocumentOrigin {
  version: string;
  publicUrl: string;
}

/**
 * The OpenAPI document of the app's routes, as Swagger UI serves it and `npm run api:client`
 * commits it (scripts/api-client.ts, which builds the app in Nest's preview mode, without a database).
 */
export function createApiDocument(app: INestApplication, origin: ApiDocumentOrigin): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('MotoVaultPro API')
    .setDescription(
      'Vehicles, fuel logs, maintenance, stations and documents. Errors are RFC 9457 problem details ' +
        '(`application/problem+json`, schema `ProblemDetailsDto`), see docs/errors.md.',
    )
    .setVersion(origin.version)
    .addServer(origin.publicUrl)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsDto] });
  describeProblems(document);
  return document;
}

/** Swagger UI at /api/docs and the OpenAPI document at /api/docs-json. */
export function serveApiDocs(app: NestFastifyApplication, origin: ApiDocumentOrigin): void {
  SwaggerModule.setup('api/docs', app, createApiDocument(app, origin), {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'MotoVaultPro API',
  });
}

/**
 * Every error answer is a problem (the global `ProblemDetailsFilter`), so the document says so in one
 * place: each 4xx/5xx a controller declares (`@ApiNotFoundResponse`, …) gets the problem schema, and
 * each operation gets the errors that come from the global guard, pipe and filter rather than from
 * its own code. A controller's own description of a status wins.
 */
function describeProblems(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = pathItem[method];
      if (operation) describeOperationProblems(operation, method, document);
    }
  }
}

function describeOperationProblems(operation: Operation, method: string, document: OpenAPIObject): void {
  const responses = operation.responses;
  const secured = (operation.security ?? document.security ?? []).length > 0;
  const validated = Boolean(operation.requestBody) || (operation.parameters ?? []).some(isQueryParameter);
  const common: Array<[number, string, boolean]> = [
    [400, 'Invalid request: `errors` names each field', validated],
    [401, 'No valid access token or API token', secured],
    [403, 'A read-only API token may only read (GET)', secured && method !== 'get'],
    [
      413,
      'The body is over the limit of the route (100 KiB for JSON), named in `detail`',
      Boolean(operation.requestBody),
    ],
    [415, 'The body is not JSON', Boolean(operation.requestBody)],
    [429, 'More changes a minute than `API_WRITE_LIMIT_PER_MINUTE` allows (with Retry-After)', method !== 'get'],
    [500, 'Something went wrong on our side; the log has it under `requestId`', true],
    [503, 'The database is not reachable right now (with Retry-After)', secured],
  ];
  for (const [status, description, applies] of common) {
    if (applies && !responses[status]) responses[status] = { description };
  }
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400 && response && 'description' in response) {
      responses[status] = {
        description: response.description,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } } },
      };
    }
  }
}

function isQueryParameter(parameter: object): boolean {
  return 'in' in parameter && parameter.in === 'query';
}
