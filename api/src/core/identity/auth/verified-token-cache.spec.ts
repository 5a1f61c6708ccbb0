import { AuthenticatedUser } from './authenticated-user';
import { VerifiedTokenCache } from './verified-token-cache';

const user = (userId: string): AuthenticatedUser => ({ userId, sub: userId, via: 'jwt', access: 'read_write' });

describe('VerifiedTokenCache', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('serves a token until its exp, then forgets it', () => {
    const cache = new VerifiedTokenCache(10, clock);
    cache.set('a', user('1'), now / 1000 + 60);
    expect(cache.get('a')?.userId).toBe('1');
    now += 60_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not store a token that has already expired', () => {
    const cache = new VerifiedTokenCache(10, clock);
    cache.set('old', user('1'), now / 1000 - 1);
    expect(cache.get('old')).toBeUndefined();
  });

  it('stays within its bound, dropping the least recently used', () => {
    const cache = new VerifiedTokenCache(2, clock);
    const exp = now / 1000 + 60;
    cache.set('a', user('a'), exp);
    cache.set('b', user('b'), exp);
    cache.get('a');
    cache.set('c', user('c'), exp);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.userId).toBe('a');
    expect(cache.get('c')?.userId).toBe('c');
  });
});
