import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadApiConfig } from '../../config/api.config';
import {
  cookieKeysFileName,
  cookieKeysFromLines,
  jwksFileName,
  loadIssuerKeys,
  signingJwkFromPem,
} from './issuer-keys';

const rsaPem = (bits = 2048) =>
  generateKeyPairSync('rsa', { modulusLength: bits }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const cookieKey = () => randomBytes(32).toString('base64url');

describe('issuer keys', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mvp-issuer-keys-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('signs with the configured key under its RFC 7638 thumbprint, the same on every replica', () => {
    const pem = rsaPem();
    const [first, second] = [signingJwkFromPem(pem), signingJwkFromPem(pem)];
    expect(first).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(first.d).toEqual(expect.any(String));
    expect(first.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.kid).toBe(first.kid);
    expect(signingJwkFromPem(rsaPem()).kid).not.toBe(first.kid);
  });

  it('matches the thumbprint example of RFC 7638 section 3.1', () => {
    const jwk = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      d: 'X4cTteJY_gn4FYPsXB8rdXix5vwsg1FLN5E3EaG6RJoVH-HLLKD9M7dx5oo7GURknchnrRweUkC7hT5fJLM0WbFAKNLWY2vv7B6NqXSzUvxT0_YSfqijwp3RTzlBaCxWp4doFk5N2o8Gy_nHNKroADIkJ46pRUohsXywbReAdYaMwFs9tv8d_cPVY3i07a3t8MN6TNwm0dSawm9v47UlCl3ZhoZJ4RltcbmQWkMfR_ceGUq6QGLQVUDnhVIjIgFn27QeIIW9w4DLStTzAPv5ux1YRXm3Bk6aeHWNi_twpZgpt2tKrPNI1VbmmIeQ6Ox8ViYFcmEZ7jNqSz5WZnYcTw',
      p: '83i-7IvMGXoMXCskv73TKr8637FiO7Z27zv8oj6pbWUQyLPQBQxtPVnwD20R-60eTDmD2ujnMt5PoqMrm8RfmNhVWDtjjMmCMjOpSXicFHj7XOuVIYQyqVWlWEh6dN36GVZYk93N8Bc9vY41xy8B9RzzOGVQzXvNEvn7O0nVbfs',
      q: '3dfOR9cuYq-0S-mkFLzgItgMEfFzB2q3hWehMuG0oCuqnb3vobLyumqjVZQO1dIrdwgTnCdpYzBcOfW5r370AFXjiWft_NGEiovonizhKpo9VVS78TzFgxkIdrecRezsZ-1kYd_s1qDbxtkDEgfAITAG9LUnADun4vIcb6yelxk',
      dp: 'G4sPXkc6Ya9y8oJW9_ILj4xuppu0lzi_H7VTkS8xj5SdX3coE0oimYwxIi2emTAue0UOa5dpgFGyBJ4c8tQ2VF402XRugKDTP8akYhFo5tAA77Qe_NmtuYZc3C3m3I24G2GvR5sSDxUyAN2zq8Lfn9EUms6rY3Ob8YeiKkTiBj0',
      dq: 's9lAH9fggBsoFR8Oac2R_E2gw282rT2kGOAhvIllETE1efrA6huUUvMfBcMpn8lqeW6vzznYY5SSQF7pMdC_agI3nG8Ibp1BUb0JUiraRNqUfLhcQb_d9GF4Dh7e74WbRsobRonujTYN1xCaP6TO61jvWrX-L18txXw494Q_cgk',
      qi: 'GyM_p6JrXySiz1toFgKbWV-JdI3jQ4ypu9rbMWx3rQJBfmt0FoYzgUIZEVFEcOqwemRN81zoDAaa-Bk0KWNGDjJHZDdDmFhW3AN7lI-puxk_mHZGJ11rxyR8O55XLSe3SPmRfKwZI6yU24ZxvQKFYItdldUKGzO6Ia6zTKhAVRU',
    };
    const pem = createPrivateKey({ key: jwk, format: 'jwk' }).export({ type: 'pkcs8', format: 'pem' });
    expect(signingJwkFromPem(pem.toString()).kid).toBe('NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs');
  });

  it('refuses a key that is not PEM, not RSA, or too short', () => {
    expect(() => signingJwkFromPem('not a key')).toThrow(/is not a PEM private key/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(() => signingJwkFromPem(ec.toString())).toThrow(/must be an RSA key \(got ec\)/);
    expect(() => signingJwkFromPem(rsaPem(1024))).toThrow(/at least 2048 bits \(got 1024\)/);
  });

  it('reads cookie keys one a line, the first signing, and refuses an empty or weak one', () => {
    const [first, second] = [cookieKey(), cookieKey()];
    expect(cookieKeysFromLines(`${first}\n\n${second}\r\n`)).toEqual([first, second]);
    expect(() => cookieKeysFromLines('\n \n')).toThrow(/holds no key/);
    expect(() => cookieKeysFromLines(`${first}\nchangeme`)).toThrow(/line 2 is shorter than 32 characters/);
  });

  it('uses the configured pair and writes nothing under the data folder', () => {
    const pem = rsaPem();
    const cookies = `${cookieKey()}\n${cookieKey()}`;
    const keys = loadIssuerKeys({ DATA_DIR: dir, AUTH_SIGNING_KEY: pem, AUTH_COOKIE_KEY: cookies });
    expect(keys.jwks.keys).toEqual([signingJwkFromPem(pem)]);
    expect(keys.cookieKeys).toEqual(cookies.split('\n'));
    expect(existsSync(join(dir, 'secrets'))).toBe(false);
  });

  it('without the secrets, generates keys once under DATA_DIR/secrets and reuses them', () => {
    const first = loadIssuerKeys({ DATA_DIR: dir });
    expect(existsSync(join(dir, 'secrets', jwksFileName))).toBe(true);
    expect(existsSync(join(dir, 'secrets', cookieKeysFileName))).toBe(true);
    expect(loadIssuerKeys({ DATA_DIR: dir })).toEqual(first);
  });
});

describe('api config: issuer key secrets', () => {
  let secretsDir: string;
  const load = () => loadApiConfig({ SECRETS_DIR: secretsDir });
  beforeEach(() => (secretsDir = mkdtempSync(join(tmpdir(), 'mvp-secrets-'))));
  afterEach(() => rmSync(secretsDir, { recursive: true, force: true }));

  it('reads auth-signing-key and auth-cookie-key from the secrets folder', () => {
    const pem = rsaPem();
    const cookie = cookieKey();
    writeFileSync(join(secretsDir, 'auth-signing-key'), pem);
    writeFileSync(join(secretsDir, 'auth-cookie-key'), `${cookie}\n`);
    expect(load()).toMatchObject({ AUTH_SIGNING_KEY: pem.trim(), AUTH_COOKIE_KEY: cookie });
  });

  it('refuses one secret without the other, naming the missing file', () => {
    writeFileSync(join(secretsDir, 'auth-signing-key'), rsaPem());
    expect(load).toThrow(/AUTH_COOKIE_KEY is needed with AUTH_SIGNING_KEY \(secret file auth-cookie-key\)/);
    rmSync(join(secretsDir, 'auth-signing-key'));
    writeFileSync(join(secretsDir, 'auth-cookie-key'), cookieKey());
    expect(load).toThrow(/AUTH_SIGNING_KEY is needed with AUTH_COOKIE_KEY \(secret file auth-signing-key\)/);
  });

  it('refuses a bad file at startup, naming it', () => {
    writeFileSync(join(secretsDir, 'auth-signing-key'), 'garbage');
    writeFileSync(join(secretsDir, 'auth-cookie-key'), cookieKey());
    expect(load).toThrow(/AUTH_SIGNING_KEY \(secret file auth-signing-key\) is not a PEM private key/);
    writeFileSync(join(secretsDir, 'auth-signing-key'), rsaPem());
    writeFileSync(join(secretsDir, 'auth-cookie-key'), 'short');
    expect(load).toThrow(/AUTH_COOKIE_KEY \(secret file auth-cookie-key\) line 1 is shorter/);
  });
});
