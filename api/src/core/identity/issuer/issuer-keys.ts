import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { dataSecretsDir, readOrCreateSecretFile } from '@mvp/common';
import { join } from 'node:path';

/** A private signing key as a JSON Web Key (RSA, RS256). */
export interface SigningJwk {
  kty: 'RSA';
  kid: string;
  alg: 'RS256';
  use: 'sig';
  [member: string]: unknown;
}

export interface IssuerKeys {
  /** Signing keys, the first one signs; the others still verify (rotation). */
  jwks: { keys: SigningJwk[] };
  /** Cookie signing keys, the first one signs. */
  cookieKeys: string[];
}

/** Where the keys come from: the two secrets (the same on every replica), or else the data folder. */
export interface IssuerKeySettings {
  DATA_DIR: string;
  /** PEM RSA private key (secret file `auth-signing-key`). */
  AUTH_SIGNING_KEY?: string;
  /** Cookie keys, one a line, the first signs (secret file `auth-cookie-key`). */
  AUTH_COOKIE_KEY?: string;
}

export const jwksFileName = 'oidc-jwks.json';
export const cookieKeysFileName = 'oidc-cookie-keys.json';

const minimumModulusBits = 2048;
const minimumCookieKeyLength = 32;

/**
 * The configured keys when both secrets are set, so every replica signs tokens and cookies alike;
 * otherwise the keys generated once under the data folder (one process).
 */
export function loadIssuerKeys(settings: IssuerKeySettings): IssuerKeys {
  if (settings.AUTH_SIGNING_KEY && settings.AUTH_COOKIE_KEY) {
    return {
      jwks: { keys: [signingJwkFromPem(settings.AUTH_SIGNING_KEY)] },
      cookieKeys: cookieKeysFromLines(settings.AUTH_COOKIE_KEY),
    };
  }
  return loadDataFolderKeys(settings.DATA_DIR);
}

/**
 * A PEM RSA private key as a signing JWK. Its `kid` is the key's RFC 7638 thumbprint, so replicas
 * given the same key name it alike. Throws a message fit to follow the key's name.
 */
export function signingJwkFromPem(pem: string): SigningJwk {
  let key;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    throw new Error('is not a PEM private key (expected PKCS#8 "BEGIN PRIVATE KEY")');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(`must be an RSA key (got ${key.asymmetricKeyType ?? 'an unknown type'})`);
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < minimumModulusBits) throw new Error(`must be at least ${minimumModulusBits} bits (got ${bits})`);
  const jwk = key.export({ format: 'jwk' });
  return { ...jwk, kty: 'RSA', kid: rsaThumbprint(jwk.e ?? '', jwk.n ?? ''), alg: 'RS256', use: 'sig' };
}

/** Cookie keys, one a line (blank lines skipped); the first signs, the others still verify. */
export function cookieKeysFromLines(text: string): string[] {
  const keys = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (keys.length === 0) throw new Error('holds no key');
  const short = keys.findIndex((key) => key.length < minimumCookieKeyLength);
  if (short >= 0) {
    throw new Error(`line ${short + 1} is shorter than ${minimumCookieKeyLength} characters: use a random key`);
  }
  return keys;
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
function rsaThumbprint(e: string, n: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ e, kty: 'RSA', n }))
    .digest('base64url');
}

/**
 * The embedded issuer's secrets under `DATA_DIR/secrets/`, generated on first start (folder 0700,
 * files 0600) and reused after: tokens signed before a restart keep verifying. The data folder
 * itself keeps its mode (the embedded PostgreSQL's user may need to traverse it).
 */
function loadDataFolderKeys(dataDir: string): IssuerKeys {
  const secretsDir = dataSecretsDir(dataDir);
  const jwks = readOrCreate(join(secretsDir, jwksFileName), () => ({ keys: [newSigningKey()] }));
  const cookieKeys = readOrCreate(join(secretsDir, cookieKeysFileName), () => [randomBytes(32).toString('base64url')]);
  if (!Array.isArray(jwks.keys) || jwks.keys.length === 0 || jwks.keys.some((key) => key.kty !== 'RSA' || !key.d)) {
    throw new Error(`${join(secretsDir, jwksFileName)} holds no RSA private keys: fix or delete it`);
  }
  if (!Array.isArray(cookieKeys) || cookieKeys.length === 0 || cookieKeys.some((key) => typeof key !== 'string')) {
    throw new Error(`${join(secretsDir, cookieKeysFileName)} must be a JSON array of strings: fix or delete it`);
  }
  return { jwks, cookieKeys };
}

export function newSigningKey(): SigningJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kty: 'RSA', kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function readOrCreate<T>(path: string, create: () => T): T {
  return JSON.parse(readOrCreateSecretFile(path, () => `${JSON.stringify(create(), null, 2)}\n`)) as T;
}
