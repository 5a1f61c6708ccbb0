import { Injectable, NotFoundException } from '@nestjs/common';
import type Sharp from 'sharp';
import { pipeline } from 'node:stream/promises';
import type { RequestScope } from '../../../core/identity/scoping/request-scope';
import type { DocumentThumbnailEntity } from '../data/document.entity';
import { DocumentsRepository } from '../data/documents.repository';
import { DocumentContentService } from './document-content.service';
import { DocumentsService } from './documents.service';
import { hasThumbnail } from './media-type';

/** Thumbnails fit in this square (CSS pixels × 2 for sharp screens). */
const THUMBNAIL_SIZE = 320;
/** Images larger than this many pixels are not decoded (a 100-megapixel photo still is). */
const MAX_INPUT_PIXELS = 120_000_000;

export type Thumbnail = Pick<DocumentThumbnailEntity, 'bytes' | 'mediaType' | 'width' | 'height'> & { etag: string };

/** A small WebP of an image document: made from the stored bytes on first request, then kept in PostgreSQL. */
@Injectable()
export class DocumentThumbnailsService {
  constructor(
    private readonly repository: DocumentsRepository,
    private readonly documents: DocumentsService,
    private readonly content: DocumentContentService,
  ) {}

  async of(scope: RequestScope, id: string): Promise<Thumbnail> {
    const document = await this.documents.get(scope, id);
    if (!hasThumbnail(document.mediaType)) throw new NotFoundException('This document has no thumbnail.');
    const etag = `"thumbnail-${document.sha256}"`;
    const kept = await this.repository.thumbnailOf(document.id);
    if (kept) return { ...kept, etag };

    const read = await this.content.read(document);
    // sharp (libvips) is about 20 MB of resident memory: loaded by the first thumbnail, not at start.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sharp = require('sharp') as typeof Sharp;
    // `rotate()` applies the EXIF orientation, so a phone photo stands the right way up.
    const resize = sharp({ limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 72 });
    const [, { data, info }] = await Promise.all([
      pipeline(read.stream, resize),
      resize.toBuffer({ resolveWithObject: true }),
    ]).catch((error: Error) => {
      throw new NotFoundException(`No thumbnail can be made of this image: ${error.message}`);
    });
    const thumbnail = { mediaType: 'image/webp', width: info.width, height: info.height, bytes: data };
    await this.repository.saveThumbnail({ documentId: document.id, ...thumbnail });
    return { ...thumbnail, etag };
  }
}
