import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { ApiClient, Credentials } from './api-client';
import { createTestDatabase, postgresAvailable, redisAvailable, REDIS_TEST_URL } from './services';

const ROOT = path.resolve(__dirname, '../..');
let build: Promise<string> | undefined;

/** Compiles the server once per test worker into a temporary folder (what `npm run build` does). */
function compiledServer(): Promise<string> {
  build ??= (async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-cluster-build-'));
    await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/@swc/cli/bin/swc.js'),
        'apps',
        'libs',
        'integrations',
        'bridges',
        'bots',
        'tools',
        '-d',
        out,
        '--copy-files',
        '--quiet',
      ],
      { cwd: ROOT },
    );
    return out;
  })();
  return build;
}

/** A TCP port nothing listens on at the moment. */
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

export interface ClusterUser extends Credentials {
  id: number;
}

/** One real server process of the cluster. */
export class ClusterNode {
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    readonly url: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  client(user?: Credentials): ApiClient {
    return new ApiClient(this.url, user);
  }

  /** Sends SIGTERM (a graceful stop) and resolves when the process has exited. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

/** Several server processes sharing one real PostgreSQL database and one real Redis. */
export class Cluster {
  constructor(
    readonly nodes: ClusterNode[],
    readonly owner: ClusterUser,
    private readonly db: Client,
    private readonly realmId: number,
    private readonly cleanup: Array<() => Promise<void>>,
  ) {}

  private counter = 0;

  /** A member of the realm (written straight to the shared database; no password). */
  async createUser(fullName?: string): Promise<ClusterUser> {
    const n = ++this.counter;
    const email = `cluster${n}-${Date.now().toString(36)}@example.com`;
    const apiKey = `K${n}${Math.random().toString(36).slice(2)}`.padEnd(32, 'x').slice(0, 32);
    const { rows } = await this.db.query<{ id: number }>(
      `INSERT INTO users (realm_id, email, delivery_email, full_name, api_key)
       VALUES ($1, $2, $2, $3, $4) RETURNING id`,
      [this.realmId, email, fullName ?? `Cluster User ${n}`, apiKey],
    );
    return { id: rows[0].id, email, apiKey };
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
    await this.db.end().catch(() => undefined);
    for (const fn of this.cleanup.reverse()) await fn().catch(() => undefined);
    // The compiled copy is rebuilt by the next cluster, if any.
    const out = await build;
    build = undefined;
    if (out) fs.rmSync(out, { recursive: true, force: true });
  }
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server at ${url} exited (${child.exitCode})`);
    try {
      const res = await fetch(`${url}/api/v1/server_settings`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

/**
 * Starts `size` real server processes (compiled, `node main.js`) on their own ports against one
 * fresh PostgreSQL database and the test Redis. Null when either service is unavailable (under
 * REQUIRE_SERVICES=1 that fails instead).
 */
export async function startCluster(
  options: { size?: number; env?: Record<string, string> } = {},
): Promise<Cluster | null> {
  if (!(await postgresAvailable()) || !(await redisAvailable())) return null;
  const cleanup: Array<() => Promise<void>> = [];
  const database = await createTestDatabase();
  cleanup.push(database.drop);
  const out = await compiledServer();
  const nodes: ClusterNode[] = [];
  for (let i = 0; i < (options.size ?? 2); i++) {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-cluster-'));
    cleanup.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    const child = spawn(process.execPath, [path.join(out, 'apps/server/src/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_PATH: path.join(ROOT, 'node_modules'),
        PORT: String(port),
        DATABASE_URL: database.url,
        REDIS_URL: REDIS_TEST_URL,
        DATA_DIR: dataDir,
        EXTERNAL_HOST: 'localhost',
        GATEWAY_URL: '',
        LOG_LEVEL: 'error',
        ...options.env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const node = new ClusterNode(`http://127.0.0.1:${port}`, child);
    nodes.push(node);
    // One at a time: the first runs the migrations and creates the realm.
    await waitUntilUp(node.url, child);
  }
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const owner = await db.query<{ id: number; email: string; api_key: string; realm_id: number }>(
    'SELECT id, email, api_key, realm_id FROM users ORDER BY id LIMIT 1',
  );
  const row = owner.rows[0];
  return new Cluster(
    nodes,
    { id: row.id, email: row.email, apiKey: row.api_key },
    db,
    row.realm_id,
    cleanup,
  );
}
