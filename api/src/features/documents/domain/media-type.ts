import { fileTypeFromBuffer } from 'file-type';

/** What a document may be, decided from its first bytes: never from its name or the client's Content-Type. */
export const acceptedMediaTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'text/plain',
] as const;
export type AcceptedMediaType = (typeof acceptedMediaTypes)[number];

/** How much of the start of a file `mediaTypeOf` looks at (what `file-type` needs for every format it knows). */
export const SNIFF_BYTES = 4100;

/** The verdict on a file's first bytes: an accepted type, or what it was found to be instead. */
export type MediaVerdict =
  | { accepted: true; mediaType: AcceptedMediaType }
  | { accepted: false; found: string; reason: 'empty' | 'script' | 'markup' | 'binary' | 'type' };

/**
 * `head` is the first `SNIFF_BYTES` of the file (all of it when shorter). Binary formats are
 * recognised by their signatures (`file-type`); anything else is plain text only when it is UTF-8
 * without control characters and is neither a script (`#!`) nor markup a browser would run.
 */
export async function mediaTypeOf(head: Uint8Array): Promise<MediaVerdict> {
  if (head.length === 0) return { accepted: false, found: 'an empty file', reason: 'empty' };
  const detected = await fileTypeFromBuffer(head);
  if (detected) {
    const mediaType = detected.mime === 'image/heif' ? 'image/heic' : detected.mime;
    return isAccepted(mediaType)
      ? { accepted: true, mediaType }
      : { accepted: false, found: mediaType, reason: 'type' };
  }
  return textVerdict(head);
}

function isAccepted(mediaType: string): mediaType is AcceptedMediaType {
  return (acceptedMediaTypes as readonly string[]).includes(mediaType);
}

// Tab, line feed, form feed and carriage return are text; other C0 controls (and NUL) are not.
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000b\u000e-\u001f]/;
const markup = /^\s*<(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml)\b/i;

function textVerdict(head: Uint8Array): MediaVerdict {
  let text: string;
  try {
    // `stream: true` lets a character cut at the end of the sample wait for bytes that never come.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return { accepted: false, found: 'binary data of an unknown kind', reason: 'binary' };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (controlCharacter.test(body)) {
    return { accepted: false, found: 'binary data of an unknown kind', reason: 'binary' };
  }
  if (body.startsWith('#!')) return { accepted: false, found: 'a script', reason: 'script' };
  if (markup.test(body)) return { accepted: false, found: 'HTML or XML markup', reason: 'markup' };
  return { accepted: true, mediaType: 'text/plain' };
}

/** The `Content-Type` a document is served with. */
export function contentTypeOf(mediaType: string): string {
  return mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : mediaType;
}

/** Shown in the browser (images, PDF, text) or only downloaded (HEIC, which browsers mostly cannot show). */
export function isShownInline(mediaType: string): boolean {
  return mediaType.startsWith('image/') ? mediaType !== 'image/heic' : mediaType === 'application/pdf';
}

/** Images a thumbnail can be made of (sharp's prebuilt libvips has no HEVC decoder, so HEIC has none). */
export function hasThumbnail(mediaType: string): boolean {
  return mediaType === 'image/jpeg' || mediaType === 'image/png' || mediaType === 'image/webp';
}
