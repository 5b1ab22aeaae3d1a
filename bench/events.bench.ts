/**
 * Event system benchmarks, each printing its baselines from the same run:
 *
 * 1. fan-out latency: N long-polling clients (N = 1,000 and 5,000) all receiving a stream's
 *    messages, published at 50 messages/s through the EventPublisher (the path every service's
 *    announcement takes after its commit); p50/p99 from the moment each message was due to its receipt (a publisher
 *    held up by a busy event loop catches up at once, so the offered load stays 50/s and the hold
 *    counts). The same for the server's event socket (its clients acknowledge at most once a
 *    second, as the web client does). Baselines: a bare node:http long-poll server
 *    (no auth, validation or framework: what long-polling itself costs here) and a bare `ws`
 *    server broadcasting the same payload to N sockets. Goals (issue 18): long-poll p99 ≤ 1.2× the
 *    bare long-poll's at N = 1,000 and ≤ 1.5× at 5,000, event socket p99 ≤ 1.5× bare ws's; the
 *    ratios are printed, and no verdict when a baseline's own sender fell behind the schedule.
 *    The transports and their baselines take turns (`--rounds 3` of `--seconds 5` each, pooled),
 *    so a drift in the machine's speed shows on both sides of a ratio. Each run follows a warm-up
 *    at the same rate (`--warmup 1` s, not counted). The clients run
 *    in `--clients 2` child processes (the server and the baselines in this process, measured
 *    without them; the busiest client's CPU is printed: near 100% it would be the bottleneck);
 *    long-polls use a minimal keep-alive HTTP client (bench/poll-connection.ts), since
 *    node:http's client would take the server's CPU. Scale-out still uses one worker thread.
 * 2. idle capacity (`--scenario idle --queues 50000`): 50,000 registered queues with open
 *    long-polls held by one server process (`node dist/apps/server/src/main.js`); its resident
 *    memory and CPU while idle, over a whole heartbeat period (`--window 60` s: every poll is
 *    answered with a heartbeat every 45–55 s and polled again, so that traffic is included).
 *    Baseline: the same process before any queue exists. Goal: at 50,000 queues, under 1.5 GiB
 *    resident and under 10% of one core. The polls are held by client processes
 *    (bench/idle-clients.ts, the minimal PollConnection client), 10,000 each, each from its own
 *    loopback address (one address has ~28,000 ephemeral ports); the server and the clients are
 *    started with `ulimit -n` raised to what they hold (one descriptor per connection: 50,000
 *    need a hard limit above 51,024, which only a process with CAP_SYS_RESOURCE may raise; when
 *    it cannot be raised, the bench stops at once and says what to raise). Then the same clients
 *    against a bare node:http long-poll server with the same heartbeats, in its own process: the
 *    floor on this machine (bench/bare-idle-server.ts). IDLE_SERVER_NODE_ARGS passes node options to the server
 *    (e.g. `--prof` or `--heapsnapshot-signal=SIGUSR2`) for profiling.
 * 3. scale-out (`--processes 2 --redis`): see `scaleOut`. Goal: p99 with two processes sharing
 *    Redis ≤ 1.5× the single-process run (one process, in-process store) at N = 1,000, nothing
 *    lost or duplicated; also printed against one process with the Redis store. Its send rate
 *    defaults to 10 messages/s (SCALE_OUT_RATE: the highest of 10/20/30/50 at which the
 *    one-process run's senders keep up on this 2-core machine, so that p99 measures the scale-out
 *    cost, not a backlog); each run prints the rate offered and achieved and whether its senders
 *    kept up. `--rate` overrides it. SCALE_OUT_NODE_ARGS passes node options to the servers.
 *
 *   node dist/bench/events.bench.js [--scenario fanout|idle|scale-out] [--seconds 5 (a round)]
 *                                   [--rounds 3]
 *                                   [--sizes 1000,5000] [--processes 2] [--clients 2]
 *                                   [--warmup 1]
 *                                   [--transports poll,socket,http,ws] [--queues 50000] [--redis]
 *                                   [--window 60]
 *                                   [--rate 50 (fan-out; scale-out: 10)] [--trace]
 *                                   (--trace: latency by publish second, to stderr)
 *
 * Uses DATABASE_URL's PostgreSQL server (or postgresql://postgres@127.0.0.1:5432) in a scratch
 * database dropped afterwards; `--redis` puts the queues in REDIS_URL (default localhost).
 * Loopback only.
 */
import 'reflect-metadata';
import { ChildProcess, fork, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import Redis from 'ioredis';
import { Pool } from 'pg';
import WebSocket, { WebSocketServer } from 'ws';
import { loadConfig } from '@hub/config';
import { createServerApp } from '../apps/server/src/bootstrap';
import type { EventMessage } from '@hub/api/event.types';
import { SOCKET_ACK_DELAY_MS } from '@hub/api/event-socket';
import { EVENTS_SOCKET_PATH } from '../apps/server/src/events/queues/events.gateway';
import { EventPublisher } from '../apps/server/src/event-publisher/event-publisher';
import { EventsService } from '../apps/server/src/events/queues/events.service';
import { BareLongPollServer } from './bare-long-poll';
import type { IdleClientsCount, IdleClientsJob } from './idle-clients';
import { PollConnection } from './poll-connection';
import { RealmsService } from '../apps/server/src/realms/realms.service';
import {
  basicAuth,
  BenchUser,
  bulkUsers,
  call,
  inBatches,
  nowMs,
  percentile,
  scratchDatabase,
  table,
} from './events-setup';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** Messages per second in the fan-out scenario (the goal is stated at 50). */
const RATE_PER_SECOND = Number(option('rate', '50'));

/**
 * Messages per second in the scale-out scenario unless `--rate` says otherwise: the highest of
 * 10/20/30/50 at which the one-process run's senders keep up on the 2-core machine the goal is
 * measured on (each send writes a row per subscriber: 1,000 at N = 1,000). Above it, p99 measures
 * the senders' backlog, not what spreading the clients over processes costs.
 */
const SCALE_OUT_RATE = Number(option('rate', '10'));

/** Scale-out: seconds of uncounted sends before each run's measured ones. */
const SCALE_OUT_WARMUP_SECONDS = 2;

/** A send finished later than this after it was due means the senders did not keep up. */
const KEPT_UP_LAG_MS = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

// ---------------------------------------------------------------- client worker (fan-out)

type ClientJob =
  /**
   * Client i registers on (and later polls) `bases[i % bases.length]`; the queues are kept as
   * `set` (default ''), and are the ones later jobs use until another register or a poll's `set`.
   */
  | {
      kind: 'register';
      bases: string[];
      users: BenchUser[];
      countDuplicates?: boolean;
      set?: string;
    }
  /**
   * Long-polls the server's queues, or `bare` ones of the bare node:http baseline (queue ids
   * `q<first>`…, `first` 0 unless several client processes share them).
   */
  | {
      kind: 'poll';
      phase: number;
      bare?: { url: string; count: number; first?: number };
      /** The registered queues to poll (a `register`'s `set`); the last registered if absent. */
      set?: string;
    }
  | { kind: 'socket'; phase: number }
  | { kind: 'ws'; url: string; count: number; phase: number }
  | { kind: 'count' }
  | { kind: 'report' };

interface Report {
  received: number;
  latencies: number[];
  /** Publish time of each latency, to see when in the run the slow ones were sent. */
  sentAt: number[];
  /** Answers (long-poll) or frames (sockets) that carried events. */
  answers: number;
  errors: number;
  /** Message events a queue received a second time (counted only in the scale-out scenario). */
  duplicates: number;
  /** Client process CPU time since the phase began, and that wall time (ms; client processes). */
  cpuMs?: number;
  wallMs?: number;
}

interface ClientQueue {
  /** The Authorization header value ('' for the bare baseline, which has none). */
  auth: string;
  queueId: string;
  last: number;
  /** The server process this client registered on and polls (scale-out splits them). */
  base: URL;
  /** Scale-out: message ids this queue has had, to count duplicates. */
  seen?: Set<number>;
}

type WireEvent = { id: number; type: string; message?: { id: number; content: string } };

/** How the clients talk to the bench: a worker thread's port, or a child process's IPC. */
interface ClientChannel {
  postMessage(message: unknown): void;
  on(event: 'message', handler: (job: ClientJob) => void): void;
}

/**
 * The receiving side, in its own thread or process: registered queues read by long-poll loops or
 * by the server's event socket, or plain sockets for the baseline; records publish→receipt
 * latency.
 */
function clientWorker(port: ClientChannel | null = parentPort): void {
  if (!port) return;
  let phaseStarted = { cpu: process.cpuUsage(), wall: nowMs() };
  let latencies: number[] = [];
  let sentAt: number[] = [];
  let answers = 0;
  let errors = 0;
  let duplicates = 0;
  let stop: () => void = () => undefined;
  let queues: ClientQueue[] = [];
  const queueSets = new Map<string, ClientQueue[]>();
  // Only this phase's messages count (a resumed queue may still hold the previous phase's).
  let phase = 0;
  /** Records a message of this phase's (and says whether it was one). */
  const record = (content: string, at: number): boolean => {
    const stamp = stampOf(content, phase);
    if (stamp === null) return false;
    latencies.push(at - stamp);
    sentAt.push(stamp);
    return true;
  };
  // Answers (or frames) count when they carry this phase's messages (not warm-up ones).
  const take = (q: ClientQueue, events: WireEvent[], at: number) => {
    let counted = false;
    for (const e of events) {
      q.last = Math.max(q.last, e.id);
      if (e.type !== 'message' || !e.message) continue;
      if (q.seen) {
        if (q.seen.has(e.message.id)) {
          duplicates++;
          continue;
        }
        q.seen.add(e.message.id);
      }
      if (record(e.message.content, at)) counted = true;
    }
    if (counted) answers++;
  };

  const handlers: Record<ClientJob['kind'], (job: ClientJob) => Promise<void>> = {
    async register(job) {
      if (job.kind !== 'register') return;
      const bases = job.bases.map((b) => new URL(b));
      const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
      queues = [];
      queueSets.set(job.set ?? '', queues);
      await inBatches(
        job.users.map((user, i) => ({ user, base: bases[i % bases.length] })),
        64,
        async ({ user, base }) => {
          const res = await call(agent, base, 'POST', '/register', basicAuth(user), {
            event_types: '["message"]',
            fetch_event_types: '[]',
          });
          if (res.status !== 200) throw new Error(`register: ${JSON.stringify(res.body)}`);
          queues.push({
            auth: basicAuth(user),
            queueId: res.body.queue_id as string,
            last: -1,
            base,
            seen: job.countDuplicates ? new Set() : undefined,
          });
        },
      );
      agent.destroy();
    },
    async poll(job) {
      if (job.kind !== 'poll') return;
      if (job.set !== undefined) queues = queueSets.get(job.set) ?? [];
      const bare = job.bare;
      const pollers: ClientQueue[] = bare
        ? Array.from({ length: bare.count }, (_, i) => ({
            auth: '',
            queueId: `q${(bare.first ?? 0) + i}`,
            last: -1,
            base: new URL(bare.url),
          }))
        : queues;
      const connections = new Set<PollConnection>();
      let stopping = false;
      const connect = (q: ClientQueue, onConnect?: () => void) => {
        const connection = new PollConnection(
          Number(q.base.port),
          q.base.hostname,
          q.auth ? `Authorization: ${q.auth}\r\n` : '',
          undefined,
          onConnect,
        );
        connections.add(connection);
        return connection;
      };
      // Like a real client, one whose poll fails counts the error and polls again on a new
      // connection (a 4xx answer included: it would re-register; here the queue still exists).
      const loop = async (q: ClientQueue, ready: () => void) => {
        let connection = connect(q, ready);
        while (!stopping) {
          try {
            const res = await connection.get(
              `/api/v1/events?queue_id=${q.queueId}&last_event_id=${q.last}`,
            );
            if (res.status !== 200) throw new Error(res.body);
            const events = (JSON.parse(res.body) as { events: WireEvent[] }).events;
            take(q, events, nowMs());
          } catch {
            ready();
            if (stopping) return;
            errors++;
            connection.close();
            connections.delete(connection);
            await sleep(100);
            connection = connect(q);
          }
        }
      };
      stop = () => {
        stopping = true;
        connections.forEach((c) => c.close());
      };
      // A few hundred connections at a time: thousands at once overflow the listen backlog, and
      // the kernel retries the dropped ones seconds later (the bare server would not even know
      // their queues when the messages come).
      await inBatches(pollers, 200, (q) => new Promise<void>((ready) => void loop(q, ready)));
      await sleep(1000);
    },
    async socket() {
      const sockets: WebSocket[] = [];
      await inBatches(queues, 100, (q) => {
        const url = `ws://${q.base.host}${EVENTS_SOCKET_PATH}`;
        const socket = new WebSocket(url, { headers: { authorization: q.auth } });
        sockets.push(socket);
        // As the web client does: one ack a second at most (SOCKET_ACK_DELAY_MS).
        let ackPending = false;
        const acknowledgeSoon = () => {
          if (ackPending) return;
          ackPending = true;
          setTimeout(() => {
            ackPending = false;
            if (socket.readyState === WebSocket.OPEN) {
              socket.send(JSON.stringify({ type: 'ack', last_event_id: q.last }));
            }
          }, SOCKET_ACK_DELAY_MS);
        };
        return new Promise<void>((resolve) => {
          socket.on('message', (data) => {
            const at = nowMs();
            const frame = JSON.parse(data.toString()) as { type: string; events?: WireEvent[] };
            if (frame.type === 'auth') {
              socket.send(
                JSON.stringify({ type: 'resume', queue_id: q.queueId, last_event_id: q.last }),
              );
            } else if (frame.type === 'resumed') {
              resolve();
            } else if (frame.type === 'events' && frame.events) {
              take(q, frame.events, at);
              acknowledgeSoon();
            } else if (frame.type === 'error') {
              errors++;
              resolve();
            }
          });
          socket.once('error', () => {
            errors++;
            resolve();
          });
        });
      });
      stop = () => sockets.forEach((s) => s.terminate());
      await sleep(500);
    },
    async ws(job) {
      if (job.kind !== 'ws') return;
      const sockets: WebSocket[] = [];
      await inBatches(
        Array.from({ length: job.count }, (_, i) => i),
        200,
        () =>
          new Promise<void>((resolve) => {
            const socket = new WebSocket(job.url);
            socket.on('message', (data) => {
              const at = nowMs();
              const { message } = JSON.parse(data.toString()) as { message: { content: string } };
              if (record(message.content, at)) answers++;
            });
            socket.once('open', () => resolve());
            socket.once('error', () => {
              errors++;
              resolve();
            });
            sockets.push(socket);
          }),
      );
      stop = () => sockets.forEach((s) => s.terminate());
    },
    async count() {
      port.postMessage(latencies.length);
    },
    async report() {
      stop();
      stop = () => undefined;
      const cpu = process.cpuUsage(phaseStarted.cpu);
      port.postMessage({
        received: latencies.length,
        latencies,
        sentAt,
        answers,
        errors,
        duplicates,
        cpuMs: (cpu.user + cpu.system) / 1000,
        wallMs: nowMs() - phaseStarted.wall,
      } satisfies Report);
      latencies = [];
      sentAt = [];
      answers = 0;
      errors = 0;
      duplicates = 0;
    },
  };

  port.on('message', (job: ClientJob) => {
    if ('phase' in job) phase = job.phase;
    handlers[job.kind](job).then(
      () => {
        if (job.kind === 'report' || job.kind === 'count') return;
        // The phase's CPU counts from here: connecting and settling in are not its load.
        if ('phase' in job) phaseStarted = { cpu: process.cpuUsage(), wall: nowMs() };
        port.postMessage('ready');
      },
      (err: unknown) => port.postMessage({ error: String(err) }),
    );
  });
}

// ---------------------------------------------------------------- client processes

/** The argument that makes this script a client process (see ClientProcesses). */
const CLIENT_PROCESS_FLAG = '--client-process';

/**
 * The fan-out clients in `count` child processes of their own, the queues and sockets split
 * between them: the server (this process's main thread) and the bare baselines are measured
 * without the clients' parsing and garbage collection in their process, and one client's
 * event loop is not the only one reading every answer. Answers `ask` like the worker does:
 * jobs are split (registrations, bare polls, sockets) or sent to all, replies merged.
 */
class ClientProcesses {
  private constructor(private readonly children: ChildProcess[]) {}

  static async start(count: number): Promise<ClientProcesses> {
    const children = Array.from({ length: count }, () =>
      fork(__filename, [CLIENT_PROCESS_FLAG], {
        // Structured clone: the reports carry hundreds of thousands of latencies.
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve, reject) => {
            child.once('message', () => resolve());
            child.once('exit', () => reject(new Error('a client process did not start')));
          }),
      ),
    );
    return new ClientProcesses(children);
  }

  get size(): number {
    return this.children.length;
  }

  async ask<T>(job: ClientJob): Promise<T> {
    const k = this.children.length;
    const share = (total: number, i: number) =>
      Math.floor((total * (i + 1)) / k) - Math.floor((total * i) / k);
    const start = (total: number, i: number) => Math.floor((total * i) / k);
    const jobs: ClientJob[] = this.children.map((_, i) => {
      if (job.kind === 'register') {
        return {
          ...job,
          users: job.users.slice(start(job.users.length, i), start(job.users.length, i + 1)),
        };
      }
      if (job.kind === 'poll' && job.bare) {
        const { count } = job.bare;
        return {
          ...job,
          bare: { url: job.bare.url, count: share(count, i), first: start(count, i) },
        };
      }
      if (job.kind === 'ws') return { ...job, count: share(job.count, i) };
      return job;
    });
    const replies = await Promise.all(this.children.map((child, i) => askChild(child, jobs[i])));
    if (job.kind === 'count') return (replies as number[]).reduce((a, b) => a + b, 0) as T;
    if (job.kind !== 'report') return replies[0] as T;
    const reports = replies as Report[];
    const merged: Report = {
      received: 0,
      latencies: [],
      sentAt: [],
      answers: 0,
      errors: 0,
      duplicates: 0,
      cpuMs: 0,
      wallMs: 0,
    };
    for (const r of reports) {
      merged.received += r.received;
      for (const v of r.latencies) merged.latencies.push(v);
      for (const v of r.sentAt) merged.sentAt.push(v);
      merged.answers += r.answers;
      merged.errors += r.errors;
      merged.duplicates += r.duplicates;
    }
    // The busiest client process's share of one core: near 100%, the load generator lags.
    const busiest = reports.reduce(
      (b, r) => ((r.cpuMs ?? 0) / (r.wallMs || 1) > (b.cpuMs ?? 0) / (b.wallMs || 1) ? r : b),
      reports[0],
    );
    merged.cpuMs = busiest.cpuMs;
    merged.wallMs = busiest.wallMs;
    return merged as T;
  }

  stop(): void {
    for (const child of this.children) if (child.exitCode === null) child.kill();
  }
}

function askChild<T>(child: ChildProcess, job: ClientJob): Promise<T> {
  return new Promise((resolve, reject) => {
    const onExit = () => reject(new Error('a client process exited'));
    child.once('exit', onExit);
    child.once('message', (reply: T | { error: string }) => {
      child.off('exit', onExit);
      if (reply && typeof reply === 'object' && 'error' in reply) reject(new Error(reply.error));
      else resolve(reply as T);
    });
    child.send(job);
  });
}

/** A client process: the same clients as the worker thread, over IPC. */
function clientProcess(): void {
  const send = (message: unknown) => process.send?.(message);
  clientWorker({
    postMessage: send,
    on: (_event, handler) => process.on('message', (job) => handler(job as ClientJob)),
  });
  // Without the bench, nothing is left to measure.
  process.on('disconnect', () => process.exit(0));
  send('started');
}

// ---------------------------------------------------------------- fan-out scenario

function ask<T>(worker: Worker | ClientProcesses, job: ClientJob): Promise<T> {
  if (worker instanceof ClientProcesses) return worker.ask<T>(job);
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    worker.once('error', onError);
    worker.once('message', (reply: T | { error: string }) => {
      worker.off('error', onError);
      if (reply && typeof reply === 'object' && 'error' in reply) reject(new Error(reply.error));
      else resolve(reply as T);
    });
    worker.postMessage(job);
  });
}

/** Message content carries the phase and the publish time: `sent:<phase>:<ms>`. */
function stampOf(content: string, phase: number): number | null {
  const [, tag, at] = content.split(':');
  return Number(tag) === phase ? Number(at) : null;
}

function messageEvent(
  id: number,
  sender: BenchUser,
  streamId: number,
  phase: number,
  dueAt: number,
): EventMessage {
  return {
    id,
    sender_id: sender.id,
    sender_email: sender.email,
    sender_full_name: 'Bench Sender',
    sender_realm_str: '',
    content: `sent:${phase}:${dueAt}`,
    content_type: 'text/html',
    timestamp: Math.floor(Date.now() / 1000),
    client: 'bench',
    type: 'stream',
    recipient_id: streamId,
    subject: 'fan-out',
    topic_links: [],
    is_me_message: false,
    reactions: [],
    submessages: [],
    avatar_url: null,
    display_recipient: 'bench',
    stream_id: streamId,
  };
}

/** How a paced run went: sends offered, and when they finished against when they were due. */
interface Pace {
  sent: number;
  /** Messages per second offered, and achieved (sends over the time until the last finished). */
  offered: number;
  achieved: number;
  /** The most any send finished after it was due. */
  maxLagMs: number;
}

/**
 * Sends `rate` per second for `seconds` on a fixed schedule, each stamped with the time it was
 * due. The load is open, as from many senders: a send does not wait for the one before it to
 * finish, and a publisher held up by a busy event loop sends everything due at once when it runs
 * again, so the offered load stays the same and the wait counts in the latency.
 */
/** How late the last `paced` run's last send finished (ms): a sender that fell behind. */
let lastSendLateMs = 0;

async function pace(
  seconds: number,
  rate: number,
  send: (i: number, dueAt: number) => Promise<void> | void,
): Promise<Pace> {
  const total = rate * seconds;
  const start = nowMs();
  const dueAt = (i: number) => start + (i * 1000) / rate;
  let maxLagMs = 0;
  let lastDone = start;
  const finished = (i: number) => {
    lastDone = nowMs();
    maxLagMs = Math.max(maxLagMs, lastDone - dueAt(i));
  };
  const sends: Array<Promise<void>> = [];
  for (let i = 0; i < total;) {
    await sleep(dueAt(i) - nowMs());
    const now = nowMs();
    for (; i < total && dueAt(i) <= now; i++) {
      const at = i;
      sends.push(Promise.resolve(send(at, dueAt(at))).then(() => finished(at)));
    }
  }
  await Promise.all(sends);
  const elapsed = Math.max(seconds * 1000, lastDone - start);
  return { sent: total, offered: rate, achieved: (total * 1000) / elapsed, maxLagMs };
}

/** `pace` at the fan-out rate; says on stderr when a send finished over a second late. */
async function paced(
  seconds: number,
  send: (i: number, dueAt: number) => Promise<void> | void,
): Promise<number> {
  const { sent, maxLagMs } = await pace(seconds, RATE_PER_SECOND, send);
  lastSendLateMs = maxLagMs;
  if (maxLagMs > 1000) process.stderr.write(`a send finished ${maxLagMs.toFixed(0)} ms late\n`);
  return sent;
}

/** Waits until the clients hold every message, or none has come for 10 s (at most 90 s). */
async function drained(worker: Worker | ClientProcesses, expected: number): Promise<void> {
  let last = -1;
  let lastChange = nowMs();
  for (const deadline = nowMs() + 90_000; nowMs() < deadline; await sleep(250)) {
    const received = await ask<number>(worker, { kind: 'count' });
    if (received >= expected) return;
    if (received !== last) {
      last = received;
      lastChange = nowMs();
    } else if (nowMs() - lastChange > 10_000) {
      return;
    }
  }
}

function summarize(label: string, n: number, sent: number, report: Report): string[] {
  const sorted = [...report.latencies].sort((a, b) => a - b);
  const expected = sent * n;
  if (process.argv.includes('--trace')) trace(label, report);
  return [
    label,
    String(n),
    `${report.received}/${expected}`,
    (report.received / Math.max(1, report.answers)).toFixed(2),
    percentile(sorted, 50).toFixed(1),
    percentile(sorted, 99).toFixed(1),
    (sorted[sorted.length - 1] ?? NaN).toFixed(1),
    String(report.errors),
  ];
}

/** This process's CPU and the wall clock when a measured run began. */
interface Phase {
  cpu: NodeJS.CpuUsage;
  wall: number;
}

/** A transport's measured runs at one N, all rounds together. */
interface MergedRun {
  label: string;
  sent: number;
  report: Report;
  /** This process's CPU (the server or the bare baseline, and the publisher) over the runs. */
  serverCpuMs: number;
  wallMs: number;
}

function mergeRuns(a: MergedRun, b: MergedRun): MergedRun {
  return {
    label: a.label,
    sent: a.sent + b.sent,
    report: mergeReports(a.report, b.report),
    serverCpuMs: a.serverCpuMs + b.serverCpuMs,
    wallMs: a.wallMs + b.wallMs,
  };
}

/** Two runs' receipts as one run's. */
function mergeReports(x: Report, y: Report): Report {
  return {
    received: x.received + y.received,
    latencies: x.latencies.concat(y.latencies),
    sentAt: x.sentAt.concat(y.sentAt),
    answers: x.answers + y.answers,
    errors: x.errors + y.errors,
    duplicates: x.duplicates + y.duplicates,
    cpuMs: (x.cpuMs ?? 0) + (y.cpuMs ?? 0),
    wallMs: (x.wallMs ?? 0) + (y.wallMs ?? 0),
  };
}

/** `--trace`: p50/p99 by the second the messages were published in, to stderr. */
function trace(label: string, report: Report): void {
  const start = report.sentAt.reduce((a, b) => Math.min(a, b), Infinity);
  const bySecond = new Map<number, number[]>();
  report.latencies.forEach((latency, i) => {
    const second = Math.floor((report.sentAt[i] - start) / 1000);
    const values = bySecond.get(second) ?? [];
    values.push(latency);
    bySecond.set(second, values);
  });
  const rows = [['second', 'received', 'p50 ms', 'p99 ms']];
  for (const [second, values] of [...bySecond].sort((a, b) => a[0] - b[0])) {
    values.sort((a, b) => a - b);
    rows.push([
      String(second),
      String(values.length),
      percentile(values, 50).toFixed(1),
      percentile(values, 99).toFixed(1),
    ]);
  }
  process.stderr.write(`${label}, by publish second:\n${table(rows)}\n`);
}

type Transport = 'poll' | 'socket' | 'http' | 'ws';

/** Seconds of warm-up at the same rate before each measured fan-out run (`--warmup`). */
const WARMUP_SECONDS = Number(option('warmup', '1'));

/** Turns each fan-out transport and its baseline (or scale-out configuration) take, pooled. */
const ROUNDS = Math.max(1, Number(option('rounds', '3')));

/** Client processes in the fan-out scenario (`--clients`). */
const CLIENT_PROCESSES = Math.max(1, Number(option('clients', '2')));

/** The fan-out goals: each transport's p99 over its bare baseline's, by N. */
function fanoutGoal(transport: 'poll' | 'socket', n: number): number {
  return transport === 'poll' && n <= 1000 ? 1.2 : 1.5;
}

async function fanout(
  sizes: number[],
  seconds: number,
  redis: boolean,
  transports: Transport[],
): Promise<void> {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const database = await scratchDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-bench-ev-'));
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    PORT: '0',
    EXTERNAL_HOST: 'localhost',
    REDIS_URL: redis ? REDIS_URL : undefined,
    GATEWAY_URL: '',
    LOG_LEVEL: 'error',
    RATE_LIMIT_PER_MINUTE: '1000000',
  });
  const app = await createServerApp(config);
  const pool = new Pool({ connectionString: database.url, max: 2 });
  const clients = await ClientProcesses.start(CLIENT_PROCESSES);
  const rows = [
    ['transport', 'N', 'received', 'events/answer', 'p50 ms', 'p99 ms', 'max ms', 'errors'].concat(
      'server CPU %',
      'busiest client CPU %',
    ),
  ];
  /** p99 by transport and N, for the ratios. */
  const p99 = new Map<string, number>();
  /** Runs whose sender fell behind the schedule (over a second late at the end) in any round. */
  const behind = new Set<string>();
  /** Each transport's rounds so far at the current N, merged. */
  let runs = new Map<string, MergedRun>();
  /** Adds one round of a transport (its phase's report, and this process's CPU over it). */
  const measured = (key: string, label: string, sent: number, report: Report, cpuStart: Phase) => {
    if (lastSendLateMs > 1000) behind.add(key);
    const used = process.cpuUsage(cpuStart.cpu);
    const round: MergedRun = {
      label,
      sent,
      report,
      serverCpuMs: (used.user + used.system) / 1000,
      wallMs: nowMs() - cpuStart.wall,
    };
    const before = runs.get(key);
    runs.set(key, before ? mergeRuns(before, round) : round);
  };
  /** The rows of the current N's transports, each over all its rounds. */
  const tabulate = (n: number) => {
    for (const [key, run] of runs) {
      const row = summarize(run.label, n, run.sent, run.report);
      p99.set(key, Number(row[5]));
      const server = (100 * run.serverCpuMs) / run.wallMs;
      const client = run.report.wallMs ? (100 * (run.report.cpuMs ?? 0)) / run.report.wallMs : NaN;
      rows.push(row.concat(server.toFixed(0), client.toFixed(0)));
    }
    runs = new Map();
  };
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const realm = await app.get(RealmsService).createRealm('', 'Bench');
    const users = await bulkUsers(pool, realm.id, Math.max(...sizes) + 1);
    const sender = users.pop() as BenchUser;
    const events = app.get(EventPublisher);
    const streamId = 1;
    for (const n of sizes) {
      const listeners = users.slice(0, n);
      const userIds = listeners.map((u) => u.id);
      let phase = 0;
      /**
       * A warm-up at the same rate (tagged phase 0, which no client counts), then the measured
       * run: the same for the server and the baselines, so none is measured while it compiles.
       */
      const warmThenPace = async (send: (i: number, dueAt: number, tag: number) => unknown) => {
        if (WARMUP_SECONDS > 0) {
          await paced(WARMUP_SECONDS, async (i, dueAt) => void (await send(i, dueAt, 0)));
        }
        const cpuStart: Phase = { cpu: process.cpuUsage(), wall: nowMs() };
        const sent = await paced(seconds, async (i, dueAt) => void (await send(i, dueAt, phase)));
        return { sent, cpuStart };
      };
      const publish = async (i: number, dueAt: number, tag: number) => {
        const message = messageEvent(i + 1, sender, streamId, tag, dueAt);
        await events.publish(
          { type: 'message', message, raw_content: message.content },
          { userIds },
        );
      };
      await ask(clients, {
        kind: 'register',
        bases: [`http://127.0.0.1:${port}`],
        users: listeners,
      });
      const payloadOf = (i: number, dueAt: number, tag: number) =>
        JSON.stringify({
          type: 'message',
          flags: [],
          message: messageEvent(i + 1, sender, streamId, tag, dueAt),
        });

      /** One measured run of a transport; its receipts and CPU are added to its rounds. */
      const run: Record<Transport, () => Promise<void>> = {
        poll: () => serverRun('poll', 'long-poll'),
        socket: () => serverRun('socket', 'event socket'),
        http: async () => {
          const bare = new BareLongPollServer();
          const url = await bare.listen();
          phase++;
          await ask(clients, { kind: 'poll', phase, bare: { url, count: n } });
          const { sent, cpuStart } = await warmThenPace((i, dueAt, tag) =>
            bare.broadcast(payloadOf(i, dueAt, tag)),
          );
          await drained(clients, sent * n);
          const report = await ask<Report>(clients, { kind: 'report' });
          measured(`http:${n}`, 'bare node:http long-poll', sent, report, cpuStart);
          await bare.close();
          await sleep(500);
        },
        ws: async () => {
          const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
          await new Promise((r) => wss.once('listening', r));
          const url = `ws://127.0.0.1:${(wss.address() as net.AddressInfo).port}`;
          phase++;
          await ask(clients, { kind: 'ws', url, count: n, phase });
          const { sent, cpuStart } = await warmThenPace((i, dueAt, tag) => {
            const payload = payloadOf(i, dueAt, tag);
            for (const client of wss.clients) client.send(payload);
          });
          await drained(clients, sent * n);
          const report = await ask<Report>(clients, { kind: 'report' });
          measured(`ws:${n}`, 'bare ws broadcast', sent, report, cpuStart);
          await new Promise((r) => wss.close(r));
          await sleep(500);
        },
      };
      const serverRun = async (transport: 'poll' | 'socket', label: string) => {
        phase++;
        await ask(clients, { kind: transport, phase });
        const { sent, cpuStart } = await warmThenPace(publish);
        await drained(clients, sent * n);
        const report = await ask<Report>(clients, { kind: 'report' });
        const storeKind = app.get(EventsService).storeKind;
        measured(`${transport}:${n}`, `${label} (${storeKind} store)`, sent, report, cpuStart);
        await sleep(500);
      };
      // Each transport next to its baseline, in turns: a drift in the machine's speed over the
      // run (these are shared machines) shows in both sides of a ratio.
      const order = (['poll', 'http', 'socket', 'ws'] as const).filter((t) =>
        transports.includes(t),
      );
      for (let round = 0; round < ROUNDS; round++) {
        for (const transport of order) await run[transport]();
      }
      tabulate(n);
    }
  } finally {
    clients.stop();
    await sleep(500);
    await app.close();
    await pool.end();
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const ratios: string[] = [];
  for (const n of sizes) {
    for (const [transport, bare, label] of [
      ['poll', 'http', 'long-poll / bare long-poll'],
      ['socket', 'ws', 'event socket / bare ws'],
    ] as const) {
      const server = p99.get(`${transport}:${n}`);
      const floor = p99.get(`${bare}:${n}`);
      if (server === undefined || floor === undefined) continue;
      const ratio = server / floor;
      const goal = fanoutGoal(transport, n);
      const verdict = behind.has(`${bare}:${n}`)
        ? `no verdict: the baseline itself fell behind the ${RATE_PER_SECOND}/s schedule (its ` +
          `sender finished over a second late), so it is no floor at this size on this machine`
        : `goal ≤ ${goal}: ${ratio <= goal ? 'met' : 'NOT met'}`;
      ratios.push(`N = ${n}: p99 ${label} = ${ratio.toFixed(2)} (${verdict})`);
    }
  }
  process.stdout.write(
    `fan-out latency: ${RATE_PER_SECOND} messages/s, ${ROUNDS} rounds of ${seconds} s per ` +
      `transport, each after a ${WARMUP_SECONDS}-s warm-up at the same rate (not counted); the ` +
      `transports and their baselines take turns, each row pools its rounds; publish → receipt ` +
      `(load average before: ${load}); the server and the bare baselines run in this process, ` +
      `the clients in ${clients.size} client process(es) of their own (\`--clients\`; the last ` +
      `column is the busiest one's CPU: near 100%, the load generator is the bottleneck; server ` +
      `CPU is this process's, main thread and helpers, % of one core)\n` +
      `${table(rows)}\n${ratios.join('\n')}\n`,
  );
}

// ---------------------------------------------------------------- idle scenario

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Resident memory (bytes) and CPU time (seconds) of a process, from /proc. */
function usage(pid: number): { rss: number; cpu: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rss, cpu: ticks / 100 };
}

/** CPU share (% of one core) and memory of the process over `seconds` of wall time. */
async function idleWindow(pid: number, seconds: number): Promise<{ rss: number; cpu: number }> {
  const before = usage(pid);
  await sleep(seconds * 1000);
  const after = usage(pid);
  return { rss: after.rss, cpu: ((after.cpu - before.cpu) / seconds) * 100 };
}

/** This process's open-file limits (soft, hard), from /proc. */
function openFileLimits(): { soft: number; hard: number } {
  const line = /Max open files\s+(\S+)\s+(\S+)/.exec(fs.readFileSync('/proc/self/limits', 'utf8'));
  const value = (v: string | undefined) =>
    v === undefined || v === 'unlimited' ? Infinity : Number(v);
  return { soft: value(line?.[1]), hard: value(line?.[2]) };
}

/**
 * Throws, saying what to raise, unless a process started from here may open `openFiles` files:
 * above the hard limit only a process with CAP_SYS_RESOURCE (root outside a container) may go.
 */
function assertOpenFiles(openFiles: number): void {
  const { soft, hard } = openFileLimits();
  if (soft >= openFiles) return;
  const probe = spawnSync('/bin/sh', ['-c', `ulimit -n ${openFiles}`], { stdio: 'ignore' });
  if (probe.status === 0) return;
  throw new Error(
    `this needs ${openFiles} open files in one process (one per held connection), above this ` +
      `shell's limit (soft ${soft}, hard ${hard}), and the hard limit cannot be raised from here ` +
      `(it needs CAP_SYS_RESOURCE). Raise it first: \`ulimit -Hn ${openFiles}\` as root, ` +
      `\`nofile\` in /etc/security/limits.conf, or \`docker run --ulimit nofile=${openFiles}\`; ` +
      `or run with fewer --queues (at most ${Math.max(0, hard - 1024)} here)`,
  );
}

/**
 * Spawns `node script args` with at least `openFiles` open files allowed (`ulimit -n` in a shell
 * that then execs node, so the pid is node's). Above the hard limit only root may raise it: any
 * other user gets an error saying what to raise.
 */
function spawnNode(
  script: string,
  args: string[],
  openFiles: number,
  options: Parameters<typeof spawn>[2],
  nodeArgs: string[] = [],
): ChildProcess {
  const { soft } = openFileLimits();
  if (soft >= openFiles) return spawn(process.execPath, [...nodeArgs, script, ...args], options);
  assertOpenFiles(openFiles);
  return spawn(
    '/bin/sh',
    [
      '-c',
      `ulimit -n ${openFiles} && exec "$0" "$@"`,
      process.execPath,
      ...nodeArgs,
      script,
      ...args,
    ],
    options,
  );
}

/** One compiled server process (`node dist/apps/server/src/main.js`) on its own port. */
interface ServerProcess {
  base: URL;
  pid: number;
  stop: () => Promise<void>;
}

/** Starts a server process on `databaseUrl` and resolves once it answers. */
async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string>,
  { openFiles = 0, nodeArgs = [] as string[] } = {},
): Promise<ServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-bench-srv-'));
  const port = await freePort();
  const server: ChildProcess = spawnNode(
    path.join(__dirname, '../apps/server/src/main.js'),
    [],
    openFiles,
    {
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: databaseUrl,
        DATA_DIR: dataDir,
        REDIS_URL: '',
        EXTERNAL_HOST: 'localhost',
        GATEWAY_URL: '',
        LOG_LEVEL: 'error',
        RATE_LIMIT_PER_MINUTE: '1000000',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
    nodeArgs,
  );
  const exited = new Promise((r) => server.once('exit', r));
  const stop = async () => {
    if (server.exitCode === null) server.kill('SIGTERM');
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const base = new URL(`http://127.0.0.1:${port}`);
  for (let i = 0; ; i++) {
    const ok = await fetch(`${base.origin}/api/v1/server_settings`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (server.exitCode !== null || i > 300) {
      await stop();
      throw new Error('the server did not start');
    }
    await sleep(100);
  }
  return { base, pid: server.pid as number, stop };
}

/** Long-polls per client process (and per loopback source address) in the idle scenario. */
const IDLE_CLIENTS_PER_PROCESS = 10_000;

/** Client processes holding the idle scenario's long-polls (bench/idle-clients.ts). */
async function startIdleClients(
  base: URL,
  queues: IdleClientsJob['queues'],
): Promise<{ count: () => Promise<IdleClientsCount>; stop: () => void; processes: number }> {
  const children: ChildProcess[] = [];
  for (let i = 0, k = 0; i < queues.length; i += IDLE_CLIENTS_PER_PROCESS, k++) {
    const child = spawnNode(
      path.join(__dirname, 'idle-clients.js'),
      [],
      IDLE_CLIENTS_PER_PROCESS + 1024,
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    child.send({
      port: Number(base.port),
      host: base.hostname,
      localAddress: `127.0.0.${2 + k}`,
      queues: queues.slice(i, i + IDLE_CLIENTS_PER_PROCESS),
    } satisfies IdleClientsJob);
    children.push(child);
  }
  const countOne = (child: ChildProcess) =>
    new Promise<IdleClientsCount>((resolve) => {
      child.once('message', (m) => resolve(m as IdleClientsCount));
      child.send('count');
    });
  return {
    processes: children.length,
    count: async () =>
      (await Promise.all(children.map(countOne))).reduce(
        (sum, c) => ({
          answered: sum.answered + c.answered,
          errors: sum.errors + c.errors,
          connected: sum.connected + c.connected,
        }),
        { answered: 0, errors: 0, connected: 0 },
      ),
    stop: () => children.forEach((c) => c.connected && c.send('stop')),
  };
}

/**
 * Waits until every client connection is open and `pid` has parked every poll (its CPU stays low
 * for three 2-s windows in a row: one can be the server waiting on PostgreSQL), then measures it
 * over `windowSeconds`.
 */
async function parkedAndIdle(
  pid: number,
  clients: Awaited<ReturnType<typeof startIdleClients>>,
  total: number,
  windowSeconds: number,
): Promise<{
  loaded: { rss: number; cpu: number };
  heartbeatsPerSecond: number;
  parkSeconds: number;
  after: IdleClientsCount;
}> {
  const connectStarted = Date.now();
  for (let i = 0, quiet = 0; i < 90 && quiet < 3; i++) {
    const window = await idleWindow(pid, 2);
    const { connected } = await clients.count();
    quiet = connected >= total && window.cpu < 5 ? quiet + 1 : 0;
  }
  const parkSeconds = (Date.now() - connectStarted) / 1000;
  const before = await clients.count();
  const loaded = await idleWindow(pid, windowSeconds);
  const after = await clients.count();
  const heartbeatsPerSecond = (after.answered - before.answered) / windowSeconds;
  return { loaded, heartbeatsPerSecond, parkSeconds, after };
}

/** The bare long-poll server with heartbeats (bench/bare-idle-server.ts) in its own process. */
async function startBareIdleServer(
  openFiles: number,
): Promise<{ base: URL; pid: number; stop: () => void }> {
  const child = spawnNode(path.join(__dirname, 'bare-idle-server.js'), [], openFiles, {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve(m as string));
    child.once('exit', () => reject(new Error('the bare long-poll server did not start')));
  });
  return { base: new URL(url), pid: child.pid as number, stop: () => child.kill() };
}

/**
 * Idle capacity: `queues` queues registered (in one server process), each with a long-poll held
 * open by client processes that poll again when answered; the server's resident memory and CPU
 * over `windowSeconds` (a whole heartbeat period, 45–55 s, by default), against its own figures
 * before any queue existed.
 */
async function idle(queues: number, redis: boolean, windowSeconds: number): Promise<void> {
  const database = await scratchDatabase();
  // One descriptor per held connection, and room for PostgreSQL, Redis and the registrations.
  const openFiles = queues + 1024;
  const limits = openFileLimits();
  assertOpenFiles(openFiles);
  assertOpenFiles(IDLE_CLIENTS_PER_PROCESS + 1024);
  const server = await startServerProcess(
    database.url,
    { REDIS_URL: redis ? REDIS_URL : '' },
    {
      openFiles,
      nodeArgs: (process.env.IDLE_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
    },
  );
  const base = server.base;
  const pool = new Pool({ connectionString: database.url, max: 2 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let clients: Awaited<ReturnType<typeof startIdleClients>> | undefined;
  let bareRow: string[] = [];
  let floorCpu = 0;
  try {
    const pid = server.pid;
    const realm = await pool.query<{ id: number }>('SELECT id FROM realms ORDER BY id LIMIT 1');
    const users = await bulkUsers(pool, realm.rows[0].id, queues);
    await sleep(2000);
    const baseline = await idleWindow(pid, 5);

    const registered: IdleClientsJob['queues'] = [];
    const started = Date.now();
    await inBatches(users, 64, async (user) => {
      const res = await call(agent, base, 'POST', '/register', basicAuth(user), {
        event_types: '["message"]',
        fetch_event_types: '[]',
      });
      if (res.status !== 200) throw new Error(`register: ${JSON.stringify(res.body)}`);
      registered.push({ auth: basicAuth(user), queueId: res.body.queue_id as string });
    });
    const registerSeconds = (Date.now() - started) / 1000;
    agent.destroy();
    const registeredRss = usage(pid).rss;
    // Each client polls forever, as real ones do: a heartbeat (every 45–55 s) is answered and
    // the client polls again, so "idle" includes the steady heartbeat traffic.
    clients = await startIdleClients(base, registered);
    const measured = await parkedAndIdle(pid, clients, registered.length, windowSeconds);
    const { loaded, heartbeatsPerSecond, parkSeconds, after } = measured;
    const clientProcesses = clients.processes;
    clients.stop();
    clients = undefined;
    await server.stop();
    // The floor: a bare node:http long-poll server holding as many polls, same heartbeats.
    const bareQueues = registered.map((_, i) => ({ auth: '', queueId: `q${i}` }));
    const bare = await startBareIdleServer(openFiles);
    try {
      clients = await startIdleClients(bare.base, bareQueues);
      const floor = await parkedAndIdle(bare.pid, clients, bareQueues.length, windowSeconds);
      floorCpu = floor.loaded.cpu;
      bareRow = [
        'bare node:http long-poll (floor)',
        String(bareQueues.length),
        floor.heartbeatsPerSecond.toFixed(1),
        (floor.loaded.rss / 1024 / 1024).toFixed(1),
        floor.loaded.cpu.toFixed(2),
      ];
    } finally {
      clients?.stop();
      clients = undefined;
      bare.stop();
    }
    const mib = (b: number) => (b / 1024 / 1024).toFixed(1);
    const rows = [
      ['state', 'queues', 'polls answered/s', 'RSS MiB', 'CPU % (one core)'],
      ['baseline: no queues', '0', '0', mib(baseline.rss), baseline.cpu.toFixed(2)],
      ['registered, no polls', String(registered.length), '0', mib(registeredRss), '-'],
      [
        `idle (${redis ? 'Redis' : 'in-process'} store)`,
        String(registered.length),
        heartbeatsPerSecond.toFixed(1),
        mib(loaded.rss),
        loaded.cpu.toFixed(2),
      ],
      bareRow,
    ];
    const goalMet = loaded.rss < 1.5 * 1024 ** 3 && loaded.cpu < 10;
    process.stdout.write(
      `idle capacity: one server process, ${registered.length} queues registered in ` +
        `${registerSeconds.toFixed(1)} s, their long-polls opened by ${clientProcesses} ` +
        `client process(es) (PollConnection, each from its own 127.0.0.x address, ` +
        `${IDLE_CLIENTS_PER_PROCESS} polls at most each) and parked in ${parkSeconds.toFixed(1)} s; ` +
        `server and clients run with \`ulimit -n\` raised to what they hold ` +
        `(${openFiles} for the server; this shell's limit: ${limits.soft}, hard ${limits.hard}); ` +
        `${after.connected} connections, ${after.errors} poll errors; idle measured over ` +
        `${windowSeconds} s (load average: ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')})\n` +
        `${table(rows)}\n` +
        `goal (under 1.5 GiB resident and 10% of one core at 50,000 queues): ` +
        `${goalMet ? 'met' : 'NOT met'} at ${registered.length}; server CPU ` +
        `${(loaded.cpu / Math.max(floorCpu, 0.01)).toFixed(1)}× the bare floor's\n`,
    );
  } finally {
    clients?.stop();
    agent.destroy();
    await server.stop();
    await pool.end();
    await database.drop();
  }
}

// ---------------------------------------------------------------- scale-out scenario

const SCALE_OUT_STREAM = 'scale-out';

/**
 * Scale-out: `processes` real server processes sharing PostgreSQL and Redis, N clients split over
 * them (each registers and polls on one), messages sent with `POST /messages` through each in
 * turn, after an uncounted warm-up of the same sends. Baselines from the same run, the same way:
 * one process with the in-process queue store, and one with the Redis store. All three run for
 * the whole scenario and take turns (`--rounds`, each row pooling its rounds), so a drift in
 * the machine's speed shows in every one. Every client counts what it lost and what it got twice.
 */
async function scaleOut(n: number, seconds: number, processes: number): Promise<void> {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  const database = await scratchDatabase();
  const namespace = `zh-bench-${process.pid}-${Date.now().toString(36)}`;
  const pool = new Pool({ connectionString: database.url, max: 2 });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const worker = new Worker(__filename, { workerData: { role: 'clients' } });
  const runs = [
    { label: 'one process, in-process store', processes: 1, redis: false },
    { label: 'one process, Redis store', processes: 1, redis: true },
    { label: `${processes} processes, Redis store`, processes, redis: true },
  ];
  const rows = [
    ['servers', 'N', 'received', 'events/answer', 'p50 ms', 'p99 ms', 'max ms', 'errors'].concat([
      'send failures',
      'lost',
      'duplicated',
      'offered/s',
      'achieved/s',
      'max send lag ms',
      'kept up',
    ]),
  ];
  const serverNodeArgs = (process.env.SCALE_OUT_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const p99s: number[] = [];
  const keptUp: boolean[] = [];
  let phase = 0;
  /** Each configuration's servers, all running for the whole scenario. */
  const fleets: ServerProcess[][] = [];
  try {
    // A Redis namespace per configuration: each one's queues and channels are its own, so a send
    // through one configuration reaches only its own queues (they share the database).
    // One process at a time: the first runs the migrations and creates the realm.
    for (const [index, run] of runs.entries()) {
      const env = {
        REDIS_URL: run.redis ? REDIS_URL : '',
        REDIS_NAMESPACE: `${namespace}-${index}`,
      };
      const servers: ServerProcess[] = [];
      fleets.push(servers);
      for (let i = 0; i < run.processes; i++) {
        servers.push(await startServerProcess(database.url, env, { nodeArgs: serverNodeArgs }));
      }
    }
    const owner = await pool.query<BenchUser & { realm_id: number }>(
      'SELECT id, email, api_key, realm_id FROM users ORDER BY id LIMIT 1',
    );
    const auth = basicAuth(owner.rows[0]);
    const listeners = await bulkUsers(pool, owner.rows[0].realm_id, n);
    const subscribed = await call(
      agent,
      fleets[0][0].base,
      'POST',
      '/users/me/subscriptions',
      auth,
      {
        subscriptions: JSON.stringify([{ name: SCALE_OUT_STREAM }]),
        principals: JSON.stringify([owner.rows[0].id, ...listeners.map((u) => u.id)]),
      },
    );
    if (subscribed.status !== 200) throw new Error(`subscribe: ${JSON.stringify(subscribed.body)}`);
    for (const [index, servers] of fleets.entries()) {
      await ask(worker, {
        kind: 'register',
        bases: servers.map((s) => s.base.origin),
        users: listeners,
        countDuplicates: true,
        set: String(index),
      });
    }

    /** Each configuration's rounds so far. */
    const totals = runs.map(() => ({
      sent: 0,
      failures: 0,
      achieved: 0,
      maxLagMs: 0,
      report: undefined as Report | undefined,
    }));
    // The configurations take turns, so a drift in the machine's speed shows in every one.
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, servers] of fleets.entries()) {
        phase++;
        await ask(worker, { kind: 'poll', phase, set: String(index) });
        let failures = 0;
        const sendAt = (tag: number) => async (i: number, dueAt: number) => {
          const via = servers[i % servers.length].base;
          const res = await call(agent, via, 'POST', '/messages', auth, {
            type: 'stream',
            to: SCALE_OUT_STREAM,
            topic: 'fan-out',
            content: `sent:${tag}:${dueAt}`,
          }).catch(() => null);
          if (res?.status !== 200) failures++;
        };
        // Warm-up, not counted (no phase is -1): the processes compile their hot paths and
        // PostgreSQL caches the stream's rows, so the first run is not the only cold one.
        await pace(SCALE_OUT_WARMUP_SECONDS, SCALE_OUT_RATE, sendAt(-1));
        await sleep(1000);
        failures = 0;
        const sends = await pace(seconds, SCALE_OUT_RATE, sendAt(phase));
        const sent = sends.sent - failures;
        await drained(worker, sent * n);
        const report = await ask<Report>(worker, { kind: 'report' });
        const total = totals[index];
        total.sent += sent;
        total.failures += failures;
        total.achieved += sends.achieved / ROUNDS;
        total.maxLagMs = Math.max(total.maxLagMs, sends.maxLagMs);
        total.report = total.report ? mergeReports(total.report, report) : report;
      }
    }
    for (const [index, total] of totals.entries()) {
      const report = total.report as Report;
      const row = summarize(runs[index].label, n, total.sent, report);
      p99s.push(Number(row[5]));
      keptUp.push(total.maxLagMs <= KEPT_UP_LAG_MS && total.failures === 0);
      rows.push(
        row.concat([
          String(total.failures),
          String(Math.max(0, total.sent * n - report.received)),
          String(report.duplicates),
          SCALE_OUT_RATE.toFixed(1),
          total.achieved.toFixed(1),
          total.maxLagMs.toFixed(0),
          keptUp[keptUp.length - 1] ? 'yes' : 'NO',
        ]),
      );
    }
  } finally {
    await Promise.all(fleets.flat().map((s) => s.stop()));
    await worker.terminate();
    agent.destroy();
    await pool.end();
    await database.drop();
    for (const [index, run] of runs.entries()) {
      if (run.redis) await dropRedisNamespace(`${namespace}-${index}`);
    }
    await dropRedisNamespace(namespace);
  }
  const [single, singleRedis, scaled] = p99s;
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const rateNote = process.argv.includes('--rate')
    ? 'set by --rate'
    : 'the default: the highest of 10/20/30/50 at which the one-process run keeps up here';
  process.stdout.write(
    `scale-out: ${SCALE_OUT_RATE} messages/s (${rateNote}), ${ROUNDS} rounds of ${seconds} s ` +
      `per configuration, the configurations in turns, each row pooling its rounds, through ` +
      `POST /messages to a stream with ${n} subscribers, N = ${n} long-polling clients split ` +
      `over the processes (load average before: ${load})\n` +
      `${table(rows)}\n` +
      `senders kept up (every send answered within ${KEPT_UP_LAG_MS} ms of when it was due) in ` +
      `${keptUp.filter(Boolean).length} of ${keptUp.length} runs` +
      (keptUp.every(Boolean)
        ? '\n'
        : ': where they did not, p99 measures a backlog of sends, not the scale-out cost\n') +
      `ratio (the issue's goal): p99 ${processes} processes, Redis store / one process, ` +
      `in-process store (single-process mode) = ${ratio(scaled, single)} (goal ≤ 1.5)\n` +
      `ratio (same store): p99 ${processes} processes, Redis store / one process, Redis store = ` +
      `${ratio(scaled, singleRedis)}\n`,
  );
}

/** Deletes the run's keys (queues, channels, counters) from Redis. */
async function dropRedisNamespace(namespace: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${namespace}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

// ---------------------------------------------------------------- entry

async function main(): Promise<void> {
  const scenario = option('scenario', 'all');
  const redis = process.argv.includes('--redis');
  // `--processes N` (with `--redis`, which scale-out always uses) is the scale-out scenario.
  if (scenario === 'scale-out' || process.argv.includes('--processes')) {
    const n = Number(option('sizes', '1000').split(',')[0]);
    await scaleOut(n, Number(option('seconds', '5')), Number(option('processes', '2')));
    return;
  }
  if (scenario === 'all' || scenario === 'fanout') {
    const sizes = option('sizes', '1000,5000').split(',').map(Number);
    const transports = option('transports', 'poll,socket,http,ws').split(',') as Transport[];
    await fanout(sizes, Number(option('seconds', '5')), redis, transports);
  }
  if (scenario === 'all' || scenario === 'idle') {
    await idle(Number(option('queues', '50000')), redis, Number(option('window', '60')));
  }
}

if (isMainThread && process.argv.includes(CLIENT_PROCESS_FLAG)) {
  clientProcess();
} else if (isMainThread) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`events bench failed: ${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
} else if ((workerData as { role?: string }).role === 'clients') {
  clientWorker();
}
