import { mediaTypeOf, SNIFF_BYTES } from './media-type';

const bytes = (hex: string) => Buffer.from(hex.replace(/\s/g, ''), 'hex');
const text = (value: string) => Buffer.from(value, 'utf8');

describe('mediaTypeOf', () => {
  it.each([
    ['a PDF', text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'],
    ['a PNG', bytes('89504e470d0a1a0a 0000000d49484452 0000000100000001 0802000000'), 'image/png'],
    ['a JPEG', bytes('ffd8ffe000104a46494600010100000100010000'), 'image/jpeg'],
    ['a WebP', Buffer.concat([text('RIFF'), bytes('24000000'), text('WEBPVP8 ')]), 'image/webp'],
    [
      'a HEIC photo',
      Buffer.concat([bytes('00000018'), text('ftypheic'), bytes('00000000'), text('mif1heic')]),
      'image/heic',
    ],
    ['plain text', text('Oil change at 48,210 km.\r\nNext at 58,000.\n'), 'text/plain'],
    ['UTF-8 text with a BOM', Buffer.concat([bytes('efbbbf'), text('Prüfbericht TÜV')]), 'text/plain'],
    ['text that starts with a less-than sign', text('<3 the new tyres'), 'text/plain'],
  ])('accepts %s', async (_what, head, mediaType) => {
    expect(await mediaTypeOf(head)).toEqual({ accepted: true, mediaType });
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'empty'],
    ['a shell script', text('#!/bin/sh\necho hi\n'), 'script'],
    ['HTML', text('  <!DOCTYPE html><html><script>alert(1)</script>'), 'markup'],
    ['SVG', text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'markup'],
    ['XML', text('<?xml version="1.0"?><note/>'), 'type'],
    ['a ZIP archive', bytes('504b030414000000080000000000'), 'type'],
    ['a Linux program', bytes('7f454c46020101000000000000000000'), 'type'],
    ['text with a NUL byte', text('abc\u0000def'), 'binary'],
    ['Latin-1 bytes that are not UTF-8', bytes('50727566626572696368742054dc56'), 'binary'],
  ])('refuses %s', async (_what, head, reason) => {
    const verdict = await mediaTypeOf(head);
    expect(verdict).toMatchObject({ accepted: false, reason });
  });

  it('accepts text whose sample ends inside a character', async () => {
    const sample = Buffer.from('ü'.repeat(SNIFF_BYTES), 'utf8').subarray(0, SNIFF_BYTES - 1);
    expect(sample.length % 2).toBe(1);
    expect(await mediaTypeOf(sample)).toEqual({ accepted: true, mediaType: 'text/plain' });
  });
});
