import { HttpStatus } from '@nestjs/common';
import { ProblemException } from '@mvp/common';
import type { UnacceptedContentError } from './media-sniffer';
import { acceptedMediaTypes } from './media-type';

const mebibytes = (bytes: number) => `${Math.round((bytes / 1_048_576) * 10) / 10} MB`;

export const problemTypes = {
  tooLarge: 'urn:motovaultpro:problem:document-too-large',
  quota: 'urn:motovaultpro:problem:document-quota',
  mediaType: 'urn:motovaultpro:problem:document-type',
  fileMissing: 'urn:motovaultpro:problem:document-file-missing',
  storageFull: 'urn:motovaultpro:problem:document-storage-full',
} as const;

export function fileTooLarge(maxFileBytes: number): ProblemException {
  return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, {
    type: problemTypes.tooLarge,
    title: 'File too large',
    detail: `A document may be at most ${mebibytes(maxFileBytes)}.`,
    maxFileBytes,
  });
}

export function quotaExceeded(usedBytes: number, quotaBytes: number): ProblemException {
  return new ProblemException(HttpStatus.PAYLOAD_TOO_LARGE, {
    type: problemTypes.quota,
    title: 'Storage quota reached',
    detail:
      `Your documents may take ${mebibytes(quotaBytes)} in all and already take ${mebibytes(usedBytes)}: ` +
      'delete some to make room for this one.',
    usedBytes,
    quotaBytes,
  });
}

export function unacceptedContent(error: UnacceptedContentError): ProblemException {
  if (error.verdict.reason === 'empty') {
    return new ProblemException(HttpStatus.BAD_REQUEST, { detail: 'The file is empty.' });
  }
  return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, {
    type: problemTypes.mediaType,
    title: 'Unsupported file type',
    detail: `The file's content is ${error.verdict.found}, whatever its name says. Accepted: PDF, JPEG, PNG, WebP, HEIC and plain text.`,
    accepted: [...acceptedMediaTypes],
  });
}

export function fileMissing(): ProblemException {
  return new ProblemException(HttpStatus.GONE, {
    type: problemTypes.fileMissing,
    title: 'File missing',
    detail: "This document's file is missing from the storage; upload it again.",
  });
}

/** The server's disk (not the user's quota) has no room: the upload was not stored, nothing of it is left. */
export function storageFull(): ProblemException {
  return new ProblemException(HttpStatus.INSUFFICIENT_STORAGE, {
    type: problemTypes.storageFull,
    title: 'Insufficient Storage',
    detail: 'The server has no room to store this file right now; nothing was saved. Try again later.',
  });
}
