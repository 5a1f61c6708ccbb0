import { BadRequestException, HttpStatus } from '@nestjs/common';
import { createValidationPipe, ProblemException } from '@mvp/common';
import type { FastifyRequest } from 'fastify';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { asMultipartProblem } from '../../../core/validation/malformed-multipart';
import type { DocumentEntity } from '../data/document.entity';
import { DocumentUploadsService, StagedFile } from '../domain/document-uploads.service';
import { DocumentFieldsDto } from './documents.dto';

const validation = createValidationPipe();

/**
 * Reads a `multipart/form-data` upload part by part: the one `file` is streamed into the storage
 * as it arrives, the text fields (before or after it) are gathered, then checked, and the row
 * written. Anything wrong after the bytes are stored removes them.
 */
export async function receiveUpload(
  request: FastifyRequest,
  scope: RequestScope,
  uploads: DocumentUploadsService,
  limits: { maxFileBytes: number },
): Promise<DocumentEntity> {
  if (!request.isMultipart()) {
    throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, {
      detail: 'Send the document as multipart/form-data, the file in the field "file".',
    });
  }
  const fields: Record<string, string> = {};
  let staged: StagedFile | undefined;
  let input: DocumentFieldsDto;
  try {
    // The parser's own cap is only a backstop: the storage stops at the limit itself, with a clearer answer.
    const parts = request.parts({ limits: { fileSize: limits.maxFileBytes + 1_048_576, files: 2 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || staged) {
          part.file.resume();
          throw new BadRequestException('Send one file, in the field "file".');
        }
        staged = await uploads.stage(scope, part.filename, part.file);
      } else if (typeof part.value === 'string' && part.value !== '') {
        fields[part.fieldname] = part.value;
      }
    }
    if (!staged) throw new BadRequestException('No file: send it in the field "file".');
    input = (await validation.transform(fields, { type: 'body', metatype: DocumentFieldsDto })) as DocumentFieldsDto;
  } catch (error) {
    if (staged) await uploads.discard(staged);
    throw asMultipartProblem(error);
  }
  // `commit` removes the bytes itself when it fails.
  return uploads.commit(scope, staged, input);
}
