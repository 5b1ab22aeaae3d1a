/**
 * Send throughput: messages per second through `POST /api/v1/messages` to a stream of 100
 * subscribers, beside the PostgreSQL limit for the same rows measured in the same run (a
 * pgbench-style loop: BEGIN; INSERT one message; INSERT 100 recipient rows in one statement;
 * COMMIT), at the same concurrency. Goal: the API reaches at least half the database's rate.
 *
 *   node dist/bench/send.bench.js [--concurrency 16] [--seconds 10] [--subscribers 100] [--mix]
 *
 * `--mix` sends real-world content instead of one line of Markdown: links, mentions, a code
 * block, emoji and linkifier matches, in rotation; the database phase stores the same contents
 * with the HTML the server rendered for them. `--profile FILE` writes a CPU profile of the
 * server's thread during the API phase (open it in Chrome's DevTools).
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
import { scratchDatabase, table } from './events-setup';
import { loadConfig } from '@hub/config';
import { createServerApp } from '../apps/server/src/bootstrap';
import { RealmsService } from '../apps/server/src/realms/realms.service';
import { UsersRepository } from '../apps/server/src/identity/users.repository';
import { Role } from '../apps/server/src/identity/user.types';

interface Options {
  concurrency: number;
  seconds: number;
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

/** Runs `worker` on `concurrency` loops for `seconds`; returns completed operations per second. */
async function measure(
  concurrency: number,
  seconds: number,
  worker: () => Promise<void>,
): Promise<{ perSecond: number; done: number; failed: number }> {
  const deadline = Date.now() + seconds * 1000;
  let done = 0;
  let failed = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        try {
          await worker();
          done++;
        } catch {
          failed++;
        }
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  return { perSecond: done / elapsed, done, failed };
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

// One keep-alive agent per thread: the load generator should cost the machine as little as the
// PostgreSQL client of the database phase does (fetch's web streams cost several times more).
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

type WorkerMessage = { phase: 'api' | 'database' } | { result: { api: Rate; database: Rate } };

/** Runs the load worker; `onPhase` hears when each measured phase starts. */
function runWorker(
  job: LoadJob,
  onPhase: (phase: 'api' | 'database') => Promise<void>,
): Promise<{ api: Rate; database: Rate }> {
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

/** The worker: the API phase, then the database phase, at the same concurrency. */
async function loadWorker(job: LoadJob): Promise<{ api: Rate; database: Rate }> {
  const { options, base, auth, realmId, senderId, streamId, subscriberIds } = job;
  const pool = new Pool({ connectionString: job.dbUrl, max: options.concurrency });
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
    const content = () => pick(++n).content;
    // Warm up both paths (JIT, connections, plans).
    await measure(options.concurrency, 1, async () => {
      await post(base, auth, '/messages', {
        type: 'stream',
        to: 'bench',
        topic: 'load',
        content: content(),
      });
    });

    await phase('api');
    const api = await measure(options.concurrency, options.seconds, async () => {
      await post(base, auth, '/messages', {
        type: 'stream',
        to: 'bench',
        topic: 'load',
        content: content(),
      });
    });

    await phase('database');
    const database = await measure(options.concurrency, options.seconds, async () => {
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
    });

    return { api, database };
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const options: Options = {
    concurrency: option('concurrency', 16),
    seconds: option('seconds', 10),
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
    const { api, database } = await runWorker(job, async (next) => {
      if (!profileFile) return;
      if (next === 'api') profiler = await startProfiler();
      else await profiler?.stop(profileFile);
    });
    const ratio = api.perSecond / database.perSecond;
    const rows = [
      ['scenario', 'messages/s', 'sent', 'failed'],
      ['POST /api/v1/messages', api.perSecond.toFixed(1), String(api.done), String(api.failed)],
      [
        'PostgreSQL limit (same rows)',
        database.perSecond.toFixed(1),
        String(database.done),
        String(database.failed),
      ],
    ];
    process.stdout.write(
      [
        `send benchmark: ${subscribed.rows[0].n} subscribers, concurrency ${options.concurrency}, ${options.seconds} s each, ${options.mix ? `mixed content (${MIXED_CONTENTS.length} kinds: links, mentions, code, emoji, linkifiers)` : 'one line of Markdown'}`,
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
