import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequestScope, Scoped } from '../../../core/identity/scoping/request-scope';
import { ExportService } from '../domain/export/export.service';

@ApiTags('import-export')
@ApiBearerAuth()
@Controller('api/export')
export class ExportController {
  constructor(private readonly exports: ExportService) {}

  @Get()
  @ApiOperation({
    summary: 'Everything you own, as a zip',
    description:
      'Streamed as it is made: `motovaultpro.json` (format `motovaultpro`, version 1: preferences, vehicles, ' +
      'odometer readings, fill-ups, service records with parts, reminders, stations, documents with the path of ' +
      'their bytes; live records only, ids kept), a CSV per record type under `csv/`, and each document under ' +
      '`documents/<id>/<file name>`. A failure part way cuts the download short, so the zip does not open.',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The zip, as an attachment named motovaultpro-export-YYYY-MM-DD.zip' })
  async download(@Scoped() scope: RequestScope, @Res() reply: FastifyReply): Promise<void> {
    const { fileName, stream } = await this.exports.open(scope);
    return void reply
      .headers({
        'content-type': 'application/zip',
        'content-disposition': `attachment; filename="${fileName}"`,
        'cache-control': 'no-store',
      })
      .send(stream);
  }
}
