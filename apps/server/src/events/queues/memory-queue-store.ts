import { withId } from './event-render';
import type { QueueSpec } from './queue-spec';
import type {
  Delivery,
  FetchRequest,
  FetchResult,
  QueueStore,
  QueueTarget,
  WakeSignal,
} from './queue-store';

interface MemoryQueue {
  spec: QueueSpec;
  /** What `targets` answers for this queue (the same object every time). */
  target: QueueTarget;
  /** The `targets` call that last listed this queue (to list each once without a Set). */
  listed: number;
  /**
   * The payloads held, oldest first, with ids consecutive up to `lastId`. A payload is the one
   * string every queue of the publication shares: a stream message held by a thousand queues
   * until their clients acknowledge it is held once, and its text with each queue's id is made
   * only when it is read.
   */
  payloads: string[];
  lastId: number;
  lastAccess: number;
}

/** Queues held in this process (no REDIS_URL): single-process and lost on restart. */
export class MemoryQueueStore implements QueueStore {
  readonly kind = 'memory';
  private readonly queues = new Map<string, MemoryQueue>();
  private readonly byUser = new Map<number, Set<MemoryQueue>>();
  private readonly publicByRealm = new Map<number, Set<MemoryQueue>>();
  private targetsCalls = 0;
  private readonly listeners: Array<(signal: WakeSignal) => void> = [];

  constructor(
    private readonly idleTimeoutMs: number,
    private readonly maxEvents: number,
    private readonly now: () => number = Date.now,
  ) {}

  async create(queueId: string, spec: QueueSpec): Promise<void> {
    const queue: MemoryQueue = {
      spec,
      target: { queueId, spec },
      listed: 0,
      payloads: [],
      lastId: -1,
      lastAccess: this.now(),
    };
    this.drop(queueId);
    this.queues.set(queueId, queue);
    index(this.byUser, spec.userId).add(queue);
    if (spec.allPublicStreams) index(this.publicByRealm, spec.realmId).add(queue);
  }

  async targets(userIds: readonly number[], publicRealmId?: number): Promise<QueueTarget[]> {
    // Called for every publication with every recipient: no per-queue allocation or lookup.
    const call = ++this.targetsCalls;
    const out: QueueTarget[] = [];
    const list = (queues: Set<MemoryQueue> | undefined) => {
      if (!queues) return;
      for (const queue of queues) {
        if (queue.listed === call) continue;
        queue.listed = call;
        out.push(queue.target);
      }
    };
    for (const userId of userIds) list(this.byUser.get(userId));
    if (publicRealmId !== undefined) list(this.publicByRealm.get(publicRealmId));
    return out;
  }

  async append(deliveries: Delivery[]): Promise<void> {
    const woken: string[] = [];
    for (const { payloads, queueIds } of deliveries) {
      for (const queueId of queueIds) {
        const queue = this.queues.get(queueId);
        if (!queue) continue;
        if (queue.payloads.length + payloads.length > this.maxEvents) {
          this.drop(queueId);
        } else {
          for (const payload of payloads) queue.payloads.push(payload);
          queue.lastId += payloads.length;
        }
        woken.push(queueId);
      }
    }
    if (woken.length > 0) this.notify({ kind: 'events', queueIds: woken });
  }

  async fetch(requests: FetchRequest[]): Promise<Array<FetchResult | null>> {
    return this.fetchNow(requests);
  }

  fetchNow(requests: FetchRequest[]): Array<FetchResult | null> {
    const now = this.now();
    return requests.map(({ queueId, ack, after, owner }) => {
      const queue = this.queues.get(queueId);
      if (!queue || (owner !== undefined && queue.spec.userId !== owner)) return null;
      queue.lastAccess = now;
      const held = queue.payloads;
      const acknowledged = clamp(ack - firstIdOf(queue) + 1, 0, held.length);
      if (acknowledged > 0) held.splice(0, acknowledged);
      const firstId = firstIdOf(queue);
      const events: string[] = [];
      for (let i = clamp(after - firstId + 1, 0, held.length); i < held.length; i++) {
        events.push(withId(firstId + i, held[i]));
      }
      return { events };
    });
  }

  async keepAlive(queueIds: string[]): Promise<void> {
    const now = this.now();
    for (const id of queueIds) {
      const queue = this.queues.get(id);
      if (queue) queue.lastAccess = now;
    }
  }

  async remove(queueId: string): Promise<boolean> {
    if (!this.queues.has(queueId)) return false;
    this.drop(queueId);
    return true;
  }

  async sweep(): Promise<void> {
    const cutoff = this.now() - this.idleTimeoutMs;
    for (const [id, queue] of this.queues) if (queue.lastAccess < cutoff) this.drop(id);
  }

  async signal(signal: WakeSignal): Promise<void> {
    this.notify(signal);
  }

  onSignal(listener: (signal: WakeSignal) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.listeners.length = 0;
  }

  /** How many queues exist (for tests and the bench). */
  get size(): number {
    return this.queues.size;
  }

  async count(): Promise<number> {
    return this.queues.size;
  }

  private drop(queueId: string): void {
    const queue = this.queues.get(queueId);
    if (!queue) return;
    this.queues.delete(queueId);
    unindex(this.byUser, queue.spec.userId, queue);
    unindex(this.publicByRealm, queue.spec.realmId, queue);
  }

  private notify(signal: WakeSignal): void {
    for (const listener of this.listeners) listener(signal);
  }
}

/** The id of the oldest payload a queue holds (its `lastId` + 1 when it holds none). */
function firstIdOf(queue: MemoryQueue): number {
  return queue.lastId - queue.payloads.length + 1;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function index(map: Map<number, Set<MemoryQueue>>, key: number): Set<MemoryQueue> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

function unindex(map: Map<number, Set<MemoryQueue>>, key: number, queue: MemoryQueue): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(queue);
  if (set.size === 0) map.delete(key);
}
