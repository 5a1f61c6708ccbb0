import { BadRequestException, HttpStatus } from '@nestjs/common';
import { ProblemException } from '@mvp/common';
import type { FastifyRequest } from 'fastify';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import { asMultipartProblem } from '../../../core/validation/malformed-multipart';
import type { ImportJobEntity } from '../data/import-job.entity';
import { ImportJobsService } from '../domain/import-jobs.service';
import { ImportUploadsService } from '../domain/import-uploads.service';
import { importRequestOf } from './import-fields';

/**
 * Reads a `multipart/form-data` import: the text fields first, then the one `file`, which streams
 * through its format's reader as it arrives (never held whole). Fields after the file come too late
 * to read it by: the upload is refused and its job dropped.
 */
export async function receiveImport(
  request: FastifyRequest,
  scope: RequestScope,
  services: { uploads: ImportUploadsService; jobs: ImportJobsService },
  /** `maxExportBytes`: for our own export (`motovaultpro`), which holds the documents' bytes too. */
  limits: { maxFileBytes: number; maxExportBytes: number },
): Promise<ImportJobEntity> {
  if (!request.isMultipart()) {
    throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, {
      detail: 'Send the import as multipart/form-data: the fields, then the file in the field "file".',
    });
  }
  const fields: Record<string, string> = {};
  let job: ImportJobEntity | undefined;
  try {
    // The parser's own cap is only a backstop: the reader stops at the limit itself, with a clearer answer.
    const largest = Math.max(limits.maxFileBytes, limits.maxExportBytes);
    const parts = request.parts({ limits: { fileSize: largest + 1_048_576, files: 2 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || job) {
          part.file.resume();
          throw new BadRequestException('Send one file, in the field "file".');
        }
        const importRequest = importRequestOf(fields);
        const options = await services.uploads.optionsOf(scope, importRequest);
        job = await services.uploads.read(scope, importRequest, options, {
          name: part.filename,
          stream: part.file,
          maxBytes: importRequest.format === 'motovaultpro' ? limits.maxExportBytes : limits.maxFileBytes,
        });
      } else if (job) {
        throw new BadRequestException('Send the fields before the file: they say how to read it.');
      } else if (typeof part.value === 'string' && part.value !== '') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (job) await services.jobs.discard(scope, job.id);
    throw asMultipartProblem(error);
  }
  if (!job) throw new BadRequestException('No file: send it in the field "file", after the fields.');
  return job;
}
