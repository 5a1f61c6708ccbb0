import { Transform, TransformCallback } from 'node:stream';
import { AcceptedMediaType, MediaVerdict, mediaTypeOf, SNIFF_BYTES } from './media-type';

/** A file refused for what its content is, whatever its name said. */
export class UnacceptedContentError extends Error {
  constructor(readonly verdict: Extract<MediaVerdict, { accepted: false }>) {
    super(`The file is ${verdict.found}`);
    this.name = 'UnacceptedContentError';
  }
}

/**
 * Passes a file's bytes through once its first `SNIFF_BYTES` (or all of a shorter file) show an
 * accepted type; fails with `UnacceptedContentError` otherwise, before anything is passed on.
 */
export class MediaSniffer extends Transform {
  mediaType: AcceptedMediaType | undefined;
  private head: Buffer[] = [];
  private headLength = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.mediaType) return done(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < SNIFF_BYTES) return done();
    this.decide().then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    if (this.mediaType) return done();
    this.decide().then(() => done(), done);
  }

  private async decide(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    const verdict = await mediaTypeOf(head.subarray(0, SNIFF_BYTES));
    if (!verdict.accepted) throw new UnacceptedContentError(verdict);
    this.mediaType = verdict.mediaType;
    this.push(head);
  }
}
