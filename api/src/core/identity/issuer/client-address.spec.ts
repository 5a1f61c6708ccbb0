import { clientAddressFor } from './client-address';

describe('clientAddressFor', () => {
  it('uses the socket address without a proxy, whatever the client claims', () => {
    expect(clientAddressFor(false)({ ip: '203.0.113.9', headers: { 'x-forwarded-for': '1.2.3.4' } })).toBe(
      '203.0.113.9',
    );
  });

  it('uses the entry the proxy appended behind one', () => {
    const tracker = clientAddressFor(true);
    expect(tracker({ ip: '10.0.0.2', headers: { 'x-forwarded-for': '1.2.3.4, 198.51.100.7' } })).toBe('198.51.100.7');
    expect(tracker({ ip: '10.0.0.2', headers: {} })).toBe('10.0.0.2');
  });
});
