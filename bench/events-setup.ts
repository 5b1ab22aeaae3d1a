import * as http from 'node:http';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across threads. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export interface BenchUser {
  id: number;
  email: string;
  api_key: string;
}

/** A throwaway database on DATABASE_URL's server (or the local default), dropped afterwards. */
export async function scratchDatabase(
  prefix = 'zh_bench_ev',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = new URL(
    process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres',
  );
  const name = `${prefix}_${Date.now().toString(36)}_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: serverUrl.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** `count` members of the realm in one statement (no passwords; md5 hex makes a valid API key). */
export async function bulkUsers(pool: Pool, realmId: number, count: number): Promise<BenchUser[]> {
  const { rows } = await pool.query<BenchUser>(
    `INSERT INTO users (realm_id, email, delivery_email, full_name, api_key)
     SELECT $1, 'ev' || i || '@bench.test', 'ev' || i || '@bench.test', 'Listener ' || i,
            md5(random()::text || i::text)
     FROM generate_series(1, $2) AS i
     RETURNING id, email, api_key`,
    [realmId, count],
  );
  return rows;
}

export function basicAuth(user: Pick<BenchUser, 'email' | 'api_key'>): string {
  return `Basic ${Buffer.from(`${user.email}:${user.api_key}`).toString('base64')}`;
}

/** A minimal JSON-over-HTTP call on a shared keep-alive agent (fetch would pool less predictably). */
export function call(
  agent: http.Agent,
  base: URL,
  method: string,
  pathName: string,
  auth: string,
  params: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const query = new URLSearchParams(params).toString();
  const isGet = method === 'GET';
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method,
        agent,
        path: `/api/v1${pathName}${isGet && query ? `?${query}` : ''}`,
        headers: {
          authorization: auth,
          ...(isGet ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            const body = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
            resolve({ status: res.statusCode ?? 0, body });
          } catch (err) {
            reject(err);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (!isGet) req.write(query);
    req.end();
  });
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function inBatches<T>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

/** The nearest-rank percentile of ascending `sorted` (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Rows as an aligned table, the first row a header with a rule under it. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ');
  return [line(rows[0]), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join(
    '\n',
  );
}
