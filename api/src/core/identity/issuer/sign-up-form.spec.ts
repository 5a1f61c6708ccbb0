import { isAllowedLoopbackRedirect } from './issuer.constants';
import { escapeHtml } from './pages';
import { validateSignUp } from './sign-up-form';

describe('validateSignUp', () => {
  const valid = { email: 'dana@example.com', password: 'x'.repeat(10), displayName: '' };

  it('accepts a valid form; the name is optional', () => {
    expect(validateSignUp(valid)).toEqual({});
  });

  it('names each wrong field', () => {
    expect(validateSignUp({ email: 'dana', password: 'x'.repeat(9), displayName: 'y'.repeat(81) })).toEqual({
      email: expect.stringContaining('valid email'),
      password: 'Use at least 10 characters.',
      displayName: 'Use at most 80 characters.',
    });
    expect(validateSignUp({ ...valid, email: '' }).email).toBe('Enter your email address.');
    expect(validateSignUp({ ...valid, password: 'x'.repeat(257) }).password).toBe('Use at most 256 characters.');
  });
});

describe('isAllowedLoopbackRedirect', () => {
  const paths = ['/auth-callback', '/'];

  it('allows the registered paths on any loopback port', () => {
    expect(isAllowedLoopbackRedirect('http://localhost:4200/auth-callback', paths)).toBe(true);
    expect(isAllowedLoopbackRedirect('http://127.0.0.1:39123/', paths)).toBe(true);
    expect(isAllowedLoopbackRedirect('http://[::1]:8080/auth-callback', paths)).toBe(true);
  });

  it('refuses other hosts, schemes, paths, queries and credentials', () => {
    expect(isAllowedLoopbackRedirect('http://evil.example.com/auth-callback', paths)).toBe(false);
    expect(isAllowedLoopbackRedirect('https://localhost:4200/auth-callback', paths)).toBe(false);
    expect(isAllowedLoopbackRedirect('http://localhost:4200/other', paths)).toBe(false);
    expect(isAllowedLoopbackRedirect('http://localhost:4200/auth-callback?x=1', paths)).toBe(false);
    expect(isAllowedLoopbackRedirect('http://user@localhost:4200/auth-callback', paths)).toBe(false);
    expect(isAllowedLoopbackRedirect('http://localhost.evil.com/auth-callback', paths)).toBe(false);
  });
});

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml(undefined)).toBe('');
  });
});
