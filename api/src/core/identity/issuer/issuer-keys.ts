import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
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

export const jwksFileName = 'oidc-jwks.json';
export const cookieKeysFileName = 'oidc-cookie-keys.json';

/**
 * The embedded issuer's secrets under `DATA_DIR/secrets/`, generated on first start (folder 0700,
 * files 0600) and reused after: tokens signed before a restart keep verifying. The data folder
 * itself keeps its mode (the embedded PostgreSQL's user may need to traverse it).
 */
export function loadIssuerKeys(dataDir: string): IssuerKeys {
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
