import { SOCKET_ACK_DELAY_MS } from '@hub/api/event-socket';
import { WEB_CLIENT_REGISTER } from '@hub/api/web-client-register';
import { api, ApiError } from './api';
import type { ConnectionState } from './model';
import type { ZulipEvent } from '../../../libs/client/src/types';

export interface EventSink {
  /** A fresh queue and its initial state (at start, and after the server dropped the old queue). */
  onRegistered(state: Record<string, unknown>, reconnect: boolean): void;
  onEvents(events: ZulipEvent[]): void;
  onState(state: ConnectionState): void;
}

export interface EventTransport {
  /** Opens the event socket at `url`. */
  socket(url: string): WebSocket;
  register(): Promise<Record<string, unknown>>;
  /** Long-polls the queue; with `dontBlock` the server answers at once (a connectivity check). */
  poll(
    queueId: string,
    lastEventId: number,
    signal: AbortSignal,
    dontBlock: boolean,
  ): Promise<ZulipEvent[]>;
}

/** What the browser uses: the event socket, `/json/register` and `/json/events`. */
export const browserTransport: EventTransport = {
  socket: (url) => new WebSocket(url),
  register: () => api('POST', '/register', WEB_CLIENT_REGISTER),
  poll: async (queueId, lastEventId, signal, dontBlock) =>
    (
      await api<{ events: ZulipEvent[] }>(
        'GET',
        '/events',
        { queue_id: queueId, last_event_id: lastEventId, dont_block: dontBlock },
        { signal },
      )
    ).events,
};

/** Failed socket attempts in a row (never opened) before the client falls back to long-polling. */
const SOCKET_FAILURES_BEFORE_POLLING = 3;
const MAX_BACKOFF_MS = 30_000;

/**
 * The client's event stream: register a queue, then stream it over the event socket, resuming
 * from the last event seen after any disconnect (the queue keeps what arrived meanwhile, so
 * nothing is missed and nothing repeats). A browser or proxy that cannot keep a socket falls
 * back to long-polling the same queue. A queue the server has dropped is registered afresh and
 * the state reloaded.
 */
export class EventConnection {
  private queueId = '';
  private lastEventId = -1;
  private socket: WebSocket | null = null;
  private socketFailures = 0;
  private attempt = 0;
  private polling = false;
  private stopped = false;
  private pollAbort: AbortController | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private ackTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly sink: EventSink,
    private readonly socketUrl: string,
    private readonly transport: EventTransport = browserTransport,
  ) {}

  async start(): Promise<void> {
    await this.register(false);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.ackTimer);
    this.pollAbort?.abort();
    this.socket?.close();
  }

  /** Drops the current socket as a network failure would (the client then resumes). */
  dropSocket(): void {
    this.socket?.close();
  }

  get mode(): 'socket' | 'polling' {
    return this.polling ? 'polling' : 'socket';
  }

  private async register(reconnect: boolean): Promise<void> {
    const state = await this.transport.register();
    this.queueId = String(state.queue_id);
    this.lastEventId = Number(state.last_event_id);
    this.sink.onRegistered(state, reconnect);
    if (this.polling) void this.pollLoop();
    else this.connect();
  }

  private connect(): void {
    if (this.stopped) return;
    this.sink.onState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let opened = false;
    let socket: WebSocket;
    try {
      socket = this.transport.socket(this.socketUrl);
    } catch {
      this.socketFailed(false);
      return;
    }
    this.socket = socket;
    const queueId = this.queueId;
    socket.onopen = () => {
      opened = true;
    };
    socket.onmessage = (frame) => {
      let message: Record<string, unknown>;
      try {
        message = JSON.parse(String(frame.data)) as Record<string, unknown>;
      } catch {
        return;
      }
      if (message.type === 'auth' && message.result === 'success') {
        socket.send(
          JSON.stringify({ type: 'resume', queue_id: queueId, last_event_id: this.lastEventId }),
        );
      } else if (message.type === 'resumed') {
        this.attempt = 0;
        this.socketFailures = 0;
        this.sink.onState('live');
      } else if (message.type === 'events') {
        const events = (message.events as ZulipEvent[]) ?? [];
        this.deliver(events);
        this.acknowledgeSoon(socket);
      } else if (message.type === 'error') {
        if (message.code === 'BAD_EVENT_QUEUE_ID') {
          socket.onclose = null;
          socket.close();
          void this.reregister();
        }
      }
    };
    socket.onclose = () => {
      if (this.socket === socket) this.socket = null;
      // The resume on the next socket names the last event seen: that acknowledges.
      clearTimeout(this.ackTimer);
      this.ackTimer = undefined;
      if (!this.stopped) this.socketFailed(opened);
    };
  }

  /** Acknowledges, SOCKET_ACK_DELAY_MS from now, everything `socket` has delivered by then. */
  private acknowledgeSoon(socket: WebSocket): void {
    if (this.ackTimer !== undefined) return;
    this.ackTimer = setTimeout(() => {
      this.ackTimer = undefined;
      if (this.socket !== socket) return;
      socket.send(JSON.stringify({ type: 'ack', last_event_id: this.lastEventId }));
    }, SOCKET_ACK_DELAY_MS);
  }

  /** Events in order, each once (a resume may overlap what was already seen). */
  private deliver(events: ZulipEvent[]): void {
    const fresh = events.filter((e) => e.id > this.lastEventId);
    if (fresh.length === 0) return;
    this.lastEventId = Math.max(...fresh.map((e) => e.id));
    this.sink.onEvents(fresh.filter((e) => e.type !== 'heartbeat'));
  }

  private socketFailed(hadOpened: boolean): void {
    this.socketFailures = hadOpened ? 0 : this.socketFailures + 1;
    this.attempt++;
    this.sink.onState('reconnecting');
    if (this.socketFailures >= SOCKET_FAILURES_BEFORE_POLLING) {
      this.polling = true;
      void this.pollLoop();
      return;
    }
    this.retryTimer = setTimeout(() => this.connect(), this.backoff());
  }

  private backoff(): number {
    const base = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(this.attempt - 1, 6));
    return base / 2 + Math.random() * (base / 2);
  }

  private async pollLoop(): Promise<void> {
    const queueId = this.queueId;
    // The first request of a run answers at once, so the reader sees "connected" without
    // waiting for an event or the server's heartbeat.
    let reachable = false;
    while (!this.stopped && this.queueId === queueId) {
      this.pollAbort = new AbortController();
      try {
        const events = await this.transport.poll(
          queueId,
          this.lastEventId,
          this.pollAbort.signal,
          !reachable,
        );
        reachable = true;
        this.attempt = 0;
        this.sink.onState('polling');
        this.deliver(events);
      } catch (err) {
        if (this.stopped) return;
        if (err instanceof ApiError && err.code === 'BAD_EVENT_QUEUE_ID') {
          await this.reregister();
          return;
        }
        reachable = false;
        this.attempt++;
        this.sink.onState('reconnecting');
        await new Promise((resolve) => (this.retryTimer = setTimeout(resolve, this.backoff())));
      }
    }
  }

  /** The server lost our queue (too long away): start over with fresh state. */
  private async reregister(): Promise<void> {
    this.sink.onState('reconnecting');
    for (;;) {
      try {
        await this.register(true);
        return;
      } catch {
        this.attempt++;
        await new Promise((resolve) => (this.retryTimer = setTimeout(resolve, this.backoff())));
      }
    }
  }
}
