import { Logger } from '@nestjs/common';
import type { ChainableCommander, Redis } from 'ioredis';
import { TickBatcher } from '../../redis/tick-batcher';
import type { QueueSpec } from './queue-spec';
import type {
  Delivery,
  FetchRequest,
  FetchResult,
  QueueStore,
  QueueTarget,
  WakeSignal,
} from './queue-store';
import { APPEND_LUA, FETCH_LUA, KEEPALIVE_LUA, REMOVE_LUA, TARGETS_LUA } from './redis-scripts';

type Arg = string | number;

/** Queue reads per script call: each is a few commands, so a call stays well under a millisecond. */
const FETCH_BATCH = 200;

/** Specs this process remembers (they never change); past this many it starts over. */
const MAX_KNOWN_SPECS = 200_000;

/** The methods `defineCommand` adds; ioredis cannot type them itself. */
interface ScriptCommands<R> {
  zhevTargets(...args: Arg[]): R;
  zhevAppend(...args: Arg[]): R;
  zhevFetch(...args: Arg[]): R;
  zhevKeepAlive(...args: Arg[]): R;
  zhevRemove(...args: Arg[]): R;
}

/**
 * Queues in Redis, shared by every server process: a queue registered through one process can be
 * polled through another and receives events published by any. Each call is one round trip;
 * the reads of one tick share one.
 */
export class RedisQueueStore implements QueueStore {
  readonly kind = 'redis';
  private readonly redis: Redis & ScriptCommands<Promise<unknown>>;
  private readonly channel: string;
  private readonly listeners: Array<(signal: WakeSignal) => void> = [];
  private subscriber: Redis | null = null;
  /**
   * Queue specs by id. A spec is fixed when its queue is made, so publications read only the
   * recipients' queue ids from Redis, not a thousand specs per message to a big stream.
   */
  private readonly specs = new Map<string, QueueSpec>();
  private readonly logger = new Logger('EventQueues');
  /** The reads of one tick (woken listeners and arriving polls alike), a script call per chunk. */
  private readonly reads = new TickBatcher<FetchRequest, FetchResult | null>(
    (requests) => this.fetchBatch(requests),
    FETCH_BATCH,
  );

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly idleTimeoutMs: number,
    private readonly maxEvents: number,
  ) {
    const scripts = {
      zhevTargets: TARGETS_LUA,
      zhevAppend: APPEND_LUA,
      zhevFetch: FETCH_LUA,
      zhevKeepAlive: KEEPALIVE_LUA,
      zhevRemove: REMOVE_LUA,
    };
    for (const [name, lua] of Object.entries(scripts)) {
      redis.defineCommand(name, { numberOfKeys: 0, lua });
    }
    this.redis = redis as Redis & ScriptCommands<Promise<unknown>>;
    this.channel = `${prefix}wake`;
  }

  /** Opens the one subscriber connection of this process (a duplicate of the shared one). */
  async start(): Promise<void> {
    const subscriber = this.redis.duplicate();
    subscriber.on('error', (err: Error) => this.logger.warn(`Redis subscriber: ${err.message}`));
    subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    await subscriber.subscribe(this.channel);
    this.subscriber = subscriber;
  }

  async create(queueId: string, spec: QueueSpec): Promise<void> {
    const q = `${this.prefix}q:${queueId}`;
    const u = this.userIndex(spec.userId);
    const multi = this.redis
      .multi()
      .hset(q, {
        spec: JSON.stringify(spec),
        last: -1,
        user: spec.userId,
        realm: spec.realmId,
        aps: spec.allPublicStreams ? 1 : 0,
      })
      .pexpire(q, this.idleTimeoutMs)
      .sadd(u, queueId)
      .pexpire(u, this.idleTimeoutMs);
    if (spec.allPublicStreams) {
      const r = this.realmIndex(spec.realmId);
      multi.sadd(r, queueId).pexpire(r, this.idleTimeoutMs);
    }
    await multi.exec();
    this.remember(queueId, spec);
  }

  async targets(userIds: readonly number[], publicRealmId?: number): Promise<QueueTarget[]> {
    if (userIds.length === 0 && publicRealmId === undefined) return [];
    const flat = (await this.redis.zhevTargets(
      this.prefix,
      publicRealmId ?? '',
      ...userIds,
    )) as Array<string | number>;
    // The reply lists each index read in turn: its size, then its queue ids.
    const indexKeys = [
      ...(publicRealmId === undefined ? [] : [this.realmIndex(publicRealmId)]),
      ...userIds.map((id) => this.userIndex(id)),
    ];
    const found = new Map<string, string>();
    for (let at = 0, index = 0; at < flat.length; index++) {
      const size = Number(flat[at++]);
      for (const id of flat.slice(at, at + size)) found.set(String(id), indexKeys[index]);
      at += size;
    }
    const unknown = [...found.keys()].filter((id) => !this.specs.has(id));
    if (unknown.length > 0) await this.learnSpecs(unknown, found);
    const out: QueueTarget[] = [];
    for (const queueId of found.keys()) {
      const spec = this.specs.get(queueId);
      if (spec) out.push({ queueId, spec });
    }
    return out;
  }

  async append(deliveries: Delivery[]): Promise<void> {
    const args: Arg[] = [this.prefix, this.maxEvents, this.channel];
    for (const { payloads, queueIds } of deliveries) {
      if (queueIds.length === 0 || payloads.length === 0) continue;
      args.push(payloads.length, ...payloads, queueIds.length, ...queueIds);
    }
    if (args.length === 3) return;
    const gone = (await this.redis.zhevAppend(...args)) as string[];
    for (const queueId of gone) this.forget(queueId);
  }

  async fetch(requests: FetchRequest[]): Promise<Array<FetchResult | null>> {
    return Promise.all(requests.map((request) => this.reads.add(request)));
  }

  /** Reads a batch of queues in one script call. */
  private async fetchBatch(requests: FetchRequest[]): Promise<Array<FetchResult | null>> {
    const args: Arg[] = [this.prefix, this.idleTimeoutMs];
    for (const { queueId, ack, after, poller, owner, touch } of requests) {
      args.push(queueId, ack, after, poller ?? '', owner ?? '', touch === false ? 0 : 1);
    }
    const flat = (await this.redis.zhevFetch(...args)) as Array<string | number>;
    // The reply lists each read in turn: -1 for a gone queue, else n, previous poller, n events.
    const out: Array<FetchResult | null> = [];
    for (let at = 0; out.length < requests.length;) {
      const n = Number(flat[at++]);
      if (n < 0) {
        out.push(null);
        continue;
      }
      const previousPoller = String(flat[at++]);
      const events = flat.slice(at, at + n).map(String);
      at += n;
      out.push({ events, previousPoller: previousPoller || undefined });
    }
    return out;
  }

  async keepAlive(queueIds: string[]): Promise<void> {
    if (queueIds.length === 0) return;
    // Chunks keep each script short so Redis never stalls on one huge call.
    const pipeline = this.redis.pipeline() as ChainableCommander & ScriptCommands<unknown>;
    for (let i = 0; i < queueIds.length; i += 500) {
      pipeline.zhevKeepAlive(this.prefix, this.idleTimeoutMs, ...queueIds.slice(i, i + 500));
    }
    await pipeline.exec();
  }

  async remove(queueId: string): Promise<boolean> {
    this.specs.delete(queueId);
    return (await this.redis.zhevRemove(this.prefix, queueId)) === 1;
  }

  /** Expiry collects idle queues; indexes are trimmed whenever a publication reads them. */
  async sweep(): Promise<void> {}

  /** Scans the queue hashes (expired ones are gone): monitoring, a few times a minute at most. */
  async count(): Promise<number> {
    let total = 0;
    const stream = this.redis.scanStream({ match: `${this.prefix}q:*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) total += keys.length;
    return total;
  }

  async signal(signal: WakeSignal): Promise<void> {
    const message =
      signal.kind === 'events'
        ? `e:${signal.queueIds.join(',')}`
        : `s:${signal.queueId}:${signal.pollerId}`;
    await this.redis.publish(this.channel, message);
  }

  onSignal(listener: (signal: WakeSignal) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.listeners.length = 0;
    await this.subscriber?.quit().catch(() => undefined);
    this.subscriber = null;
  }

  /** Reads the specs of queues first seen in an index; trims the ids of gone ones from it. */
  private async learnSpecs(queueIds: string[], indexOf: Map<string, string>): Promise<void> {
    // One call per queue; auto-pipelining sends them in one write.
    const specs = await Promise.all(
      queueIds.map((id) => this.redis.hget(`${this.prefix}q:${id}`, 'spec')),
    );
    const trims: Array<Promise<unknown>> = [];
    queueIds.forEach((queueId, i) => {
      const spec = specs[i];
      if (spec) this.remember(queueId, JSON.parse(spec) as QueueSpec);
      else trims.push(this.redis.srem(indexOf.get(queueId) as string, queueId));
    });
    await Promise.all(trims);
  }

  private remember(queueId: string, spec: QueueSpec): void {
    if (this.specs.size >= MAX_KNOWN_SPECS) this.specs.clear();
    this.specs.set(queueId, spec);
  }

  /** A queue `append` found gone: out of the cache and out of its indexes. */
  private forget(queueId: string): void {
    const spec = this.specs.get(queueId);
    this.specs.delete(queueId);
    if (!spec) return;
    void this.redis.srem(this.userIndex(spec.userId), queueId).catch(() => undefined);
    if (spec.allPublicStreams) {
      void this.redis.srem(this.realmIndex(spec.realmId), queueId).catch(() => undefined);
    }
  }

  /** The set of a user's queue ids. */
  private userIndex(userId: number): string {
    return `${this.prefix}u:${userId}`;
  }

  /** The set of a realm's `all_public_streams` queue ids. */
  private realmIndex(realmId: number): string {
    return `${this.prefix}r:${realmId}`;
  }

  private receive(message: string): void {
    let signal: WakeSignal;
    if (message.startsWith('e:')) {
      signal = { kind: 'events', queueIds: message.slice(2).split(',') };
    } else if (message.startsWith('s:')) {
      const [queueId, pollerId] = message.slice(2).split(':');
      signal = { kind: 'supersede', queueId, pollerId };
    } else {
      return;
    }
    for (const listener of this.listeners) listener(signal);
  }
}
