import { emailBody } from './email-body';

describe('emailBody', () => {
  const notification = {
    event: 'notification' as const,
    key: 'k',
    title: 'Oil <change> due',
    message: 'First line\nsecond line\n\nNew paragraph & more',
    link: 'https://garage.example.com/maintenance?a=1&b=2',
    data: null,
  };

  it('has the title as subject, the message and link as text, and a settings link to change what arrives', () => {
    const body = emailBody(notification, 'https://garage.example.com/settings');
    expect(body.subject).toBe('Oil <change> due');
    expect(body.text).toBe(
      'First line\nsecond line\n\nNew paragraph & more\n\nhttps://garage.example.com/maintenance?a=1&b=2\n\n' +
        '--\nYou get this from MotoVaultPro. Change what you get: https://garage.example.com/settings',
    );
  });

  it('escapes everything it puts in the HTML', () => {
    const { html } = emailBody(notification, 'https://garage.example.com/settings');
    expect(html).toContain('<h2>Oil &#60;change&#62; due</h2>');
    expect(html).toContain('<p>First line<br>second line</p>\n<p>New paragraph &#38; more</p>');
    expect(html).toContain('href="https://garage.example.com/maintenance?a=1&#38;b=2"');
  });
});
