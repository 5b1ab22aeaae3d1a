import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ListenerEnd, QueueListener } from './queue-listener';
import { QUEUE_STORE, QueueStore, WakeSignal } from './queue-store';
import { ServerMetrics } from '../../metrics/server-metrics';
import { SocketListener } from './socket-listener';

/**
 * The long-polls and sockets this process holds, by queue. Wake-ups (local or from other
 * processes) are batched: all listeners woken in one tick are read in one store round trip.
 */
@Injectable()
export class ListenerRegistry {
  /** Identifies this process when it claims a queue for a long-poll. */
  readonly processId = randomUUID();
  private readonly listeners = new Map<string, QueueListener>();
  /** When each queue was last woken, to catch events that arrive while a listener attaches. */
  private readonly lastWake = new Map<string, number>();
  private readonly pending = new Set<string>();
  private flushing = false;
  /** Set at shutdown: a listener whose read began before it must not wait on a closing server. */
  private closed = false;
  private readonly logger = new Logger('EventListeners');

  constructor(
    @Inject(QUEUE_STORE) private readonly store: QueueStore,
    @Optional() private readonly metrics?: ServerMetrics,
  ) {
    metrics?.observe(
      'event_listeners',
      'Open long-polls and event sockets in this process',
      ['kind'],
      (gauge) => {
        const open = this.openListeners();
        gauge.set({ kind: 'long_poll' }, open.longPolls);
        gauge.set({ kind: 'socket' }, open.sockets);
      },
    );
    store.onSignal((signal) => this.onSignal(signal));
  }

  get size(): number {
    return this.listeners.size;
  }

  /** Open long-polls and sockets in this process (monitoring). */
  openListeners(): { longPolls: number; sockets: number } {
    let sockets = 0;
    for (const listener of this.listeners.values())
      if (listener instanceof SocketListener) sockets++;
    return { longPolls: this.listeners.size - sockets, sockets };
  }

  queueIds(): string[] {
    return [...this.listeners.keys()];
  }

  /**
   * Makes `listener` the one for its queue, ending an older one. `readStartedAt` is when the
   * caller's last read of the queue began: a wake-up since then triggers a fresh read.
   */
  attach(listener: QueueListener, readStartedAt: number): void {
    if (this.closed) {
      listener.end('shutdown');
      return;
    }
    const previous = this.listeners.get(listener.queueId);
    this.listeners.set(listener.queueId, listener);
    if (previous && previous !== listener) previous.end('superseded');
    if ((this.lastWake.get(listener.queueId) ?? 0) >= readStartedAt) this.wake([listener.queueId]);
  }

  detach(listener: QueueListener): void {
    if (this.listeners.get(listener.queueId) === listener) this.listeners.delete(listener.queueId);
  }

  wake(queueIds: string[]): void {
    const now = Date.now();
    for (const id of queueIds) {
      this.lastWake.set(id, now);
      if (this.listeners.has(id)) this.pending.add(id);
    }
    if (this.pending.size > 0 && !this.flushing) setImmediate(() => void this.flush());
  }

  /** Ends every listener and answers any that attach later at once (the server is stopping). */
  close(): void {
    this.closed = true;
    this.endAll('shutdown');
  }

  endAll(reason: ListenerEnd): void {
    const all = [...this.listeners.values()];
    this.listeners.clear();
    for (const listener of all) listener.end(reason);
  }

  /** Forgets wake-up times too old to matter (reads take milliseconds, not minutes). */
  prune(olderThanMs: number): void {
    const cutoff = Date.now() - olderThanMs;
    for (const [id, at] of this.lastWake) if (at < cutoff) this.lastWake.delete(id);
  }

  private onSignal(signal: WakeSignal): void {
    if (signal.kind === 'events') {
      this.wake(signal.queueIds);
      return;
    }
    // Another process took this queue's long-poll over: ours must answer and step aside.
    if (signal.pollerId === this.processId) return;
    const listener = this.listeners.get(signal.queueId);
    if (!listener) return;
    this.listeners.delete(signal.queueId);
    listener.end('superseded');
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.pending.size > 0) {
        const batch = [...this.pending]
          .map((id) => this.listeners.get(id))
          .filter((l): l is QueueListener => l !== undefined);
        this.pending.clear();
        const requests = batch.map((l) => ({
          queueId: l.queueId,
          ack: l.ack,
          after: l.after,
          touch: false,
        }));
        // The sweeper keeps open listeners' queues alive: a wake-up's read need not.
        // A store in this process answers at once: every woken listener is answered in this pass.
        const results = this.store.fetchNow
          ? this.store.fetchNow(requests)
          : await this.store.fetch(requests);
        batch.forEach((listener, i) => {
          if (this.listeners.get(listener.queueId) !== listener) return;
          const result = results[i];
          if (!result) {
            this.listeners.delete(listener.queueId);
            listener.end('queue-gone');
          } else if (result.events.length > 0) {
            this.metrics?.eventsDelivered.inc(result.events.length);
            if (!listener.deliver(result.events)) this.listeners.delete(listener.queueId);
          }
        });
      }
    } catch (err) {
      this.logger.error(`Reading woken queues failed: ${(err as Error).message}`);
    } finally {
      this.flushing = false;
      if (this.pending.size > 0) setImmediate(() => void this.flush());
    }
  }
}
