import { expiryOf, formatBytes, kindLabel, mediaIcon, previewKindOf } from './document-format';

describe('sizes', () => {
  it.each([
    [0, '0 bytes'],
    [512, '512 bytes'],
    [1024, '1 kB'],
    [48_640, '47.5 kB'],
    [1_258_291, '1.2 MB'],
    [25 * 1_048_576, '25 MB'],
    [157 * 1_048_576, '157 MB'],
    [1_073_741_824, '1 GB'],
  ])('%d bytes read %j', (bytes, text) => {
    expect(formatBytes(bytes, 'en-US')).toBe(text);
  });
});

describe('expiry', () => {
  const today = '2026-03-10';

  it('says nothing without a day, and gives no chip while the day is far', () => {
    expect(expiryOf(null, today, 'en-US')).toBeUndefined();
    expect(expiryOf('2026-04-10', today, 'en-US')).toEqual({ tone: 'later', text: 'Expires Apr 10, 2026' });
  });

  it('turns "expires soon" within 30 days, counting down to today', () => {
    expect(expiryOf('2026-04-09', today, 'en-US')).toEqual({
      tone: 'soon',
      chip: 'Expires soon',
      text: 'Expires Apr 9, 2026 · in 30 days',
    });
    expect(expiryOf('2026-03-11', today, 'en-US')?.text).toBe('Expires tomorrow');
    expect(expiryOf('2026-03-10', today, 'en-US')?.text).toBe('Expires today');
  });

  it("follows the user's due-soon days", () => {
    expect(expiryOf('2026-03-20', today, 'en-US', 7)?.tone).toBe('later');
    expect(expiryOf('2026-03-17', today, 'en-US', 7)?.chip).toBe('Expires soon');
  });

  it('is expired from the day after', () => {
    expect(expiryOf('2026-03-09', today, 'en-US')).toEqual({
      tone: 'expired',
      chip: 'Expired',
      text: 'Expired Mar 9, 2026',
    });
  });
});

describe('how a document shows', () => {
  it('names kinds and picks an icon by media type', () => {
    expect(kindLabel('registration')).toBe('Registration');
    expect(mediaIcon('application/pdf')).toBe('picture_as_pdf');
    expect(mediaIcon('image/heic')).toBe('image');
    expect(mediaIcon('text/plain')).toBe('article');
    expect(mediaIcon('')).toBe('draft');
  });

  it('previews images, PDF and text, and downloads what browsers cannot show', () => {
    expect(previewKindOf({ mediaType: 'image/jpeg', inline: true })).toBe('image');
    expect(previewKindOf({ mediaType: 'application/pdf', inline: true })).toBe('pdf');
    expect(previewKindOf({ mediaType: 'text/plain', inline: false })).toBe('text');
    expect(previewKindOf({ mediaType: 'image/heic', inline: false })).toBe('download');
  });
});
