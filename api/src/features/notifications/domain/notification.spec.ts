import { absoluteLink, checkNotification } from './notification';

describe('checkNotification', () => {
  const valid = { key: 'reminder:1', title: 'Due', message: 'Soon.' };

  it('accepts a complete notification with a path or an http(s) link', () => {
    expect(() => checkNotification({ ...valid, link: '/maintenance' })).not.toThrow();
    expect(() => checkNotification({ ...valid, link: 'https://example.com' })).not.toThrow();
  });

  it('refuses what no caller should send, naming each problem', () => {
    expect(() => checkNotification({ key: '', title: ' ', message: 'x', link: 'javascript:x' })).toThrow(
      'Invalid notification: key must be 1 to 200 characters; title must be 1 to 200 characters; link must be a path (/…) or an http(s) URL',
    );
  });
});

describe('absoluteLink', () => {
  it('makes app paths absolute and leaves URLs alone', () => {
    expect(absoluteLink('/settings', 'https://garage.example.com/')).toBe('https://garage.example.com/settings');
    expect(absoluteLink('https://other.example.com/x', 'https://garage.example.com')).toBe(
      'https://other.example.com/x',
    );
    expect(absoluteLink(null, 'https://garage.example.com')).toBeNull();
  });
});
