import * as fs from 'node:fs';
import * as path from 'node:path';

/** libpq's sslmode values a TLS connection can honour exactly (no silent fallback to plain text). */
export const DATABASE_SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type DatabaseSslMode = (typeof DATABASE_SSL_MODES)[number];

/** How the processes reach a PostgreSQL server over TLS (DATABASE_SSLMODE, DATABASE_SSL_CA_FILE). */
export interface DatabaseTlsConfig {
  mode: DatabaseSslMode;
  /** The CA certificate(s) the server's certificate must chain to; unset: the system's CAs. */
  caFile: string | undefined;
}

type Env = Record<string, string | undefined>;

/** Client certificates are not supported: they would need settings of their own. */
const UNSUPPORTED_URL_PARAMETERS = ['sslcert', 'sslkey', 'sslpassword', 'sslcrl'];

function agree(
  name: string,
  fromEnv: string | undefined,
  fromUrl: string | null,
  fail: (message: string) => never,
): string | undefined {
  if (fromEnv && fromUrl && fromEnv !== fromUrl)
    fail(`${name} is "${fromEnv}" but DATABASE_URL says "${fromUrl}"; give one`);
  return fromEnv || fromUrl || undefined;
}

/**
 * DATABASE_SSLMODE and DATABASE_SSL_CA_FILE, or the same as `sslmode` and `sslrootcert` in
 * DATABASE_URL (as libpq reads them). Default `disable`. A CA file must be readable now.
 */
export function loadDatabaseTls(
  env: Env,
  databaseUrl: string | undefined,
  fail: (message: string) => never,
): DatabaseTlsConfig {
  const params = databaseUrl ? new URL(databaseUrl).searchParams : new URLSearchParams();
  const unsupported = UNSUPPORTED_URL_PARAMETERS.filter((p) => params.has(p));
  if (unsupported.length > 0)
    fail(`DATABASE_URL's ${unsupported.join(', ')} (client certificates) are not supported`);
  const mode = agree('DATABASE_SSLMODE', env.DATABASE_SSLMODE, params.get('sslmode'), fail);
  if (mode !== undefined && !(DATABASE_SSL_MODES as readonly string[]).includes(mode))
    fail(
      `DATABASE_SSLMODE must be ${DATABASE_SSL_MODES.join(', ')}, got "${mode}"` +
        (mode === 'prefer' || mode === 'allow'
          ? ' (no fallback to an unencrypted connection)'
          : ''),
    );
  const caFile = agree(
    'DATABASE_SSL_CA_FILE',
    env.DATABASE_SSL_CA_FILE,
    params.get('sslrootcert'),
    fail,
  );
  const tls: DatabaseTlsConfig = {
    mode: (mode as DatabaseSslMode | undefined) ?? 'disable',
    caFile: caFile ? path.resolve(caFile) : undefined,
  };
  if (!databaseUrl && tls.mode !== 'disable')
    fail('DATABASE_SSLMODE applies to DATABASE_URL; the embedded database needs none');
  if (tls.caFile) {
    if (tls.mode === 'disable')
      fail('DATABASE_SSL_CA_FILE needs DATABASE_SSLMODE require, verify-ca or verify-full');
    try {
      fs.accessSync(tls.caFile, fs.constants.R_OK);
    } catch {
      fail(`DATABASE_SSL_CA_FILE cannot be read: ${tls.caFile}`);
    }
  }
  return tls;
}
