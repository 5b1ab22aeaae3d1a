import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A private PostgreSQL cluster that accepts TLS connections only, with a certificate for
 * `localhost` signed by a throw-away CA: built with the machine's initdb and pg_ctl in a temporary
 * folder on a port of its own (the system's PostgreSQL is left as it is).
 */
export interface TlsPostgres {
  port: number;
  caFile: string;
  /** A CA that did not sign the server's certificate. */
  otherCaFile: string;
  /** A hot standby streaming from this cluster (pg_basebackup over TLS) on `port`. */
  startReplica(port: number): Replica;
  stop(): void;
}

export interface Replica {
  port: number;
  stop(): void;
}

/** The folder holding initdb and pg_ctl, or null when the PostgreSQL server is not installed. */
export function postgresBinDir(): string | null {
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
    if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
  } catch {
    // No pg_config: look where Debian installs the server.
  }
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  const found = versions
    .map((v) => path.join(root, v, 'bin'))
    .find((d) => fs.existsSync(path.join(d, 'initdb')));
  return found ?? null;
}

export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' });
}

/** A CA and a server certificate for `localhost` (and no IP address) signed by it. */
function certificates(dir: string): void {
  const days = ['-days', '2'];
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-subj',
      '/CN=Test CA',
      ...days,
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'other-ca.key',
      '-out',
      'other-ca.crt',
      '-subj',
      '/CN=Other CA',
      ...days,
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      '/CN=localhost',
    ],
    dir,
  );
  fs.writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=DNS:localhost\n');
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.crt',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.crt',
      '-extfile',
      'san.ext',
      ...days,
    ],
    dir,
  );
  fs.chmodSync(path.join(dir, 'server.key'), 0o600);
}

export function startTlsPostgres(binDir: string, port: number): TlsPostgres {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-postgres-'));
  // initdb refuses to run as root: the cluster then belongs to the postgres account.
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : path.join(binDir, tool),
      asRoot ? ['-u', 'postgres', '--', path.join(binDir, tool), ...args] : args,
      { stdio: 'pipe', cwd: dir },
    );
  certificates(dir);
  const data = path.join(dir, 'data');
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync']);
  fs.appendFileSync(
    path.join(data, 'postgresql.conf'),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'ssl = on',
      `ssl_cert_file = '${path.join(dir, 'server.crt')}'`,
      `ssl_key_file = '${path.join(dir, 'server.key')}'`,
      'fsync = off',
      'max_connections = 30',
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(data, 'pg_hba.conf'),
    'local all all trust\nhostssl all all 127.0.0.1/32 trust\n' +
      'hostssl replication all 127.0.0.1/32 trust\nhostnossl all all 127.0.0.1/32 reject\n',
  );
  run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  const replicas: string[] = [];
  const stopCluster = (folder: string) => {
    try {
      run('pg_ctl', ['-D', folder, '-m', 'immediate', 'stop']);
    } catch {
      // Stopped already.
    }
  };
  return {
    port,
    caFile: path.join(dir, 'ca.crt'),
    otherCaFile: path.join(dir, 'other-ca.crt'),
    startReplica: (replicaPort: number) => {
      const replica = path.join(dir, `replica-${replicaPort}`);
      // -R: the copy starts as a standby streaming from here (its primary_conninfo).
      run('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-D',
        replica,
        '-R',
        '--no-sync',
      ]);
      fs.appendFileSync(path.join(replica, 'postgresql.conf'), `port = ${replicaPort}\n`);
      run('pg_ctl', [
        '-D',
        replica,
        '-l',
        path.join(dir, `replica-${replicaPort}.log`),
        '-w',
        'start',
      ]);
      replicas.push(replica);
      return { port: replicaPort, stop: () => stopCluster(replica) };
    },
    stop: () => {
      for (const replica of replicas) stopCluster(replica);
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
