import * as fs from 'node:fs';
import type { DatabaseTlsConfig } from '@hub/config';

/** The TLS options used: both `pg` (tls.connect options) and TypeORM (TlsOptions) accept them. */
export interface PgTlsOptions {
  rejectUnauthorized: boolean;
  ca?: string;
  checkServerIdentity?: () => undefined;
}

/** The connection-string parameters TLS settings come from; `pg` must not read them itself. */
const TLS_PARAMETERS = ['sslmode', 'sslrootcert', 'ssl', 'uselibpqcompat'];

/**
 * What the `pg` driver (and TypeORM) connect with: the URL without its TLS parameters (node-pg
 * would override `ssl` with its own reading of them) and `ssl` with libpq's meaning of the mode:
 * `require` encrypts without checking the certificate (unless a CA file is given: then as
 * `verify-ca`, like libpq), `verify-ca` checks the chain, `verify-full` the chain and host name.
 */
export function pgConnection(
  url: string,
  tls: DatabaseTlsConfig,
): { connectionString: string; ssl: false | PgTlsOptions } {
  const stripped = new URL(url);
  for (const name of TLS_PARAMETERS) stripped.searchParams.delete(name);
  const connectionString = stripped.toString();
  if (tls.mode === 'disable') return { connectionString, ssl: false };
  const ca = tls.caFile ? fs.readFileSync(tls.caFile, 'utf8') : undefined;
  if (tls.mode === 'require' && !ca)
    return { connectionString, ssl: { rejectUnauthorized: false } };
  if (tls.mode === 'verify-full')
    return { connectionString, ssl: { rejectUnauthorized: true, ca } };
  return {
    connectionString,
    // The chain is checked; the name in the certificate is not (verify-ca).
    ssl: { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined },
  };
}

/** The URL libpq tools (pg_dump, pg_restore, psql) get: the same TLS settings as parameters. */
export function libpqUrl(url: string, tls: DatabaseTlsConfig): string {
  const withTls = new URL(url);
  withTls.searchParams.set('sslmode', tls.mode);
  if (tls.caFile) withTls.searchParams.set('sslrootcert', tls.caFile);
  else withTls.searchParams.delete('sslrootcert');
  return withTls.toString();
}
