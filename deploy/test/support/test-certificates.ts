import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CertificateAuthority {
  /** PEM of the CA's certificate. */
  certFile: string;
  keyFile: string;
}

export interface ServerCertificate {
  certFile: string;
  keyFile: string;
}

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** A CA of its own in `dir/<name>/` (P-256, valid two days), made with the openssl command. */
export function createCertificateAuthority(dir: string, name: string): CertificateAuthority {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const ca = { certFile: join(folder, 'ca.crt'), keyFile: join(folder, 'ca.key') };
  openssl(
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2'],
    ...['-subj', `/CN=${name}`, '-keyout', ca.keyFile, '-out', ca.certFile],
    ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  );
  return ca;
}

/** A server certificate for 127.0.0.1 and localhost, signed by `ca`, in `dir/server/`. */
export function issueServerCertificate(dir: string, ca: CertificateAuthority): ServerCertificate {
  const folder = join(dir, 'server');
  mkdirSync(folder, { recursive: true });
  const server = { certFile: join(folder, 'server.crt'), keyFile: join(folder, 'server.key') };
  const request = join(folder, 'server.csr');
  const extensions = join(folder, 'server.ext');
  writeFileSync(
    extensions,
    [
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth',
    ].join('\n'),
  );
  openssl(
    ...['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'],
    ...['-subj', '/CN=localhost', '-keyout', server.keyFile, '-out', request],
  );
  openssl(
    ...['x509', '-req', '-in', request, '-CA', ca.certFile, '-CAkey', ca.keyFile, '-set_serial', '2'],
    ...['-days', '2', '-extfile', extensions, '-out', server.certFile],
  );
  return server;
}
