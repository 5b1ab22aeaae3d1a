import { Backoff, BackoffOptions, sleep } from './backoff';
import type { BridgeLogger, LogFields } from './logger';

export type DropReason = 'queue_full' | 'too_old' | 'undeliverable';

export interface QueueStats {
  depth: number;
  open: boolean;
  delivered: number;
  dropped: Record<DropReason, number>;
  /** ISO time of the last delivery, or null. */
  lastDeliveredAt: string | null;
}

export interface OutboundQueueOptions<T> {
  /** Names the direction in logs and /health, e.g. `to_chat`, `to_irc`. */
  name: string;
  maxSize: number;
  /** Items whose `timestampOf` is older than this when their turn comes are dropped. */
  maxAgeMs: number;
  deliver: (value: T) => Promise<void>;
  /** Errors that retrying cannot fix: the item is dropped (logged, counted). Default: none. */
  isPermanent?: (error: unknown) => boolean;
  /** When the item was written (ms); default: when it was queued. */
  timestampOf?: (value: T) => number;
  /** Fields that identify an item in logs (never its whole text). */
  describe?: (value: T) => LogFields;
  logger: BridgeLogger;
  backoff?: BackoffOptions;
  now?: () => number;
}

interface Queued<T> {
  value: T;
  queuedAt: number;
}

/**
 * One direction's bounded, ordered, flow-controlled queue. A single worker delivers the head item
 * while the queue is open (its target side connected); a failed delivery keeps the item at the
 * head and retries with backoff, so order holds across outages. Nothing is dropped silently: a
 * full queue, an item too old, or a permanent failure is logged and counted.
 */
export class OutboundQueue<T> {
  private readonly items: Array<Queued<T>> = [];
  private isOpen = false;
  private stopped = false;
  private delivered = 0;
  private readonly dropped: Record<DropReason, number> = {
    queue_full: 0,
    too_old: 0,
    undeliverable: 0,
  };
  private lastDeliveredAt: number | null = null;
  private wake: (() => void) | undefined;
  private readonly backoff: Backoff;
  private readonly idleWaiters: Array<() => void> = [];
  /** Cut short by reconnects and stop, so a long backoff never delays a fresh connection. */
  private retrySleep: AbortController | undefined;
  private inFlight: Promise<void> | undefined;
  private readonly worker: Promise<void>;
  private readonly now: () => number;

  constructor(private readonly options: OutboundQueueOptions<T>) {
    this.backoff = new Backoff(options.backoff);
    this.now = options.now ?? Date.now;
    this.worker = this.run();
  }

  /** Queues an item; false (and a logged, counted drop) when the queue is full. */
  push(value: T): boolean {
    if (this.stopped) {
      this.drop(value, 'undeliverable', { reason_detail: 'queue stopped' });
      return false;
    }
    if (this.items.length >= this.options.maxSize) {
      this.drop(value, 'queue_full', { max_size: this.options.maxSize });
      return false;
    }
    this.items.push({ value, queuedAt: this.now() });
    this.kick();
    return true;
  }

  /** Opens (target connected) or closes (target down: items wait) the queue. */
  setOpen(open: boolean): void {
    if (this.isOpen === open) return;
    this.isOpen = open;
    if (open) {
      this.backoff.reset();
      this.retrySleep?.abort();
    }
    this.kick();
  }

  get depth(): number {
    return this.items.length;
  }

  stats(): QueueStats {
    return {
      depth: this.items.length,
      open: this.isOpen,
      delivered: this.delivered,
      dropped: { ...this.dropped },
      lastDeliveredAt:
        this.lastDeliveredAt === null ? null : new Date(this.lastDeliveredAt).toISOString(),
    };
  }

  /** Resolves true once empty with nothing in flight, false after `timeoutMs`. */
  async drain(timeoutMs: number): Promise<boolean> {
    if (this.isIdle()) return true;
    let timer: NodeJS.Timeout | undefined;
    const idle = new Promise<boolean>((resolve) => this.idleWaiters.push(() => resolve(true)));
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const result = await Promise.race([idle, timeout]);
    clearTimeout(timer);
    return result;
  }

  /** Resolves when the delivery in progress (if any) has finished. */
  async settled(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
  }

  /** Stops the worker; items still queued are logged as dropped. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.retrySleep?.abort();
    this.kick();
    await this.worker;
    for (const item of this.items.splice(0)) {
      this.drop(item.value, 'undeliverable', { reason_detail: 'bridge stopped' });
    }
  }

  private isIdle(): boolean {
    return this.items.length === 0 && this.inFlight === undefined;
  }

  private kick(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private waitForWork(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private drop(value: T, reason: DropReason, fields: LogFields = {}): void {
    this.dropped[reason] += 1;
    this.options.logger.warn('message dropped', {
      queue: this.options.name,
      reason,
      ...this.options.describe?.(value),
      ...fields,
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const head = this.items[0];
      if (!head || !this.isOpen) {
        if (!head) for (const resolve of this.idleWaiters.splice(0)) resolve();
        await this.waitForWork();
        continue;
      }
      const writtenAt = this.options.timestampOf?.(head.value) ?? head.queuedAt;
      const age = this.now() - writtenAt;
      if (age > this.options.maxAgeMs) {
        this.items.shift();
        this.drop(head.value, 'too_old', { age_ms: age, max_age_ms: this.options.maxAgeMs });
        continue;
      }
      const attempt = this.options.deliver(head.value);
      this.inFlight = attempt;
      try {
        await attempt;
        this.items.shift();
        this.delivered += 1;
        this.lastDeliveredAt = this.now();
        this.backoff.reset();
      } catch (error) {
        if (this.options.isPermanent?.(error)) {
          this.items.shift();
          this.drop(head.value, 'undeliverable', { error });
        } else {
          const delay = this.backoff.nextDelay();
          this.options.logger.warn('delivery failed; will retry', {
            queue: this.options.name,
            retry_in_ms: delay,
            failures: this.backoff.failures,
            error,
            ...this.options.describe?.(head.value),
          });
          this.retrySleep = new AbortController();
          await sleep(delay, this.retrySleep.signal);
          this.retrySleep = undefined;
        }
      } finally {
        this.inFlight = undefined;
      }
    }
  }
}
