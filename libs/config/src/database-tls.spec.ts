import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('PostgreSQL TLS settings', () => {
  const url = 'postgresql://hub@db.example.com:5432/hub';
  let dir: string;
  let ca: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-config-'));
    ca = path.join(dir, 'root.crt');
    fs.writeFileSync(ca, '-----BEGIN CERTIFICATE-----\n');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const tls = (env: Record<string, string>) => loadConfig(env).databaseTls;
  const refused = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as Error).message;
    }
    throw new Error('accepted');
  };

  it('is off unless asked for', () => {
    expect(tls({ DATABASE_URL: url })).toEqual({ mode: 'disable', caFile: undefined });
    expect(tls({})).toEqual({ mode: 'disable', caFile: undefined });
  });

  it('reads DATABASE_SSLMODE and DATABASE_SSL_CA_FILE, or libpq parameters in DATABASE_URL', () => {
    expect(
      tls({ DATABASE_URL: url, DATABASE_SSLMODE: 'verify-full', DATABASE_SSL_CA_FILE: ca }),
    ).toEqual({ mode: 'verify-full', caFile: ca });
    expect(tls({ DATABASE_URL: `${url}?sslmode=verify-ca&sslrootcert=${ca}` })).toEqual({
      mode: 'verify-ca',
      caFile: ca,
    });
    expect(tls({ DATABASE_URL: `${url}?sslmode=require`, DATABASE_SSLMODE: 'require' }).mode).toBe(
      'require',
    );
  });

  it('refuses what it cannot honour, with the reason', () => {
    expect(refused({ DATABASE_URL: url, DATABASE_SSLMODE: 'prefer' })).toMatch(
      /must be disable, require, verify-ca, verify-full.*no fallback/,
    );
    expect(refused({ DATABASE_URL: `${url}?sslmode=disable`, DATABASE_SSLMODE: 'require' })).toBe(
      'DATABASE_SSLMODE is "require" but DATABASE_URL says "disable"; give one',
    );
    expect(refused({ DATABASE_URL: url, DATABASE_SSL_CA_FILE: ca })).toMatch(
      /DATABASE_SSL_CA_FILE needs DATABASE_SSLMODE/,
    );
    expect(
      refused({
        DATABASE_URL: url,
        DATABASE_SSLMODE: 'verify-full',
        DATABASE_SSL_CA_FILE: path.join(dir, 'missing.crt'),
      }),
    ).toMatch(/DATABASE_SSL_CA_FILE cannot be read/);
    expect(refused({ DATABASE_SSLMODE: 'require' })).toMatch(/applies to DATABASE_URL/);
    expect(refused({ DATABASE_URL: `${url}?sslmode=require&sslcert=/c&sslkey=/k` })).toMatch(
      /sslcert, sslkey \(client certificates\) are not supported/,
    );
  });
});
