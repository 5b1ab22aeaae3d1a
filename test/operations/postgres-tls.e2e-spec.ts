import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '@hub/config';
import { createBackup } from '../../apps/server/src/backup/backup';
import { pgDumpMajorVersion } from '../../apps/server/src/backup/database-snapshot';
import { openDatabase } from '../../apps/server/src/database/database.module';
import { freePort } from '../helpers/cluster';
import { hasOpenssl, postgresBinDir, startTlsPostgres, TlsPostgres } from '../helpers/tls-postgres';

jest.setTimeout(120_000);

/**
 * DATABASE_SSLMODE against a PostgreSQL that refuses unencrypted connections and presents a
 * certificate for `localhost` from a private CA.
 */
const binDir = postgresBinDir();
const missing = !binDir ? 'PostgreSQL server binaries (initdb)' : !hasOpenssl() ? 'openssl' : null;
if (missing) {
  if (process.env.REQUIRE_SERVICES === '1')
    throw new Error(`REQUIRE_SERVICES=1 but ${missing} is missing`);
  process.stderr.write(`[test] postgres-tls skipped: no ${missing} on this machine\n`);
}
const describeTls = missing ? describe.skip : describe;

describeTls('the database over TLS', () => {
  let server: TlsPostgres;
  let dataDir: string;
  beforeAll(async () => {
    server = startTlsPostgres(binDir ?? '', await freePort());
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-data-'));
  });
  afterAll(() => {
    server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const settings = (host: string, tls: Record<string, string>) =>
    loadConfig({
      DATABASE_URL: `postgresql://postgres@${host}:${server.port}/postgres`,
      DATA_DIR: dataDir,
      ...tls,
    });

  /** Connects as the server does, migrates, and asks PostgreSQL whether the session is encrypted. */
  async function connect(host: string, tls: Record<string, string>): Promise<string> {
    const { database } = await openDatabase(settings(host, tls), { runMigrations: true });
    try {
      const [row] = await database.rows<{ ssl: boolean; version: string }>(
        'SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
      );
      return row.ssl ? `encrypted (${row.version})` : 'plain';
    } finally {
      await database.dataSource.destroy();
    }
  }

  it('verify-full with the CA connects encrypted, migrates, and pg_dump backs up through TLS', async () => {
    expect(
      await connect('localhost', {
        DATABASE_SSLMODE: 'verify-full',
        DATABASE_SSL_CA_FILE: server.caFile,
      }),
    ).toMatch(/^encrypted \(TLSv1\.[23]\)$/);
    const config = settings('localhost', {
      DATABASE_SSLMODE: 'verify-full',
      DATABASE_SSL_CA_FILE: server.caFile,
    });
    const { manifest } = await createBackup(config, {
      output: path.join(dataDir, 'backup.tar.gz'),
      skipUploads: true,
    });
    // pg_dump is used when it is at least as new as the server (else the logical dump).
    const dumper = await pgDumpMajorVersion();
    const serverMajor = Number(path.basename(path.dirname(binDir ?? '')));
    if (dumper !== undefined && dumper >= serverMajor)
      expect(manifest.database?.dump).toBe('pg_dump');
    expect(manifest.database?.tables.realms).toBeDefined();
  });

  it('sslmode in DATABASE_URL works as the setting does', async () => {
    const url = `postgresql://postgres@localhost:${server.port}/postgres?sslmode=verify-full&sslrootcert=${encodeURIComponent(server.caFile)}`;
    const { database } = await openDatabase(loadConfig({ DATABASE_URL: url, DATA_DIR: dataDir }), {
      runMigrations: false,
    });
    await database.dataSource.destroy();
  });

  it('require encrypts without checking the certificate; verify-ca checks the chain only', async () => {
    expect(await connect('127.0.0.1', { DATABASE_SSLMODE: 'require' })).toMatch(/^encrypted/);
    expect(
      await connect('127.0.0.1', {
        DATABASE_SSLMODE: 'verify-ca',
        DATABASE_SSL_CA_FILE: server.caFile,
      }),
    ).toMatch(/^encrypted/);
  });

  it('refuses a server it cannot verify, and a plain connection is refused by the server', async () => {
    // The certificate names localhost, not 127.0.0.1.
    await expect(
      connect('127.0.0.1', {
        DATABASE_SSLMODE: 'verify-full',
        DATABASE_SSL_CA_FILE: server.caFile,
      }),
    ).rejects.toThrow(/Hostname\/IP does not match|altnames/);
    await expect(
      connect('localhost', {
        DATABASE_SSLMODE: 'verify-full',
        DATABASE_SSL_CA_FILE: server.otherCaFile,
      }),
    ).rejects.toThrow(/self.signed|unable to verify|unable to get local issuer/i);
    // No CA file: the system's CAs, which never signed this one.
    await expect(connect('localhost', { DATABASE_SSLMODE: 'verify-full' })).rejects.toThrow(
      /self.signed|unable to verify|unable to get local issuer/i,
    );
    await expect(connect('localhost', { DATABASE_SSLMODE: 'disable' })).rejects.toThrow(
      /no encryption|pg_hba\.conf rejects/,
    );
  });
});
