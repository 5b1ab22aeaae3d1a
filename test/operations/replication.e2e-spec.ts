import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { cliEnv, manage } from '../cli/cli-harness';
import { freePort } from '../helpers/cluster';
import { hasOpenssl, postgresBinDir, startTlsPostgres, TlsPostgres } from '../helpers/tls-postgres';

jest.setTimeout(180_000);

/**
 * `manage check-database` against a primary with a real streaming replica (the machine's
 * initdb and pg_basebackup, a private cluster on its own ports): the lag it reports, thresholds
 * that fire while the replica's replay is paused, and a replica that stopped.
 */
const binDir = postgresBinDir();
const missing = !binDir ? 'PostgreSQL server binaries (initdb)' : !hasOpenssl() ? 'openssl' : null;
if (missing) {
  if (process.env.REQUIRE_SERVICES === '1')
    throw new Error(`REQUIRE_SERVICES=1 but ${missing} is missing`);
  process.stderr.write(`[test] replication check skipped: no ${missing} on this machine\n`);
}
const describeReplica = missing ? describe.skip : describe;

describeReplica('check-database with a streaming replica', () => {
  let primary: TlsPostgres;
  let replicaPort: number;
  let stopReplica: () => void;
  let dataDir: string;
  let env: Record<string, string | undefined>;

  const sql = async (port: number, text: string) => {
    const client = new Client({
      connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      ssl: { rejectUnauthorized: false },
    });
    await client.connect();
    try {
      return (await client.query(text)).rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  };
  const check = async (...args: string[]) => {
    const run = await manage(env, 'check-database', ...args);
    expect(run.stderr).toBe('');
    return { status: run.stdout.split(' ')[0], code: run.code, line: run.stdout };
  };

  beforeAll(async () => {
    primary = startTlsPostgres(binDir ?? '', await freePort());
    replicaPort = await freePort();
    stopReplica = primary.startReplica(replicaPort).stop;
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'replica-data-'));
    env = {
      ...cliEnv({
        config: {
          databaseUrl: `postgresql://postgres@localhost:${primary.port}/postgres`,
          dataDir,
          externalHost: 'localhost',
        },
      }),
      DATABASE_SSLMODE: 'verify-full',
      DATABASE_SSL_CA_FILE: primary.caFile,
    };
    for (let i = 0; ; i++) {
      const rows = await sql(
        primary.port,
        "SELECT 1 FROM pg_stat_replication WHERE state = 'streaming'",
      );
      if (rows.length === 1) break;
      if (i > 100) throw new Error('The replica never streamed');
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(() => {
    primary?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports the replica and its lag, OK while it keeps up', async () => {
    const ok = await check('--replicas', '1');
    expect(ok).toMatchObject({ status: 'OK', code: 0 });
    expect(ok.line).toMatch(/; 1 replicas, lag [\d.]+ s \| .*replication_lag=[\d.]+s;30;300;0/);
  });

  it('WARNING, then CRITICAL, while the replica stops replaying what the primary writes', async () => {
    await sql(replicaPort, 'SELECT pg_wal_replay_pause()');
    try {
      await sql(primary.port, 'CREATE TABLE lag_drill AS SELECT generate_series(1, 1000) AS n');
      // The lag grows while replay stays paused: wait until PostgreSQL reports more than 2 s.
      for (let i = 0; ; i++) {
        await sql(primary.port, 'INSERT INTO lag_drill VALUES (0)');
        const [row] = await sql(
          primary.port,
          'SELECT EXTRACT(EPOCH FROM replay_lag)::float AS lag FROM pg_stat_replication',
        );
        if (Number(row?.lag ?? 0) > 2) break;
        if (i > 60) throw new Error('The replication lag never grew');
        await new Promise((r) => setTimeout(r, 250));
      }
      const warning = await check('--lag-warning', '1', '--lag-critical', '3600');
      expect(warning).toMatchObject({ status: 'WARNING', code: 1 });
      expect(warning.line).toMatch(/1 replicas, lag [\d.]+ s/);
      expect(await check('--lag-warning', '1', '--lag-critical', '1')).toMatchObject({
        status: 'CRITICAL',
        code: 2,
      });
    } finally {
      await sql(replicaPort, 'SELECT pg_wal_replay_resume()');
    }
  });

  it('CRITICAL when an expected replica stopped streaming (it leaves pg_stat_replication)', async () => {
    stopReplica();
    for (let i = 0; (await sql(primary.port, 'SELECT 1 FROM pg_stat_replication')).length; i++) {
      if (i > 100) throw new Error('The stopped replica still streams');
      await new Promise((r) => setTimeout(r, 100));
    }
    const gone = await check('--replicas', '1');
    expect(gone).toMatchObject({ status: 'CRITICAL', code: 2 });
    expect(gone.line).toMatch(/; 0 of 1 expected replicas streaming/);
    // Without the expectation nothing tells a stopped replica from none.
    expect(await check()).toMatchObject({ status: 'OK', code: 0 });
    expect((await check('--replicas', 'two')).status).toBe('UNKNOWN');
  });
});
