import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Swagger UI at /api/docs and the OpenAPI document at /api/docs-json. */
export function serveApiDocs(app: NestFastifyApplication, version: string, publicUrl: string): void {
  const config = new DocumentBuilder()
    .setTitle('MotoVaultPro API')
    .setDescription(
      'Vehicles, fuel logs, maintenance, stations and documents. Errors are RFC 9457 problem details ' +
        '(`application/problem+json`).',
    )
    .setVersion(version)
    .addServer(publicUrl)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    yamlDocumentUrl: 'api/docs-yaml',
    customSiteTitle: 'MotoVaultPro API',
  });
}
