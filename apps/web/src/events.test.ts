import { describe, expect, it, vi } from 'vitest';
import { SOCKET_ACK_DELAY_MS } from '@hub/api/event-socket';
import { EventConnection, type EventTransport } from './events';
import type { ConnectionState } from './model';
import type { ZulipEvent } from '../../../libs/client/src/types';

/** A socket the test drives: what the client sent, and a way to answer. */
class FakeSocket {
  sent: Array<Record<string, unknown>> = [];
  onopen: (() => void) | null = null;
  onmessage: ((frame: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }
  close() {
    this.onclose?.();
  }
  open() {
    this.onopen?.();
  }
  receive(message: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function setup(options: { failSockets?: boolean } = {}) {
  const sockets: FakeSocket[] = [];
  let registrations = 0;
  const delivered: ZulipEvent[] = [];
  const states: ConnectionState[] = [];
  const polls: Array<{
    lastEventId: number;
    dontBlock: boolean;
    resolve: (events: ZulipEvent[]) => void;
  }> = [];
  const transport: EventTransport = {
    socket: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      if (options.failSockets) queueMicrotask(() => socket.close());
      return socket as unknown as WebSocket;
    },
    register: async () => ({ queue_id: `q${++registrations}`, last_event_id: -1 }),
    poll: (_queue, lastEventId, _signal, dontBlock) =>
      new Promise((resolve) => polls.push({ lastEventId, dontBlock, resolve })),
  };
  const registered: boolean[] = [];
  const connection = new EventConnection(
    {
      onRegistered: (_state, reconnect) => registered.push(reconnect),
      onEvents: (events) => delivered.push(...events),
      onState: (state) => states.push(state),
    },
    'ws://test/socket',
    transport,
  );
  return { connection, sockets, delivered, states, polls, registered };
}

const event = (id: number): ZulipEvent => ({ id, type: 'message' });

describe('EventConnection', () => {
  it('resumes after a drop from the last event seen, delivering nothing twice', async () => {
    vi.useFakeTimers();
    const t = setup();
    await t.connection.start();
    const first = t.sockets[0];
    first.open();
    first.receive({ type: 'auth', result: 'success' });
    expect(first.sent[0]).toEqual({ type: 'resume', queue_id: 'q1', last_event_id: -1 });
    first.receive({ type: 'resumed' });
    first.receive({ type: 'events', events: [event(0)] });
    first.receive({ type: 'events', events: [event(1)] });
    expect(first.sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(SOCKET_ACK_DELAY_MS);
    // One ack for both frames, a second later.
    expect(first.sent.slice(1)).toEqual([{ type: 'ack', last_event_id: 1 }]);

    // A frame left unacknowledged when the socket drops is covered by the next resume.
    first.receive({ type: 'events', events: [event(1)] });
    first.close();
    await vi.advanceTimersByTimeAsync(SOCKET_ACK_DELAY_MS);
    expect(first.sent).toHaveLength(2);
    expect(t.states.at(-1)).toBe('reconnecting');
    const second = t.sockets[1];
    second.open();
    second.receive({ type: 'auth', result: 'success' });
    expect(second.sent[0]).toEqual({ type: 'resume', queue_id: 'q1', last_event_id: 1 });
    second.receive({ type: 'resumed' });
    second.receive({ type: 'events', events: [event(1), event(2)] });
    expect(t.delivered.map((e) => e.id)).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(SOCKET_ACK_DELAY_MS);
    expect(second.sent.slice(1)).toEqual([{ type: 'ack', last_event_id: 2 }]);
    expect(t.states.at(-1)).toBe('live');
    t.connection.stop();
    vi.useRealTimers();
  });

  it('registers afresh when the server has dropped the queue', async () => {
    const t = setup();
    await t.connection.start();
    t.sockets[0].open();
    t.sockets[0].receive({ type: 'error', code: 'BAD_EVENT_QUEUE_ID' });
    await vi.waitFor(() => expect(t.registered).toEqual([false, true]));
    t.connection.stop();
  });

  it('falls back to long-polling when sockets never open', async () => {
    vi.useFakeTimers();
    const t = setup({ failSockets: true });
    await t.connection.start();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(t.connection.mode).toBe('polling');
    expect(t.polls).toHaveLength(1);
    // The first poll answers at once, so "connected" shows before any event arrives.
    expect(t.polls[0].dontBlock).toBe(true);
    t.polls[0].resolve([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.states.at(-1)).toBe('polling');
    expect(t.polls[1].dontBlock).toBe(false);
    t.polls[1].resolve([event(0)]);
    await vi.advanceTimersByTimeAsync(0);
    expect(t.delivered.map((e) => e.id)).toEqual([0]);
    expect(t.polls[2].lastEventId).toBe(0);
    expect(t.polls[2].dontBlock).toBe(false);
    t.connection.stop();
    vi.useRealTimers();
  });
});
