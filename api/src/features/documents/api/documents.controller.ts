import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import { RequestScope, Scoped } from '../../../core/identity/scoping/request-scope';
import { DocumentRangeError, DocumentRead } from '../data/storage/document-storage';
import { DocumentContentService } from '../domain/document-content.service';
import { DocumentThumbnailsService } from '../domain/document-thumbnails.service';
import { DocumentUploadsService } from '../domain/document-uploads.service';
import { DocumentsService } from '../domain/documents.service';
import { contentTypeOf, isShownInline } from '../domain/media-type';
import { fileHeaders, isNotModified, rangeAsked, rangeNotSatisfiable } from './content-response';
import {
  DocumentDto,
  DocumentFieldsDto,
  DocumentPageDto,
  DocumentsQueryDto,
  DocumentUsageDto,
  rowToDocumentDto,
  toDocumentDto,
} from './documents.dto';
import { receiveUpload } from './multipart-upload';

const noSuchDocument = ApiNotFoundResponse({ description: 'No document of yours by that id' });
const noSuchLink = ApiNotFoundResponse({ description: 'No vehicle, service record or fill-up of yours by that id' });
const refused = ApiBadRequestResponse({ description: 'Invalid fields (`errors` names each), or links that disagree' });

@ApiTags('documents')
@ApiBearerAuth()
@Controller('api/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly uploads: DocumentUploadsService,
    private readonly content: DocumentContentService,
    private readonly thumbnails: DocumentThumbnailsService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Your documents, newest first' })
  @ApiOkResponse({ type: DocumentPageDto })
  async list(@Scoped() scope: RequestScope, @Query() query: DocumentsQueryDto): Promise<DocumentPageDto> {
    const page = await this.documents.list(scope, query);
    return { ...page, items: page.items.map(rowToDocumentDto) };
  }

  @Post()
  @ApiOperation({
    summary: 'Upload a document',
    description:
      'multipart/form-data: the `file` and any of the describing fields as text fields. The type is decided from ' +
      'the content (PDF, JPEG, PNG, WebP, HEIC, plain text), never from the name or Content-Type.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        title: { type: 'string' },
        kind: { type: 'string', enum: ['insurance', 'registration', 'receipt', 'manual', 'photo', 'other'] },
        expiresOn: { type: 'string', format: 'date' },
        notes: { type: 'string' },
        vehicleId: { type: 'string', format: 'uuid' },
        maintenanceRecordId: { type: 'string', format: 'uuid' },
        fuelLogId: { type: 'string', format: 'uuid' },
      },
    },
  })
  @ApiCreatedResponse({ type: DocumentDto })
  @refused
  @noSuchLink
  @ApiPayloadTooLargeResponse({ description: 'Over the size cap (`maxFileBytes`) or your quota (`quotaBytes`)' })
  @ApiUnsupportedMediaTypeResponse({ description: 'Content of a type not accepted (`accepted` lists them)' })
  async upload(
    @Scoped() scope: RequestScope,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DocumentDto> {
    try {
      const document = await receiveUpload(request, scope, this.uploads, {
        maxFileBytes: this.config.DOCUMENTS_MAX_BYTES,
      });
      void reply.status(201);
      return toDocumentDto(document);
    } catch (error) {
      // The rest of a refused upload is not worth reading: close the connection after the answer.
      void reply.header('connection', 'close');
      throw error;
    }
  }

  @Get('usage')
  @ApiOperation({ summary: 'How much of your quota your documents take' })
  @ApiOkResponse({ type: DocumentUsageDto })
  usage(@Scoped() scope: RequestScope): Promise<DocumentUsageDto> {
    return this.documents.usage(scope);
  }

  @Get(':id')
  @ApiOkResponse({ type: DocumentDto })
  @noSuchDocument
  async get(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<DocumentDto> {
    return toDocumentDto(await this.documents.get(scope, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change what describes a document or what it is attached to' })
  @ApiOkResponse({ type: DocumentDto })
  @refused
  @noSuchDocument
  async update(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Body() patch: DocumentFieldsDto,
  ): Promise<DocumentDto> {
    return toDocumentDto(await this.documents.update(scope, id, patch));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a document; it can be restored until its file is purged (DOCUMENTS_RETENTION_DAYS)',
  })
  @ApiNoContentResponse()
  @noSuchDocument
  async remove(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<void> {
    await this.documents.remove(scope, id);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @ApiOkResponse({ type: DocumentDto })
  @noSuchDocument
  @ApiPayloadTooLargeResponse({ description: 'It would take you over your quota' })
  async restore(@Scoped() scope: RequestScope, @Param('id') id: string): Promise<DocumentDto> {
    return toDocumentDto(await this.documents.restore(scope, id));
  }

  @Get(':id/content')
  @ApiOperation({
    summary: "A document's bytes",
    description:
      'Strong ETag (If-None-Match → 304), single byte ranges (206, 416), inline for images, PDF and text ' +
      '(attachment otherwise or with `?download=true`), nosniff and a restrictive Content-Security-Policy.',
  })
  @ApiProduces('application/octet-stream')
  @ApiQuery({ name: 'download', required: false, type: Boolean })
  @ApiOkResponse({ description: 'The whole file' })
  @noSuchDocument
  @ApiGoneResponse({ description: 'The storage has lost the file' })
  async getContent(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Query('download') download: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const document = await this.documents.get(scope, id);
    const etag = `"${document.sha256}"`;
    const contentType = contentTypeOf(document.mediaType);
    const headers = fileHeaders({
      etag,
      contentType,
      fileName: document.fileName,
      inline: isShownInline(document.mediaType) && download !== 'true' && download !== '1',
    });
    if (isNotModified(request, etag)) return void reply.headers(headers).status(304).send();

    const asked = rangeAsked(request, document.sizeBytes, etag);
    if (asked.kind === 'unsatisfiable') throw rangeNotSatisfiable(reply, document.sizeBytes);
    let read: DocumentRead;
    try {
      read = await this.content.read(document, asked.kind === 'range' ? asked.range : undefined);
    } catch (error) {
      if (error instanceof DocumentRangeError) throw rangeNotSatisfiable(reply, error.size);
      throw error;
    }
    void reply.headers({ ...headers, 'content-type': contentType, 'content-length': read.end - read.start + 1 });
    if (asked.kind === 'range')
      void reply.status(206).header('content-range', `bytes ${read.start}-${read.end}/${read.size}`);
    return void reply.send(read.stream);
  }

  @Get(':id/thumbnail')
  @ApiOperation({
    summary: 'A small WebP of an image document (`hasThumbnail`), made once and kept; ETag → 304',
  })
  @ApiProduces('image/webp')
  @ApiOkResponse({ description: 'The thumbnail, at most 320 × 320' })
  @ApiNotFoundResponse({ description: 'No document of yours by that id, or one without a thumbnail' })
  @ApiGoneResponse({ description: 'The storage has lost the file' })
  async getThumbnail(
    @Scoped() scope: RequestScope,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const thumbnail = await this.thumbnails.of(scope, id);
    const headers = fileHeaders({
      etag: thumbnail.etag,
      contentType: thumbnail.mediaType,
      fileName: 'thumbnail.webp',
      inline: true,
    });
    if (isNotModified(request, thumbnail.etag)) return void reply.headers(headers).status(304).send();
    return void reply.headers({ ...headers, 'content-type': thumbnail.mediaType }).send(thumbnail.bytes);
  }
}
