import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A real prosody (Debian's package) for end-to-end tests: its own config, data and log in a temp
 * dir, one loopback port, never the system service. Killed and restarted on the same port at will.
 */
export interface ProsodyServer {
  readonly port: number;
  readonly service: string;
  readonly domain: string;
  readonly conferenceDomain: string;
  readonly dir: string;
  register(user: string, password: string): void;
  /** SIGKILL: the crash case; sockets close without a goodbye. */
  kill(): Promise<void>;
  /** Starts again on the same port with the same data. */
  start(): Promise<void>;
  /** SIGSTOP / SIGCONT: a server that is there but silent (what only a ping timeout finds). */
  pause(): void;
  resume(): void;
  log(): string;
  stop(): Promise<void>;
}

export function prosodyBinary(): string | undefined {
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/local/bin']) {
    const file = path.join(dir, 'prosody');
    if (fs.existsSync(file) && fs.existsSync(path.join(dir, 'prosodyctl'))) return file;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`prosody did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

function configText(dir: string, port: number, domain: string, conference: string): string {
  const asRoot = process.getuid?.() === 0;
  return `-- generated for one test run
${asRoot ? 'run_as_root = true\nprosody_user = "root"' : ''}
pidfile = "${dir}/prosody.pid"
data_path = "${dir}/data"
certificates = "${dir}/certs"
daemonize = false
interfaces = { "127.0.0.1" }
c2s_ports = { ${port} }
c2s_direct_tls_ports = { }
s2s_ports = { }
http_ports = { }
https_ports = { }
c2s_require_encryption = false
s2s_require_encryption = false
allow_registration = false
authentication = "internal_hashed"
storage = "internal"
log = { { levels = { min = "debug" }, to = "file", filename = "${dir}/prosody.log" } }
modules_enabled = { "roster", "saslauth", "disco", "ping", "presence", "posix" }
modules_disabled = { "s2s", "tls", "offline" }
VirtualHost "${domain}"
Component "${conference}" "muc"
  muc_room_locking = false
  max_history_messages = 50
  muc_room_default_change_subject = true
`;
}

export async function startProsody(domain = 'localhost'): Promise<ProsodyServer> {
  const binary = prosodyBinary();
  if (!binary) throw new Error('prosody is not installed (apt-get install prosody)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-prosody-'));
  fs.mkdirSync(path.join(dir, 'data'));
  fs.mkdirSync(path.join(dir, 'certs'));
  const port = await freePort();
  const conference = `conference.${domain}`;
  const configFile = path.join(dir, 'prosody.cfg.lua');
  fs.writeFileSync(configFile, configText(dir, port, domain, conference));
  let child: ChildProcess | undefined;

  const launch = async (): Promise<void> => {
    const proc = spawn(binary, ['--config', configFile, '-F'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child = proc;
    try {
      await waitForPort(port, 10_000);
    } catch (error) {
      proc.kill('SIGKILL');
      throw new Error(`${(error as Error).message}\n${stderr}`);
    }
  };
  const exited = async (signal: NodeJS.Signals): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const done = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGCONT');
    proc.kill(signal);
    await done;
  };

  await launch();
  return {
    port,
    service: `xmpp://127.0.0.1:${port}`,
    domain,
    conferenceDomain: conference,
    dir,
    register(user, password) {
      execFileSync(`${path.dirname(binary)}/prosodyctl`, [
        '--config',
        configFile,
        'register',
        user,
        domain,
        password,
      ]);
    },
    kill: () => exited('SIGKILL'),
    start: launch,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    log: () => fs.readFileSync(path.join(dir, 'prosody.log'), 'utf8'),
    async stop() {
      await exited('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
