import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppConfig, loadConfig } from '@hub/config';
import { DeployLayout } from './layout';
import { ReleaseError } from './release-archive';

const STOP_TIMEOUT_MS = 30_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The service of one installation, supervised through its pid file: `start` runs a deployment's
 * `dist/tools/start.js` (server and gateway) detached in its own process group with the
 * installation's settings, `stop` ends that group with SIGTERM (SIGKILL after 30 s).
 */
export class Service {
  constructor(private readonly layout: DeployLayout) {}

  /** The environment of the service and of management commands: ours, then settings.env. */
  env(): NodeJS.ProcessEnv {
    return { ...process.env, ...this.layout.settings() };
  }

  /**
   * The installation's configuration as the service reads it: relative paths (the default
   * `./var`) start at the installation folder, its working directory.
   */
  config(): AppConfig {
    const env = this.env();
    for (const name of ['DATA_DIR', 'UPLOADS_DIR', 'DATABASE_SSL_CA_FILE']) {
      const value = env[name];
      if (value) env[name] = path.resolve(this.layout.root, value);
    }
    if (!env.DATA_DIR) env.DATA_DIR = path.join(this.layout.root, 'var');
    return loadConfig(env);
  }

  /** The pid of the running service, or null. */
  pid(): number | null {
    if (!fs.existsSync(this.layout.pidFile)) return null;
    const pid = Number(fs.readFileSync(this.layout.pidFile, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
  }

  start(deployment: string): number {
    if (this.pid() !== null) throw new ReleaseError('The service is already running');
    const entry = path.join(deployment, 'dist', 'tools', 'start.js');
    if (!fs.existsSync(entry)) throw new ReleaseError(`${deployment} has no dist/tools/start.js`);
    fs.mkdirSync(path.dirname(this.layout.pidFile), { recursive: true });
    fs.mkdirSync(path.dirname(this.layout.logFile), { recursive: true });
    const log = fs.openSync(this.layout.logFile, 'a');
    try {
      const child = spawn(process.execPath, [entry], {
        cwd: this.layout.root,
        env: this.env(),
        detached: true,
        stdio: ['ignore', log, log],
      });
      if (child.pid === undefined) throw new ReleaseError(`Could not start ${entry}`);
      child.unref();
      fs.writeFileSync(this.layout.pidFile, `${child.pid}\n`);
      return child.pid;
    } finally {
      fs.closeSync(log);
    }
  }

  /** Stops the service (no-op when it is not running); resolves once its processes are gone. */
  async stop(): Promise<void> {
    const pid = this.pid();
    if (pid !== null) {
      const signal = (name: NodeJS.Signals) => {
        try {
          process.kill(-pid, name);
        } catch {
          // Not a group leader (started by hand): signal the process itself.
          if (alive(pid)) process.kill(pid, name);
        }
      };
      signal('SIGTERM');
      const deadline = Date.now() + STOP_TIMEOUT_MS;
      while (alive(pid) && Date.now() < deadline) await sleep(100);
      if (alive(pid)) signal('SIGKILL');
      while (alive(pid)) await sleep(50);
    }
    fs.rmSync(this.layout.pidFile, { force: true });
  }

  /**
   * Waits until the server's `/health` answers ready and the gateway's answers 200. Throws when
   * the service exits or `timeoutMs` passes first, with the last answer.
   */
  async waitHealthy(timeoutMs: number): Promise<void> {
    const config = this.config();
    const urls = [`${config.serverUrl}/health`];
    if (config.gatewayUrl) urls.push(`${config.gatewayUrl}/health`);
    const deadline = Date.now() + timeoutMs;
    let last = 'no answer yet';
    for (;;) {
      if (this.pid() === null)
        throw new ReleaseError(`The service exited while starting (see ${this.layout.logFile})`);
      const answers = await Promise.all(
        urls.map(async (url) => {
          try {
            const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
            return res.ok ? null : `${url}: ${res.status} ${(await res.text()).slice(0, 200)}`;
          } catch (err) {
            return `${url}: ${(err as Error).message}`;
          }
        }),
      );
      const failing = answers.filter((a) => a !== null);
      if (failing.length === 0) return;
      last = failing.join('; ');
      if (Date.now() > deadline)
        throw new ReleaseError(`Not healthy after ${Math.round(timeoutMs / 1000)} s: ${last}`);
      await sleep(200);
    }
  }

  /** Runs `manage <args>` of a deployment with the installation's settings. */
  manage(deployment: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
    const entry = path.join(deployment, 'dist', 'apps', 'server', 'src', 'admin-cli', 'manage.js');
    const result = spawnSync(process.execPath, [entry, ...args], {
      cwd: this.layout.root,
      env: this.env(),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return {
      ok: result.status === 0,
      stdout: result.stdout ?? '',
      stderr: result.stderr || (result.error?.message ?? ''),
    };
  }
}
