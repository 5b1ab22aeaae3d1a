import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** Where Debian's `ngircd` package puts the daemon (also found on PATH). */
export function ngircdBinary(): string | undefined {
  for (const candidate of ['/usr/sbin/ngircd', '/usr/local/sbin/ngircd']) {
    if (fs.existsSync(candidate)) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v ngircd'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`ngircd exited with ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`ngircd did not listen on ${port}`);
}

/**
 * A real ngircd on a loopback port with a generated config in a temp dir (never the system
 * service). `kill()` and `start()` again restart it on the same port.
 */
export class Ngircd {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];

  private constructor(
    readonly binary: string,
    readonly dir: string,
    readonly port: number,
    readonly serverName: string,
  ) {}

  static async create(options: { password?: string } = {}): Promise<Ngircd> {
    const binary = ngircdBinary();
    if (!binary) throw new Error('ngircd is not installed (apt-get install ngircd)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-ngircd-'));
    const port = await freePort();
    const serverName = 'irc.bridge.test';
    const config = [
      '[Global]',
      `Name = ${serverName}`,
      'Info = Zulip Hub bridge tests',
      'Listen = 127.0.0.1',
      `Ports = ${port}`,
      `PidFile = ${path.join(dir, 'ngircd.pid')}`,
      `MotdPhrase = bridge tests`,
      ...(options.password ? [`Password = ${options.password}`] : []),
      '[Limits]',
      'MaxNickLength = 30',
      'PingTimeout = 120',
      'PongTimeout = 20',
      // The bridge paces itself (flood_lines_per_second); the server's own throttle would only
      // make the tests slow.
      'MaxPenaltyTime = 0',
      '[Options]',
      'DNS = no',
      'Ident = no',
      'PAM = no',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'ngircd.conf'), config);
    const server = new Ngircd(binary, dir, port, serverName);
    await server.start();
    return server;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null;
  }

  async start(): Promise<void> {
    const child = spawn(
      this.binary,
      ['--nodaemon', '--config', path.join(this.dir, 'ngircd.conf')],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.on('data', (d: Buffer) => this.output.push(d.toString()));
    child.stderr?.on('data', (d: Buffer) => this.output.push(d.toString()));
    this.child = child;
    await waitForPort(this.port, child);
  }

  /** Kills the server outright (SIGKILL): every client loses its connection at once. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }

  async stop(): Promise<void> {
    await this.kill();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
