/**
 * Big realm: register and history on a realm of 10,000 users, 1,000 streams (every user in 20)
 * and 1,000,000 messages (5% of received rows unread, reactions on one stream message in ten),
 * generated in PostgreSQL in seconds (see realm-data.ts). Measured as the realm's owner, with the
 * web client's parameters: `POST /register`, `GET /messages` (newest 100 in a stream + topic
 * narrow, in a DM narrow, `is:unread`, a full-text `search:`) and `GET /users`.
 *
 * Each endpoint's baseline, its SQL floor, is the SQL it sends (captured from the server's own
 * query log on a warm call) replayed through `pg` on one connection, as named prepared
 * statements like the server's; the API calls and the replay take turns (5 rounds each), so a
 * drift in the machine's speed shows in both. Requests go out on one lean keep-alive connection,
 * as lean as the floor's pg client. Goals: each endpoint's p50 ≤ 2× its SQL floor; register's p99 <
 * 300 ms (its query count not depending on realm size is asserted by a test,
 * test/events/register.e2e-spec.ts).
 *
 *   node dist/bench/realm.bench.js [--scale 1] [--iterations 100]
 *
 * `--scale 0.1` makes a realm a tenth the size (users, streams and messages) for quick runs;
 * `--only dm,stream+topic` measures only the endpoints whose names contain one of those parts;
 * `--profile FILE` writes a CPU profile of the server's thread while the requests are measured
 * (open it in Chrome's DevTools); `--explain` also prints, per endpoint, its slowest statements
 * with their EXPLAIN ANALYZE.
 * Uses DATABASE_URL's server (or postgresql://postgres@127.0.0.1:5432, a superuser: the load
 * switches foreign-key triggers off for its session), in a scratch database that is dropped
 * afterwards. The requests come from a worker thread, so the client does not
 * compete with the server's event loop.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Client } from 'pg';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig, loadConfig } from '@hub/config';
import { WEB_CLIENT_REGISTER } from '@hub/api/web-client-register';
import { createServerApp } from '../apps/server/src/bootstrap';
import { Database } from '../apps/server/src/database/database.service';
import {
  attributeBackgroundQueries,
  isBackgroundWork,
} from '../apps/server/src/database/query-counter';
import { RealmsService } from '../apps/server/src/realms/realms.service';
import { UsersRepository } from '../apps/server/src/identity/users.repository';
import { startProfiler } from './cpu-profile';
import { percentile, scratchDatabase, table } from './events-setup';
import { PollConnection } from './poll-connection';
import { generateRealm, GeneratedRealm } from './realm-data';

interface Statement {
  sql: string;
  params: unknown[];
}

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  params: Record<string, string>;
  statements: Statement[];
  /** Register also has an absolute goal. */
  p99GoalMs?: number;
  /**
   * Reads the realm's user list, which the server keeps in memory between changes (as Zulip
   * does): the floor still includes the query that reads it.
   */
  readsUserList?: boolean;
}

interface Job {
  port: number;
  auth: string;
  dbUrl: string;
  iterations: number;
  endpoints: Endpoint[];
}

interface Result {
  name: string;
  p50: number;
  p99: number;
  floorP50: number;
  floorP99: number;
  bytes: number;
  queries: number;
  p99GoalMs?: number;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

function stringOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * Calls endpoints on one keep-alive connection. A lean client (bench/poll-connection.ts), as the
 * floor's pg client is: node:http's client would add its own cost, on the same two cores, to
 * the API side only.
 */
class Caller {
  private readonly connection: PollConnection;

  constructor(port: number, auth: string) {
    this.connection = new PollConnection(port, '127.0.0.1', `Authorization: ${auth}\r\n`);
  }

  /** One request; resolves with the answer's size in bytes (rejects on a non-200). */
  async call(e: Endpoint): Promise<number> {
    const query = new URLSearchParams(e.params).toString();
    const path = `${API_PATH}${e.path}`;
    const answer =
      e.method === 'GET'
        ? await this.connection.get(`${path}?${query}`)
        : await this.connection.postForm(path, query);
    if (answer.status !== 200) {
      throw new Error(`${e.name}: ${answer.status} ${answer.body.slice(0, 300)}`);
    }
    return Buffer.byteLength(answer.body);
  }

  close(): void {
    this.connection.close();
  }
}

const API_PATH = '/api/v1';

async function timed(iterations: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

/** Turns the API and its floor take per endpoint, each with a share of the iterations. */
const ROUNDS = 5;

/** The worker: per endpoint, the API calls and its SQL replayed, the same number of times, in turns. */
async function measureWorker(job: Job): Promise<Result[]> {
  const db = new Client({ connectionString: job.dbUrl });
  await db.connect();
  const caller = new Caller(job.port, job.auth);
  const results: Result[] = [];
  try {
    let statement = 0;
    for (const e of job.endpoints) {
      let bytes = 0;
      // The same statements as the server sends them: parameterised ones as named prepared
      // statements (parsed once per connection), the others as simple queries.
      const named = e.statements.map((s) => ({ ...s, name: `bench_${statement++}` }));
      const replay = async () => {
        for (const s of named) {
          if (s.params.length > 0) await db.query({ name: s.name, text: s.sql, values: s.params });
          else await db.query(s.sql);
        }
      };
      const warm = Math.max(3, Math.round(job.iterations / 10));
      await timed(warm, () => caller.call(e));
      await timed(warm, replay);
      // The API and its floor take turns, so both see the machine as it is at the time (the
      // database's own speed drifts over a run on these shared machines).
      const api: number[] = [];
      const floor: number[] = [];
      const perRound = Math.max(1, Math.round(job.iterations / ROUNDS));
      for (let round = 0; round < ROUNDS; round++) {
        api.push(
          ...(await timed(perRound, async () => {
            bytes = await caller.call(e);
          })),
        );
        floor.push(...(await timed(perRound, replay)));
      }
      api.sort((a, b) => a - b);
      floor.sort((a, b) => a - b);
      results.push({
        name: e.name,
        p50: percentile(api, 50),
        p99: percentile(api, 99),
        floorP50: percentile(floor, 50),
        floorP99: percentile(floor, 99),
        bytes,
        queries: e.statements.length,
        p99GoalMs: e.p99GoalMs,
      });
    }
  } finally {
    caller.close();
    await db.end();
  }
  return results;
}

function runWorker(job: Job): Promise<Result[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

/** Records the statements the server sends while `fn` runs (from its query log). */
async function capture(
  app: NestExpressApplication,
  fn: () => Promise<unknown>,
): Promise<Statement[]> {
  const counter = app.get(Database).counter;
  const original = counter.logQuery.bind(counter);
  const seen: Statement[] = [];
  counter.logQuery = (query, parameters, runner) => {
    const before = counter.total;
    original(query, parameters, runner);
    // What the counter counts is the request's own work; background sweeps that happen to run
    // meanwhile are not counted (and not captured). The request's own transaction control is
    // kept: it is a round trip the endpoint makes.
    const counted = counter.total > before;
    const control = /^(START TRANSACTION|COMMIT|ROLLBACK|BEGIN)/i.test(query);
    if (counted || (control && !isBackgroundWork())) {
      seen.push({ sql: query, params: parameters ?? [] });
    }
  };
  try {
    await fn();
  } finally {
    counter.logQuery = original;
  }
  return seen;
}

function serverConfig(dbUrl: string, dataDir: string): AppConfig {
  return loadConfig({
    ...process.env,
    DATABASE_URL: dbUrl,
    DATA_DIR: dataDir,
    PORT: '0',
    EXTERNAL_HOST: 'localhost',
    REDIS_URL: undefined,
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
}

/** A cheap authenticated call that does not read the realm's user list. */
const OWN_USER: Endpoint = {
  name: 'GET /users/me',
  method: 'GET',
  path: '/users/me',
  params: {},
  statements: [],
};

function endpointsFor(realm: GeneratedRealm): Endpoint[] {
  const page = (narrow: unknown[]): Record<string, string> => ({
    anchor: 'newest',
    num_before: '100',
    num_after: '0',
    narrow: JSON.stringify(narrow),
    apply_markdown: 'true',
    client_gravatar: 'false',
  });
  return [
    {
      name: 'POST /register',
      method: 'POST',
      path: '/register',
      // What the web client sends: every event type.
      params: Object.fromEntries(
        Object.entries(WEB_CLIENT_REGISTER).map(([k, v]) => [k, JSON.stringify(v)]),
      ),
      statements: [],
      p99GoalMs: 300,
      readsUserList: true,
    },
    {
      name: 'GET /messages stream+topic',
      method: 'GET',
      path: '/messages',
      params: page([
        { operator: 'stream', operand: realm.streamName },
        { operator: 'topic', operand: realm.topic },
      ]),
      statements: [],
    },
    {
      name: 'GET /messages dm',
      method: 'GET',
      path: '/messages',
      params: page([{ operator: 'dm', operand: [realm.dmPartnerId] }]),
      statements: [],
    },
    {
      name: 'GET /messages is:unread',
      method: 'GET',
      path: '/messages',
      params: page([{ operator: 'is', operand: 'unread' }]),
      statements: [],
    },
    {
      name: 'GET /messages search',
      method: 'GET',
      path: '/messages',
      params: page([{ operator: 'search', operand: realm.searchWord }]),
      statements: [],
    },
    {
      name: 'GET /users',
      method: 'GET',
      path: '/users',
      params: {},
      statements: [],
      readsUserList: true,
    },
  ];
}

/** Each statement's own time (median of 5), slowest first; the two slowest with their plans. */
async function explain(db: Client, endpoints: Endpoint[]): Promise<string> {
  const out: string[] = [];
  for (const e of endpoints) {
    const timings: Array<{ ms: number; s: Statement }> = [];
    for (const s of e.statements) {
      if (!/^\s*(SELECT|WITH|\()/i.test(s.sql)) continue;
      const times = await timed(5, () => db.query(s.sql, s.params));
      timings.push({ ms: percentile(times, 50), s });
    }
    timings.sort((a, b) => b.ms - a.ms);
    out.push(`### ${e.name}`);
    for (const [i, t] of timings.entries()) {
      const oneLine = t.s.sql.replace(/\s+/g, ' ').slice(0, 160);
      out.push(`${t.ms.toFixed(2)} ms  ${oneLine}`);
      if (i < 2) {
        const plan = await db.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${t.s.sql}`,
          t.s.params,
        );
        out.push(...plan.rows.map((r) => `      ${r['QUERY PLAN']}`));
      }
    }
  }
  return out.join('\n');
}

async function main(): Promise<void> {
  const scale = option('scale', 1);
  const iterations = Math.round(option('iterations', 100));
  const shape = {
    users: Math.round(10_000 * scale),
    streams: Math.round(1_000 * scale),
    messages: Math.round(1_000_000 * scale),
  };
  const scratch = await scratchDatabase('zh_bench_realm');
  const dbUrl = new URL(scratch.url);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-bench-'));
  let app: NestExpressApplication | undefined;
  const db = new Client({ connectionString: dbUrl.toString() });
  const db2 = new Client({ connectionString: dbUrl.toString() });
  try {
    // The schema through the project's own migrations (run at start), and an empty realm made by
    // the server itself (its role groups and first stream); then the server stops while the bulk
    // rows go in, so it starts again with nothing cached.
    app = await createServerApp(serverConfig(dbUrl.toString(), dataDir));
    const realmId = (await app.get(RealmsService).createRealm('', 'Big realm')).id;
    await app.close();
    app = undefined;

    await db.connect();
    await db2.connect();
    const started = Date.now();
    const realm = await generateRealm(db, db2, realmId, shape, randomBytes(16).toString('hex'));
    const generationSeconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `realm benchmark: generated in ${generationSeconds.toFixed(1)} s: ${Object.entries(
        realm.counts,
      )
        .map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`)
        .join(', ')}\n  phases: ${Object.entries(realm.phases)
        .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
        .join(', ')}\n`,
    );

    // The captures below leave out background work, from the server's start.
    attributeBackgroundQueries();
    app = await createServerApp(serverConfig(dbUrl.toString(), dataDir));
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const auth = `Basic ${Buffer.from(`${realm.ownerEmail}:${realm.ownerApiKey}`).toString('base64')}`;

    // Each endpoint's statements, captured on a warm call (caches filled, plans prepared).
    const only = stringOption('only')?.split(',');
    const endpoints = endpointsFor(realm).filter(
      (e) => !only || only.some((part) => e.name.includes(part)),
    );
    if (endpoints.length === 0) throw new Error(`--only ${only?.join(',')} matches no endpoint`);
    const caller = new Caller(port, auth);
    for (const e of endpoints) {
      await caller.call(e);
      await caller.call(e);
      const running = app;
      if (e.readsUserList) {
        // The user list read as on a cold call; the API key's user cached again first.
        await running.get(UsersRepository).forgetCachedUsers();
        await caller.call(OWN_USER);
      }
      e.statements = await capture(running, () => caller.call(e));
    }
    caller.close();

    const profileFile = stringOption('profile');
    const profiler = profileFile ? await startProfiler() : undefined;
    const results = await runWorker({
      port,
      auth,
      dbUrl: dbUrl.toString(),
      iterations,
      endpoints,
    });
    if (profiler && profileFile) {
      await profiler.stop(profileFile);
      process.stdout.write(`CPU profile of the server while measured written to ${profileFile}\n`);
    }
    const ms = (n: number) => n.toFixed(1);
    const rows = [
      ['endpoint', 'p50 ms', 'p99 ms', 'SQL floor p50', 'queries', 'ratio p50', 'answer', 'goal'],
    ];
    let allMet = true;
    for (const r of results) {
      const ratio = r.p50 / r.floorP50;
      const met = ratio <= 2 && (r.p99GoalMs === undefined || r.p99 < r.p99GoalMs);
      allMet &&= met;
      rows.push([
        r.name,
        ms(r.p50),
        ms(r.p99),
        ms(r.floorP50),
        String(r.queries),
        ratio.toFixed(2),
        `${(r.bytes / 1024).toFixed(1)} KiB`,
        `${met ? 'met' : 'NOT met'} (p50 <= 2x floor${r.p99GoalMs ? `, p99 < ${r.p99GoalMs} ms` : ''})`,
      ]);
    }
    process.stdout.write(
      [
        `${iterations} sequential calls per endpoint as the owner (user 0: in 20 streams, ${realm.counts['unread rows'] > 0 ? 'with unread messages' : 'nothing unread'}); stream "${realm.streamName}" topic "${realm.topic}", DM with user ${realm.dmPartnerId}, search "${realm.searchWord}"`,
        table(rows),
        "register and GET /users: the server keeps the realm's user list in memory between changes; their floor includes the query that reads it",
        `goals: ${allMet ? 'all met' : 'NOT all met'}`,
        '',
      ].join('\n'),
    );
    if (process.argv.includes('--explain')) {
      process.stdout.write(`${await explain(db, endpoints)}\n`);
    }
  } finally {
    await db.end().catch(() => undefined);
    await db2.end().catch(() => undefined);
    if (app) await app.close();
    await scratch.drop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// The same file is the measuring worker: only the main thread boots the server.
if (isMainThread) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `realm benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exit(1);
  });
} else {
  void measureWorker(workerData as Job).then((result) => parentPort?.postMessage(result));
}
