import type { IncomingMessage } from 'node:http';
import { requestIdFor } from './pino-options';

const withHeader = (value?: string) =>
  ({ headers: value === undefined ? {} : { 'x-request-id': value } }) as IncomingMessage;

describe('requestIdFor', () => {
  it('honours a well-formed incoming x-request-id', () => {
    expect(requestIdFor(withHeader('trace-42.a_b:c'))).toBe('trace-42.a_b:c');
  });

  it('makes a UUID when there is none, or when it is malformed or oversized', () => {
    const uuid = /^[0-9a-f-]{36}$/;
    expect(requestIdFor(withHeader())).toMatch(uuid);
    expect(requestIdFor(withHeader('bad id\nwith newline'))).toMatch(uuid);
    expect(requestIdFor(withHeader('x'.repeat(200)))).toMatch(uuid);
  });
});
