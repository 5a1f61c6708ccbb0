import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import { RequestScope, Scoped } from '../../../core/identity/scoping/request-scope';
import { ImportCommitService } from '../domain/import-commit.service';
import { ImportJobsService } from '../domain/import-jobs.service';
import { importFormats } from '../domain/import-options';
import { ImportUploadsService } from '../domain/import-uploads.service';
import {
  ColumnMappingDto,
  FillUpColumnsDto,
  ImportCommitDto,
  ImportCommitResultDto,
  ImportJobDto,
  ServiceColumnsDto,
} from './import.dto';
import { receiveImport } from './import-upload';

/** The largest file an import reads (our own export may be larger: its documents, up to the quota). */
export const importMaxBytes = 50 * 1024 * 1024;

const noSuchImport = ApiNotFoundResponse({ description: 'No import of yours by that id, or it has expired' });

@ApiTags('import')
@ApiBearerAuth()
@ApiExtraModels(ColumnMappingDto, FillUpColumnsDto, ServiceColumnsDto)
@Controller('api/import')
export class ImportController {
  constructor(
    private readonly jobs: ImportJobsService,
    private readonly uploads: ImportUploadsService,
    private readonly commits: ImportCommitService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Upload a file from another app to import: read it and show what it holds',
    description:
      'multipart/form-data: the text fields first, then the `file` (at most 50 MB; our own export: 50 MB more than the documents quota). Nothing is imported until ' +
      'the commit; the job expires a day after the upload. Units, currency and time zone default to your preferences.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['format', 'file'],
      properties: {
        format: { type: 'string', enum: [...importFormats] },
        vehicleId: { type: 'string', format: 'uuid', description: 'For records the file does not place' },
        timeZone: { type: 'string', example: 'Europe/Berlin' },
        distanceUnit: { type: 'string', enum: ['mi', 'km'] },
        volumeUnit: { type: 'string', enum: ['l', 'gal_us', 'gal_uk', 'kwh'] },
        currency: { type: 'string', example: 'EUR' },
        dateOrder: { type: 'string', enum: ['ymd', 'mdy', 'dmy'] },
        decimalComma: { type: 'boolean' },
        mapping: {
          type: 'string',
          description: 'Generic CSV only: a `ColumnMappingDto` as JSON text',
        },
        file: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiCreatedResponse({ type: ImportJobDto })
  @ApiBadRequestResponse({ description: 'Unknown format or bad options (`errors` names each)' })
  @ApiNotFoundResponse({ description: 'No vehicle of yours by that id' })
  @ApiPayloadTooLargeResponse({ description: 'Over 50 MB (our own export: over 50 MB more than the documents quota)' })
  async upload(
    @Scoped() scope: RequestScope,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportJobDto> {
    try {
      const job = await receiveImport(
        request,
        scope,
        { uploads: this.uploads, jobs: this.jobs },
        { maxFileBytes: importMaxBytes, maxExportBytes: importMaxBytes + this.config.DOCUMENTS_QUOTA_BYTES },
      );
      void reply.status(201);
      return this.jobs.view(scope, job);
    } catch (error) {
      // The rest of a refused upload is not worth reading: close the connection after the answer.
      void reply.header('connection', 'close');
      throw error;
    }
  }

  @Get(':id')
  @ApiOperation({ summary: 'An import as the upload showed it (or committed)' })
  @ApiOkResponse({ type: ImportJobDto })
  @noSuchImport
  async get(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<ImportJobDto> {
    return this.jobs.view(scope, await this.jobs.get(scope, id));
  }

  @Post(':id/commit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Import the file, all or nothing',
    description:
      'One transaction: the vehicles the file names (matched by nickname or "year make model", else created), ' +
      'its stations, fill-ups and service records by the same rules as typed ones. Records imported before are ' +
      'left out (`duplicates`). A file with bad lines imports nothing unless `skipBadRows`.',
  })
  @ApiOkResponse({ type: ImportCommitResultDto })
  @ApiBadRequestResponse({ description: 'No vehicle for records the file does not place' })
  @ApiConflictResponse({
    description:
      'Committed already; bad lines without `skipBadRows` (`errorCount`); or lines the rules refuse (`lines`: line, field, message)',
  })
  @noSuchImport
  commit(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Body() choices: ImportCommitDto,
  ): Promise<ImportCommitResultDto> {
    return this.commits.commit(scope, id, choices);
  }
}
