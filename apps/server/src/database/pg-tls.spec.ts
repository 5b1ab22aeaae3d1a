import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { libpqUrl, pgConnection } from './pg-tls';

describe('TLS settings as the pg driver and libpq tools get them', () => {
  const url = 'postgresql://hub:secret@db.example.com:5432/hub?application_name=hub';
  let dir: string;
  let caFile: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-tls-'));
    caFile = path.join(dir, 'root.crt');
    fs.writeFileSync(caFile, 'THE CA');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('disable: no TLS at all', () => {
    expect(pgConnection(url, { mode: 'disable', caFile: undefined })).toEqual({
      connectionString: url,
      ssl: false,
    });
  });

  it('require: encrypted, certificate unchecked; with a CA file, the chain is checked', () => {
    expect(pgConnection(url, { mode: 'require', caFile: undefined }).ssl).toEqual({
      rejectUnauthorized: false,
    });
    const withCa = pgConnection(url, { mode: 'require', caFile }).ssl;
    expect(withCa).toMatchObject({ rejectUnauthorized: true, ca: 'THE CA' });
    expect(withCa && withCa.checkServerIdentity?.()).toBeUndefined();
  });

  it('verify-ca checks the chain but not the name; verify-full both', () => {
    const ca = pgConnection(url, { mode: 'verify-ca', caFile }).ssl;
    expect(ca).toMatchObject({ rejectUnauthorized: true, ca: 'THE CA' });
    expect(ca && typeof ca.checkServerIdentity).toBe('function');
    const full = pgConnection(url, { mode: 'verify-full', caFile }).ssl;
    expect(full).toEqual({ rejectUnauthorized: true, ca: 'THE CA' });
  });

  it('takes the TLS parameters out of the URL, so pg cannot override the ssl option', () => {
    const { connectionString, ssl } = pgConnection(
      `${url}&sslmode=require&sslrootcert=${encodeURIComponent(caFile)}`,
      { mode: 'require', caFile },
    );
    expect(connectionString).toBe(url);
    // What the driver itself makes of both (its connection string wins over options).
    const client = new Client({ connectionString, ssl });
    expect((client as unknown as { ssl: unknown }).ssl).toEqual(ssl);
  });

  it('gives libpq tools the same settings as URL parameters', () => {
    const forTools = new URL(libpqUrl(url, { mode: 'verify-full', caFile }));
    expect(forTools.searchParams.get('sslmode')).toBe('verify-full');
    expect(forTools.searchParams.get('sslrootcert')).toBe(caFile);
    expect(forTools.searchParams.get('application_name')).toBe('hub');
    expect(
      new URL(libpqUrl(`${url}&sslrootcert=/old`, { mode: 'disable', caFile: undefined }))
        .searchParams,
    ).toEqual(new URLSearchParams({ application_name: 'hub', sslmode: 'disable' }));
  });
});
