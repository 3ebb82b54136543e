import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface DevCertificate {
  key: Buffer;
  cert: Buffer;
  /** Where it came from, to tell the developer what to trust. */
  source: string;
}

/**
 * The HTTPS certificate of `npm run dev:outlook` (Outlook loads add-ins over HTTPS only). Prefers the one
 * `npx office-addin-dev-certs install` creates and trusts; otherwise makes a self-signed one for
 * localhost with openssl, once, in `dir` (the browser or Outlook must then be told to trust it).
 */
export function devCertificate(dir: string, home = homedir()): DevCertificate {
  const office = join(home, '.office-addin-dev-certs');
  for (const [key, cert] of [[join(office, 'localhost.key'), join(office, 'localhost.crt')]] as const) {
    if (existsSync(key) && existsSync(cert))
      return { key: readFileSync(key), cert: readFileSync(cert), source: cert };
  }
  const key = join(dir, 'localhost.key');
  const cert = join(dir, 'localhost.crt');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-sha256',
        '-days',
        '825',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert), source: cert };
}
