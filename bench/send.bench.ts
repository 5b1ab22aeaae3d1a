/**
 * Send throughput: messages per second through `POST /api/v1/messages` to a stream of 100
 * subscribers, beside the PostgreSQL limit for the same rows measured in the same run (a
 * pgbench-style loop: BEGIN; INSERT one message; INSERT 100 recipient rows in one statement;
 * COMMIT), at the same concurrency. Goal: the API reaches at least half the database's rate.
 *
 *   node dist/bench/send.bench.js [--concurrency 16] [--seconds 5] [--rounds 3] [--subscribers 100]
 *                                 [--mix]
 *
 * The two phases take turns, `--rounds` of `--seconds` each, and each figure is over all its
 * rounds: the database's own rate drifts as its state does (checkpoints, a growing table).
 *
 * `--mix` sends real-world content instead of one line of Markdown: links, mentions, a code
 * block, emoji and linkifier matches, in rotation; the database phase stores the same contents
 * with the HTML the server rendered for them. `--profile FILE` writes a CPU profile of the
 * server's thread during the first API round (open it in Chrome's DevTools).
 *
 * Uses DATABASE_URL's server (or postgresql://postgres@127.0.0.1:5432), in a scratch database
 * that is dropped afterwards.
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { startProfiler } from './cpu-profile';
import { PollConnection } from './poll-connection';
import { scratchDatabase, table } from './events-setup';
import { loadConfig } from '@hub/config';
import { createServerApp } from '../apps/server/src/bootstrap';
import { RealmsService } from '../apps/server/src/realms/realms.service';
import { UsersRepository } from '../apps/server/src/identity/users.repository';
import { Role } from '../apps/server/src/identity/user.types';

interface Options {
  concurrency: number;
  seconds: number;
  /** API and database phases in turn, this many of each (`--rounds`). */
  rounds: number;
  subscribers: number;
  mix: boolean;
}

/** What people write: the contents `--mix` rotates through (`{n}` is a running number). */
const MIXED_CONTENTS = [
  'Deploy {n} is out, notes at https://example.com/releases/{n} and the diff at https://github.com/example/app/compare/v1...v2',
  '@**User 1** @**User 2** can you review T{n}? It fixes #{n} :tada:',
  'Repro for {n}:\n```python\nfor i in range(10):\n    print(i * {n})\n```\nthen `make test` fails :confused:',
  '> quoting the spec\n\n* first point\n* second point with **bold** and _italics_ :thumbs_up:\n* see [the doc](https://example.com/doc/{n})',
  'Plain text message number {n}, nothing special about it at all.',
];

function stringOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/**
 * Runs `worker` on `concurrency` loops (each passed its index) for `seconds`; returns completed
 * operations per second.
 */
async function measure(
  concurrency: number,
  seconds: number,
  worker: (loop: number) => Promise<void>,
): Promise<{ perSecond: number; done: number; failed: number; elapsed: number }> {
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      while (Date.now() < deadline) {
        try {
          await worker(loop);
          done++;
        } catch {
          failed++;
        }
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  return { perSecond: done / elapsed, done, failed, elapsed };
}

interface LoadJob {
  base: string;
  auth: string;
  dbUrl: string;
  realmId: number;
  senderId: number;
  streamId: number;
  subscriberIds: number[];
  options: Options;
  /** `--mix`: each content template with the HTML the server renders for one instance of it. */
  mixed: Array<{ content: string; rendered: string }>;
}

type Rate = Awaited<ReturnType<typeof measure>>;

/** Each phase's rounds together: operations over the time they took. */
function combined(rounds: Rate[]): Rate {
  const done = rounds.reduce((sum, r) => sum + r.done, 0);
  const failed = rounds.reduce((sum, r) => sum + r.failed, 0);
  const elapsed = rounds.reduce((sum, r) => sum + r.elapsed, 0);
  return { perSecond: done / elapsed, done, failed, elapsed };
}

interface Rounds {
  api: Rate[];
  database: Rate[];
}

// The setup's calls (fetch's web streams cost several times more); the measured sends go out on
// PollConnections.
const agent = new http.Agent({ keepAlive: true });

function post(
  base: string,
  auth: string,
  pathName: string,
  params: Record<string, string>,
): Promise<Record<string, unknown>> {
  const body = new URLSearchParams(params).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${base}${pathName}`,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: auth,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
            if (res.statusCode !== 200) {
              reject(new Error(`${pathName}: ${res.statusCode} ${JSON.stringify(answer)}`));
            } else resolve(answer);
          } catch (err) {
            reject(err);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

type WorkerMessage = { phase: 'api' | 'database' } | { result: Rounds };

/** Runs the load worker; `onPhase` hears when each measured phase starts. */
function runWorker(
  job: LoadJob,
  onPhase: (phase: 'api' | 'database') => Promise<void>,
): Promise<Rounds> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.on('message', (message: WorkerMessage) => {
      if ('result' in message) resolve(message.result);
      else onPhase(message.phase).then(() => worker.postMessage('go'), reject);
    });
    worker.once('error', reject);
  });
}

/** Tells the main thread a phase starts, and waits until it is ready (its profiler started). */
function phase(name: 'api' | 'database'): Promise<void> {
  return new Promise((resolve) => {
    parentPort?.once('message', () => resolve());
    parentPort?.postMessage({ phase: name } satisfies WorkerMessage);
  });
}

/**
 * The worker: API and database phases in turn, `--rounds` of each, at the same concurrency.
 * Taking turns puts both under the same conditions as the database server's state drifts
 * (checkpoints, a growing table): one phase of each, back to back, gave limits from 390 to 590/s.
 */
async function loadWorker(job: LoadJob): Promise<Rounds> {
  const { options, base, auth, realmId, senderId, streamId, subscriberIds } = job;
  const pool = new Pool({ connectionString: job.dbUrl, max: options.concurrency });
  // The measured sends go out on lean keep-alive connections, one per sender loop (node:http's
  // client would cost the two cores more than the database phase's pg client does).
  const url = new URL(base);
  const senders = Array.from(
    { length: options.concurrency },
    () => new PollConnection(Number(url.port), url.hostname, `Authorization: ${auth}\r\n`),
  );
  try {
    let n = 0;
    const plain = (i: number) => `Benchmark message number ${i}, with a little **Markdown** in it.`;
    const pick = (i: number) => {
      if (job.mixed.length === 0) return { content: plain(i), rendered: `<p>${plain(i)}</p>` };
      const m = job.mixed[i % job.mixed.length];
      return {
        content: m.content.replaceAll('{n}', String(i)),
        rendered: m.rendered,
      };
    };
    const sendThroughApi = async (loop: number) => {
      const body = new URLSearchParams({
        type: 'stream',
        to: 'bench',
        topic: 'load',
        content: pick(++n).content,
      }).toString();
      const answer = await senders[loop].postForm(`${url.pathname}/messages`, body);
      if (answer.status !== 200) throw new Error(`send: ${answer.status} ${answer.body}`);
    };
    const insertDirectly = async () => {
      const client = await pool.connect();
      try {
        const { content: text, rendered } = pick(++n);
        await client.query('BEGIN');
        const m = await client.query<{ id: string }>(
          `INSERT INTO messages (realm_id, sender_id, stream_id, topic, content, rendered_content,
             sending_client, search_tsvector)
           VALUES ($1, $2, $3, 'load', $4, $5, 'pgbench', to_tsvector('english', 'load ' || $4))
           RETURNING id`,
          [realmId, senderId, streamId, text, rendered],
        );
        await client.query(
          `INSERT INTO user_messages (user_id, message_id, flags)
           SELECT u, $2, CASE WHEN u = $3 THEN 1 ELSE 0 END FROM unnest($1::int[]) AS u`,
          [subscriberIds, m.rows[0].id, senderId],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    };

    // Warm up the measured path (JIT, connections, plans).
    await measure(options.concurrency, 1, sendThroughApi);
    const rounds: Rounds = { api: [], database: [] };
    for (let round = 0; round < options.rounds; round++) {
      await phase('api');
      rounds.api.push(await measure(options.concurrency, options.seconds, sendThroughApi));
      await phase('database');
      rounds.database.push(await measure(options.concurrency, options.seconds, insertDirectly));
    }
    return rounds;
  } finally {
    senders.forEach((c) => c.close());
    await pool.end();
  }
}

async function main(): Promise<void> {
  const options: Options = {
    concurrency: option('concurrency', 16),
    seconds: option('seconds', 5),
    rounds: option('rounds', 3),
    subscribers: option('subscribers', 100),
    mix: process.argv.includes('--mix'),
  };
  const scratch = await scratchDatabase('zh_bench_send');
  const dbUrl = new URL(scratch.url);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-bench-'));

  const config = loadConfig({
    ...process.env,
    DATABASE_URL: dbUrl.toString(),
    DATA_DIR: dataDir,
    PORT: '0',
    EXTERNAL_HOST: 'localhost',
    REDIS_URL: undefined,
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const app = await createServerApp(config);
  const pool = new Pool({ connectionString: dbUrl.toString(), max: 2 });
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const base = `http://127.0.0.1:${port}/api/v1`;
    const realm = await app.get(RealmsService).createRealm('', 'Bench');
    const users = app.get(UsersRepository);
    const sender = await users.create({
      realm_id: realm.id,
      email: 'sender@bench.test',
      full_name: 'Sender',
      role: Role.Owner,
    });
    const subscriberIds = [sender.id];
    for (let i = 1; i < options.subscribers; i++) {
      const u = await users.create({
        realm_id: realm.id,
        email: `u${i}@bench.test`,
        full_name: `User ${i}`,
      });
      subscriberIds.push(u.id);
    }
    const auth = `Basic ${Buffer.from(`${sender.email}:${sender.api_key}`).toString('base64')}`;
    await post(base, auth, '/users/me/subscriptions', {
      subscriptions: JSON.stringify([{ name: 'bench' }]),
      principals: JSON.stringify(subscriberIds),
    });
    const stream = await pool.query<{ id: number }>(`SELECT id FROM streams WHERE name = 'bench'`);
    const streamId = stream.rows[0].id;
    const subscribed = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM subscriptions WHERE stream_id = $1 AND active',
      [streamId],
    );

    const mixed: LoadJob['mixed'] = [];
    if (options.mix) {
      await post(base, auth, '/realm/filters', {
        pattern: 'T(?P<id>[0-9]+)',
        url_template: 'https://tracker.example.com/T{id}',
      });
      for (const content of MIXED_CONTENTS) {
        // Rendered with a real number, so linkifier matches turn into links as they will in sends.
        const sample = content.replaceAll('{n}', '1');
        const answer = await post(base, auth, '/messages/render', { content: sample });
        mixed.push({ content, rendered: String(answer.rendered) });
      }
    }

    // The load runs in a worker thread so the client does not compete with the server's event loop.
    const job: LoadJob = {
      base,
      auth,
      dbUrl: dbUrl.toString(),
      realmId: realm.id,
      senderId: sender.id,
      streamId,
      subscriberIds,
      options,
      mixed,
    };
    const profileFile = stringOption('profile');
    let profiler: Awaited<ReturnType<typeof startProfiler>> | undefined;
    let profiled = false;
    const rounds = await runWorker(job, async (next) => {
      // The profile covers the first API round.
      if (!profileFile || profiled) return;
      if (next === 'api') profiler = await startProfiler();
      else {
        await profiler?.stop(profileFile);
        profiled = true;
      }
    });
    const api = combined(rounds.api);
    const database = combined(rounds.database);
    const ratio = api.perSecond / database.perSecond;
    const row = (label: string, rate: Rate, each: Rate[]) => [
      label,
      rate.perSecond.toFixed(1),
      each.map((r) => r.perSecond.toFixed(0)).join(' / '),
      String(rate.done),
      String(rate.failed),
    ];
    const rows = [
      ['scenario', 'messages/s', 'by round', 'sent', 'failed'],
      row('POST /api/v1/messages', api, rounds.api),
      row('PostgreSQL limit (same rows)', database, rounds.database),
    ];
    process.stdout.write(
      [
        `send benchmark: ${subscribed.rows[0].n} subscribers, concurrency ${options.concurrency}, ${options.rounds} rounds of ${options.seconds} s each, taking turns, ${options.mix ? `mixed content (${MIXED_CONTENTS.length} kinds: links, mentions, code, emoji, linkifiers)` : 'one line of Markdown'}`,
        table(rows),
        `ratio API / PostgreSQL: ${ratio.toFixed(2)} (goal >= 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`,
        ...(profileFile
          ? [`CPU profile of the server during the API phase written to ${profileFile}`]
          : []),
        '',
      ].join('\n'),
    );
  } finally {
    await pool.end();
    await app.close();
    await scratch.drop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// The same file is the load worker: only the main thread boots the server.
if (isMainThread) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `send benchmark failed: ${err instanceof Error ? err.stack : String(err)}\n`,
    );
    process.exit(1);
  });
} else {
  void loadWorker(workerData as LoadJob).then((result) =>
    parentPort?.postMessage({ result } satisfies WorkerMessage),
  );
}
