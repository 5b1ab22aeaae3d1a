/**
 * Webhook gateway benchmarks, each beside its baseline from the same run:
 *
 * (a) intake: requests per second the gateway accepts (200, queued) for a GitHub push (GitHub's
 *     own example payload from @octokit/webhooks-examples), with 50 concurrent keep-alive
 *     connections for 10 s; baseline: a bare node:http server that reads the body and answers the
 *     same JSON, measured by the same client.
 * (b) end-to-end latency from the request to the message arriving on a client's event queue
 *     (`POST /register`, then long-polled `GET /events`) under a steady 200 requests/s for 10 s:
 *     p50 / p99 / max. The pushes go to `--topics` branches of one repository, as a busy
 *     repository's would; each topic's messages are delivered in order, one at a time.
 *
 *   node dist/bench/webhooks.bench.js [--concurrency 50] [--seconds 10] [--rate 200] [--topics 12]
 *
 * (c) dispatch: what the gateway does per request to find and run the integration (look its name
 *     up, parse the body, render the event), in-process, with a registry of GitHub alone, the
 *     real registry and one padded to 1,000 integrations, in interleaved rounds (best of each);
 *     printed as ratios to the one-integration registry, so a lookup that scanned the registry
 *     would show.
 *
 * BENCH_REGISTRY_SIZE=300 serves (a) and (b) from a registry padded to 300 integrations, to show
 * that finding the integration does not depend on how many there are.
 *
 * The server runs in the main thread, the gateway (or the bare server) and the load client each
 * in a worker thread, so none competes for another's event loop. Real PostgreSQL (DATABASE_URL or
 * postgresql://postgres@127.0.0.1:5432, a scratch database dropped afterwards) and Redis
 * (REDIS_URL or redis://127.0.0.1:6379) when they answer, else the embedded defaults. Loopback only.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import Redis from 'ioredis';
import { Client } from 'pg';
import { percentile, table } from './events-setup';
import { createGatewayApp } from '../apps/gateway/src/bootstrap';
import { createServerApp } from '../apps/server/src/bootstrap';
import { RealmsService } from '../apps/server/src/realms/realms.service';
import { UsersService } from '../apps/server/src/users/users.service';
import { Role } from '../apps/server/src/identity/user.types';
import { loadConfig } from '@hub/config';
import { parseWebhookBody } from '../apps/gateway/src/webhook-body';
import { dispatchWebhook } from '../integrations/core/dispatch';
import type { IntegrationDefinition } from '../integrations/core/integration';
import { INTEGRATIONS, integrationsByName } from '../integrations/registry';

type Json = Record<string, unknown>;

interface Options {
  concurrency: number;
  seconds: number;
  rate: number;
  topics: number;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** GitHub's own example of a branch push with one commit. */
function pushPayload(): Json {
  const file = require.resolve('@octokit/webhooks-examples/api.github.com/index.json');
  const all = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{
    name: string;
    examples: Json[];
  }>;
  const push = all
    .find((e) => e.name === 'push')
    ?.examples.find((p) => String(p.ref).startsWith('refs/heads/') && Array.isArray(p.commits));
  if (!push) throw new Error('@octokit/webhooks-examples has no branch push example');
  return push;
}

/**
 * The same push with its commit renamed, so each message can be told apart on arrival, and
 * optionally to another branch (another topic: the gateway keeps order per topic, so one topic's
 * messages are delivered one after another).
 */
function markedPush(base: Json, marker: string, branch?: string): string {
  const copy = structuredClone(base) as Json & { commits: Array<Json> };
  copy.commits = copy.commits.map((c) => ({ ...c, message: marker }));
  if (branch) copy.ref = `refs/heads/${branch}`;
  return JSON.stringify(copy);
}

function portOpen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function postgresUp(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Deletes every key a gateway with REDIS_NAMESPACE=`prefix` left in Redis (its queues and once-keys). */
async function dropRedisKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    for await (const keys of redis.scanStream({
      match: `${prefix}:*`,
      count: 500,
    }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------------------------------------
// Worker roles: the gateway, the bare baseline server, and the load client.

type WorkerTask =
  | { role: 'gateway'; env: Record<string, string | undefined>; redisPrefix: string }
  | { role: 'bare' }
  | {
      role: 'throughput';
      url: string;
      headers: Record<string, string>;
      body: string;
      options: Options;
    }
  | { role: 'latency'; job: LatencyJob };

interface LatencyJob {
  gatewayUrl: string;
  serverUrl: string;
  webhookQuery: string;
  readerAuth: string;
  payload: Json;
  /** Branches (so topics) the pushes are spread over. */
  topics: number;
  options: Options;
}

interface Throughput {
  perSecond: number;
  ok: number;
  failed: number;
}

interface Latency {
  sent: number;
  accepted: number;
  landed: number;
  achievedRate: number;
  acceptP50: number;
  acceptP99: number;
  p50: number;
  p99: number;
  max: number;
}

/** Serves until the parent says stop; tells the parent its port. */
async function serve(start: () => Promise<{ port: number; close: () => Promise<void> }>) {
  const { port, close } = await start();
  parentPort?.on('message', (msg) => {
    if (msg === 'stop') void close().then(() => parentPort?.postMessage('stopped'));
  });
  parentPort?.postMessage({ port });
}

/**
 * The real registry padded to `size` integrations with renamed copies placed before it, so a
 * lookup that scanned the list would pay for every one of them.
 */
function paddedRegistry(size: number): IntegrationDefinition[] {
  const padding = Array.from({ length: Math.max(0, size - INTEGRATIONS.length) }, (_, i) => ({
    ...INTEGRATIONS[i % INTEGRATIONS.length],
    name: `padding-${i}`,
  }));
  return [...padding, ...INTEGRATIONS];
}

/** The registry the gateway serves: the real one, or padded to BENCH_REGISTRY_SIZE. */
function benchRegistry(): IntegrationDefinition[] {
  return paddedRegistry(Number(process.env.BENCH_REGISTRY_SIZE ?? 0));
}

interface DispatchRate {
  label: string;
  size: number;
  perSecond: number;
}

/**
 * (c) Lookup by name, body parse and render of one GitHub push, as the gateway does per request,
 * for registries of different sizes; rounds alternate between them so a busy machine slows all
 * alike, and each keeps its best round.
 */
function dispatchRates(body: string, rounds = 7, perRound = 1500): DispatchRate[] {
  const github = INTEGRATIONS.find((i) => i.name === 'github');
  if (!github) throw new Error('the registry has no github integration');
  const registries = [
    { label: 'GitHub alone', byName: integrationsByName([github]) },
    { label: 'the real registry', byName: integrationsByName(INTEGRATIONS) },
    { label: 'padded', byName: integrationsByName(paddedRegistry(1000)) },
  ];
  const raw = Buffer.from(body);
  const headers = { 'content-type': 'application/json', 'x-github-event': 'push' };
  const once = (byName: ReadonlyMap<string, IntegrationDefinition>) => {
    const integration = byName.get('github');
    if (!integration) throw new Error('github is not in the registry');
    const { payload } = parseWebhookBody(raw, headers['content-type']);
    const outcome = dispatchWebhook(integration, { headers, payload, options: {} });
    if (outcome.kind !== 'message') throw new Error(`push dispatched as ${outcome.kind}`);
  };
  const best = registries.map(() => 0);
  for (const r of registries) for (let i = 0; i < 200; i++) once(r.byName); // warm-up
  for (let round = 0; round < rounds; round++) {
    registries.forEach((r, i) => {
      const started = performance.now();
      for (let n = 0; n < perRound; n++) once(r.byName);
      best[i] = Math.max(best[i], perRound / ((performance.now() - started) / 1000));
    });
  }
  return registries.map((r, i) => ({ label: r.label, size: r.byName.size, perSecond: best[i] }));
}

async function gatewayRole(env: Record<string, string | undefined>, redisPrefix: string) {
  await serve(async () => {
    const app = await createGatewayApp(loadConfig({ ...env, REDIS_NAMESPACE: redisPrefix }), {
      integrations: benchRegistry(),
    });
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as net.AddressInfo;
    return { port, close: () => app.close() };
  });
}

async function bareRole() {
  const answer = JSON.stringify({ result: 'success', msg: '' });
  await serve(async () => {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        JSON.parse(Buffer.concat(chunks).toString('utf8'));
        res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    return {
      port,
      close: () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    };
  });
}

function request(
  agent: http.Agent,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method,
        headers:
          body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** `concurrency` keep-alive loops posting the same request for `seconds`. */
async function throughputRole(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: Options,
): Promise<Throughput> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const target = new URL(url);
  const run = async (seconds: number) => {
    const deadline = Date.now() + seconds * 1000;
    let ok = 0;
    let failed = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (Date.now() < deadline) {
          try {
            const res = await request(agent, target, 'POST', headers, body);
            if (res.status === 200) ok++;
            else failed++;
          } catch {
            failed++;
          }
        }
      }),
    );
    return { perSecond: ok / ((Date.now() - started) / 1000), ok, failed };
  };
  await run(1); // warm-up: JIT, connections
  const result = await run(options.seconds);
  agent.destroy();
  return result;
}

/** Steady `rate` webhooks per second; each one's landing seen on a long-polled event queue. */
async function latencyRole(job: LatencyJob): Promise<Latency> {
  const { options } = job;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = new URL(job.serverUrl);
  const auth = { authorization: job.readerAuth, host: server.host };
  const form = { ...auth, 'content-type': 'application/x-www-form-urlencoded' };
  const reg = await request(
    agent,
    new URL('/api/v1/register', server),
    'POST',
    form,
    new URLSearchParams({ event_types: '["message"]', apply_markdown: 'false' }).toString(),
  );
  const registered = JSON.parse(reg.text) as { queue_id: string; last_event_id: number };
  if (!registered.queue_id) throw new Error(`register failed: ${reg.text}`);

  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  const acceptTimes: number[] = [];
  let accepted = 0;
  let polling = true;
  const poller = (async () => {
    let last = registered.last_event_id;
    while (polling) {
      const url = new URL('/api/v1/events', server);
      url.search = new URLSearchParams({
        queue_id: registered.queue_id,
        last_event_id: String(last),
      }).toString();
      const res = await request(agent, url, 'GET', auth);
      const now = performance.now();
      const body = JSON.parse(res.text) as {
        events?: Array<{ id: number; type: string; message?: { content: string } }>;
      };
      for (const event of body.events ?? []) {
        last = Math.max(last, event.id);
        const n = /bench-marker-(\d+)/.exec(event.message?.content ?? '')?.[1];
        const t0 = n === undefined ? undefined : sentAt.get(Number(n));
        if (t0 !== undefined) latencies.push(now - t0);
      }
    }
  })();

  const target = new URL(`/api/v1/external/github?${job.webhookQuery}`, job.gatewayUrl);
  const headers = {
    host: target.host,
    'content-type': 'application/json',
    'x-github-event': 'push',
  };
  const total = Math.round(options.rate * options.seconds);
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(
      total,
      Math.floor(((performance.now() - start) / 1000) * options.rate) + 1,
    );
    for (; sent < due; sent++) {
      const n = sent;
      const body = markedPush(job.payload, `bench-marker-${n}`, `branch-${n % job.topics}`);
      const t0 = performance.now();
      sentAt.set(n, t0);
      inFlight.push(
        request(agent, target, 'POST', { ...headers, 'x-github-delivery': randomUUID() }, body)
          .then((res) => {
            acceptTimes.push(performance.now() - t0);
            if (res.status === 200) accepted++;
          })
          .catch(() => undefined),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const achievedRate = sent / ((performance.now() - start) / 1000);
  await Promise.all(inFlight);
  const deadline = Date.now() + 60_000;
  while (latencies.length < accepted && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  polling = false;
  // The last long-poll ends with the next event or its heartbeat; do not wait for it.
  void poller.catch(() => undefined);
  agent.destroy();
  const sorted = [...latencies].sort((a, b) => a - b);
  const acceptSorted = [...acceptTimes].sort((a, b) => a - b);
  return {
    sent,
    accepted,
    landed: latencies.length,
    achievedRate,
    acceptP50: percentile(acceptSorted, 50),
    acceptP99: percentile(acceptSorted, 99),
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

// ---------------------------------------------------------------------------------------------
// The main thread: the server, the set-up, the two scenarios and the table.

/** Starts a worker in `role`; for servers, resolves with their port and a stop function. */
function startWorker<T>(data: WorkerTask): { worker: Worker; first: Promise<T> } {
  const worker = new Worker(__filename, { workerData: data });
  const first = new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${data.role} worker exited with ${code}`)));
  });
  return { worker, first };
}

async function startServing(data: WorkerTask) {
  const { worker, first } = startWorker<{ port: number }>(data);
  const { port } = await first;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      const stopped = new Promise((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      await worker.terminate();
    },
  };
}

async function main(): Promise<void> {
  const options: Options = {
    concurrency: option('concurrency', 50),
    seconds: option('seconds', 10),
    rate: option('rate', 200),
    topics: option('topics', 12),
  };
  const cleanup: Array<() => Promise<void>> = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-bench-webhooks-'));
  cleanup.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const log = (line: string) => process.stderr.write(`[webhooks bench] ${line}\n`);
  try {
    const pgAdmin = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
    let databaseUrl: string | undefined;
    if (await postgresUp(pgAdmin)) {
      const scratch = `zh_bench_wh_${Date.now().toString(36)}`;
      const admin = new Client({ connectionString: pgAdmin });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${scratch}`);
      await admin.end();
      cleanup.push(async () => {
        const c = new Client({ connectionString: pgAdmin });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
        await c.end();
      });
      const url = new URL(pgAdmin);
      url.pathname = `/${scratch}`;
      databaseUrl = url.toString();
    }
    const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
    const redisHost = new URL(redisUrl);
    const redis = (await portOpen(redisHost.hostname, Number(redisHost.port || 6379)))
      ? redisUrl
      : undefined;
    log(
      `PostgreSQL: ${databaseUrl ? 'real' : 'embedded'}; Redis: ${redis ? 'real (Bull queue)' : 'absent (in-process queue)'}`,
    );

    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      EXTERNAL_HOST: 'localhost',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis,
      GATEWAY_URL: '',
      LOG_LEVEL: 'error',
      RATE_LIMIT_PER_MINUTE: '1000000',
    };
    const app = await createServerApp(loadConfig(env));
    cleanup.push(() => app.close());
    await app.listen(0, '127.0.0.1');
    const serverUrl = `http://127.0.0.1:${(app.getHttpServer().address() as net.AddressInfo).port}`;
    const realm = await app.get(RealmsService).createRealm('', 'Bench');
    const users = app.get(UsersService);
    const owner = await users.createUser(realm, {
      email: 'owner@bench.test',
      fullName: 'Owner',
      password: 'a long benchmark password nobody guesses',
      role: Role.Owner,
    });
    const basic = (email: string, key: string) =>
      `Basic ${Buffer.from(`${email}:${key}`).toString('base64')}`;
    const ownerAuth = basic(owner.email, owner.api_key);
    const agent = new http.Agent({ keepAlive: true });
    const api = async (method: string, pathName: string, params: Record<string, string>) => {
      const res = await request(
        agent,
        new URL(`/api/v1${pathName}`, serverUrl),
        method,
        {
          authorization: ownerAuth,
          host: new URL(serverUrl).host,
          'content-type': 'application/x-www-form-urlencoded',
        },
        new URLSearchParams(params).toString(),
      );
      const body = JSON.parse(res.text) as Json;
      if (res.status !== 200) throw new Error(`${pathName}: ${res.status} ${res.text}`);
      return body;
    };
    const bot = await api('POST', '/bots', {
      full_name: 'Bench Hook',
      short_name: 'benchhook',
      bot_type: '2',
    });
    await api('POST', '/users/me/subscriptions', {
      subscriptions: JSON.stringify([{ name: 'intake' }, { name: 'latency' }]),
    });
    agent.destroy();
    const payload = pushPayload();
    const gatewayEnv = { ...env, SERVER_URL: serverUrl, GATEWAY_PORT: '0' };

    // (a) intake throughput: the gateway, then the bare server, with the same client.
    const intakePrefix = `zh-bench-${randomUUID()}`;
    const gateway = await startServing({
      role: 'gateway',
      env: gatewayEnv,
      redisPrefix: intakePrefix,
    });
    const query = new URLSearchParams({
      api_key: String(bot.api_key),
      stream: 'intake',
    }).toString();
    const body = markedPush(payload, 'intake');
    const headers = { 'content-type': 'application/json', 'x-github-event': 'push' };
    log(`(a) gateway intake, ${options.concurrency} connections, ${options.seconds} s`);
    const gatewayRate = await startWorker<Throughput>({
      role: 'throughput',
      url: `${gateway.url}/api/v1/external/github?${query}`,
      headers: { ...headers, host: new URL(gateway.url).host },
      body,
      options,
    }).first;
    await gateway.stop();
    // The intake run queued far more than it delivered; drop the rest so (b) runs undisturbed.
    if (redis) await dropRedisKeys(redis, intakePrefix);
    const bare = await startServing({ role: 'bare' });
    log(`(a) bare node:http baseline, ${options.concurrency} connections, ${options.seconds} s`);
    const bareRate = await startWorker<Throughput>({
      role: 'throughput',
      url: `${bare.url}/api/v1/external/github?${query}`,
      headers: { ...headers, host: new URL(bare.url).host },
      body,
      options,
    }).first;
    await bare.stop();

    // (b) end-to-end latency at a steady rate, on a fresh gateway and queue.
    const latencyPrefix = `zh-bench-${randomUUID()}`;
    if (redis) cleanup.push(() => dropRedisKeys(redis, latencyPrefix));
    const latencyGateway = await startServing({
      role: 'gateway',
      env: gatewayEnv,
      redisPrefix: latencyPrefix,
    });
    log(`(b) end-to-end latency at ${options.rate} requests/s for ${options.seconds} s`);
    const latency = await startWorker<Latency>({
      role: 'latency',
      job: {
        gatewayUrl: latencyGateway.url,
        serverUrl,
        webhookQuery: new URLSearchParams({
          api_key: String(bot.api_key),
          stream: 'latency',
        }).toString(),
        readerAuth: ownerAuth,
        payload,
        topics: options.topics,
        options,
      },
    }).first;
    await latencyGateway.stop();

    log('(c) lookup + parse + render of a GitHub push, registries of 1, the real size and 1,000');
    const dispatch = dispatchRates(body);

    const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : 'n/a');
    const rows: string[][] = [
      ['scenario', 'figure', 'ok', 'failed'],
      [
        '(a) gateway intake, GitHub push',
        `${gatewayRate.perSecond.toFixed(0)} req/s`,
        String(gatewayRate.ok),
        String(gatewayRate.failed),
      ],
      [
        '(a) bare node:http, same client',
        `${bareRate.perSecond.toFixed(0)} req/s`,
        String(bareRate.ok),
        String(bareRate.failed),
      ],
      [
        `(b) request → message, ${options.rate}/s, ${options.topics} topics`,
        `p50 ${ms(latency.p50)} ms, p99 ${ms(latency.p99)} ms, max ${ms(latency.max)} ms`,
        `${latency.landed}/${latency.sent} landed`,
        String(latency.sent - latency.accepted),
      ],
      [
        '(b) gateway answer time',
        `p50 ${ms(latency.acceptP50)} ms, p99 ${ms(latency.acceptP99)} ms`,
        String(latency.accepted),
        String(latency.sent - latency.accepted),
      ],
      ...dispatch.map((d) => [
        `(c) dispatch, ${d.label} (${d.size})`,
        `${d.perSecond.toFixed(0)} req/s`,
        '',
        '',
      ]),
    ];
    process.stdout.write(
      [
        `webhook benchmark: PostgreSQL ${databaseUrl ? 'real' : 'embedded'}, Redis ${redis ? 'real' : 'absent'}, ${os.cpus().length} CPUs`,
        table(rows),
        `ratio gateway / bare node:http: ${(gatewayRate.perSecond / bareRate.perSecond).toFixed(2)}`,
        `steady rate achieved in (b): ${latency.achievedRate.toFixed(0)} requests/s`,
        ...dispatch
          .slice(1)
          .map(
            (d) =>
              `ratio dispatch ${d.label} (${d.size}) / GitHub alone (1): ${(d.perSecond / dispatch[0].perSecond).toFixed(2)}`,
          ),
        '',
      ].join('\n'),
    );
  } finally {
    for (const fn of cleanup.reverse()) await fn().catch(() => undefined);
  }
}

async function workerMain(data: WorkerTask): Promise<void> {
  switch (data.role) {
    case 'gateway':
      return gatewayRole(data.env, data.redisPrefix);
    case 'bare':
      return bareRole();
    case 'throughput':
      parentPort?.postMessage(
        await throughputRole(data.url, data.headers, data.body, data.options),
      );
      return;
    case 'latency':
      parentPort?.postMessage(await latencyRole(data.job));
      return;
  }
}

if (isMainThread) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(
        `webhook benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`,
      );
      process.exit(1);
    },
  );
} else {
  workerMain(workerData as WorkerTask).catch((err: unknown) => {
    process.stderr.write(
      `webhook bench worker failed: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exit(1);
  });
}
