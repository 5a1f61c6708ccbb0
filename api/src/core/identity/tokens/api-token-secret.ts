import { createHash, randomBytes } from 'node:crypto';

/** Every personal API token starts with this, so the guard knows it is not a JWT (and scanners can spot leaks). */
export const apiTokenPrefix = 'mvp_pat_';
const apiTokenShape = /^mvp_pat_[A-Za-z0-9_-]{43}$/;
/** How much of the token the list shows: the prefix and four random characters. */
const displayedLength = apiTokenPrefix.length + 4;

export function newApiTokenSecret(): string {
  return `${apiTokenPrefix}${randomBytes(32).toString('base64url')}`;
}

export function isApiTokenShape(token: string): boolean {
  return apiTokenShape.test(token);
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function displayPrefixOf(token: string): string {
  return token.slice(0, displayedLength);
}
