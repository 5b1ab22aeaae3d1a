import type { QueueSpec } from './queue-spec';

/** Injection token of the active `QueueStore`. */
export const QUEUE_STORE = Symbol('QUEUE_STORE');

/** A queue the publisher may deliver to. */
export interface QueueTarget {
  queueId: string;
  spec: QueueSpec;
}

/** The same event payloads (JSON without id, see `payloadOf`) appended to several queues. */
export interface Delivery {
  payloads: string[];
  queueIds: string[];
}

/** A queue's state after acknowledging: the JSON text of the events it still holds. */
export interface FetchResult {
  /** Full JSON texts (`{"id":N,...}`), ids strictly increasing. */
  events: string[];
  /** The process that last claimed the queue for a long-poll, if any (Redis store only). */
  previousPoller?: string;
}

export interface FetchRequest {
  queueId: string;
  /** Discard events with id <= ack (the client has them). */
  ack: number;
  /** Return events with id > after. */
  after: number;
  /** Claim the queue for a long-poll held by this process id. */
  poller?: string;
  /** Only read the queue if this user owns it (otherwise the result is null). */
  owner?: number;
  /**
   * False for reads on behalf of an open listener, whose queue the sweeper keeps alive anyway:
   * the Redis store then skips refreshing the queue's expiry.
   */
  touch?: boolean;
}

/** Cross-process signals: events were appended, or a newer long-poll took a queue over. */
export type WakeSignal =
  { kind: 'events'; queueIds: string[] } | { kind: 'supersede'; queueId: string; pollerId: string };

/**
 * Where event queues live. The in-process store serves one process; the Redis store lets every
 * process register, poll and publish to the same queues.
 */
export interface QueueStore {
  readonly kind: 'memory' | 'redis';
  create(queueId: string, spec: QueueSpec): Promise<void>;
  /**
   * The queues of these users, plus the realm's `all_public_streams` queues if asked. May name a
   * queue that has just expired: `append` skips those.
   */
  targets(userIds: readonly number[], publicRealmId?: number): Promise<QueueTarget[]>;
  /**
   * Appends in one round trip and wakes the queues' pollers. A queue that would exceed its bound
   * is dropped instead (its next fetch finds nothing). Appends are applied in the order they are
   * called, even when a call is made before the previous one has resolved (the call sends at once).
   */
  append(deliveries: Delivery[]): Promise<void>;
  /** Acknowledges, reads and marks the queues as used, in one round trip; null for a gone queue. */
  fetch(requests: FetchRequest[]): Promise<Array<FetchResult | null>>;
  /**
   * `fetch` answered at once, for stores in this process (absent otherwise): the thousand polls
   * one message to a big stream wakes are read and answered in one synchronous pass.
   */
  fetchNow?(requests: FetchRequest[]): Array<FetchResult | null>;
  /** Keeps queues that have an open long-poll or socket alive. */
  keepAlive(queueIds: string[]): Promise<void>;
  remove(queueId: string): Promise<boolean>;
  /** Collects idle queues (the Redis store relies on key expiry and only trims indexes). */
  sweep(): Promise<void>;
  signal(signal: WakeSignal): Promise<void>;
  onSignal(listener: (signal: WakeSignal) => void): void;
  close(): Promise<void>;
  /** How many queues exist (all processes' with Redis), for monitoring. */
  count(): Promise<number>;
}
