import WebSocket from 'ws';
import { EVENTS_SOCKET_PATH } from '../../apps/server/src/events/queues/events.gateway';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { QueueReader, renameRealm, WireEvent } from './event-fixtures';

type Frame = Record<string, unknown> & { type: string };

/** A socket client that buffers frames so the test can await them in order. */
class SocketClient {
  private readonly frames: Frame[] = [];
  private waiting: (() => void) | null = null;
  closeCode: number | null = null;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()) as Frame);
      this.waiting?.();
    });
    socket.on('close', (code) => {
      this.closeCode = code;
      this.waiting?.();
    });
  }

  static async open(server: TestServer, user?: TestUser): Promise<SocketClient> {
    const url = server.url.replace('http', 'ws') + EVENTS_SOCKET_PATH;
    const headers: Record<string, string> = {};
    if (user) {
      headers.authorization = `Basic ${Buffer.from(`${user.email}:${user.apiKey}`).toString('base64')}`;
    }
    const socket = new WebSocket(url, { headers });
    const client = new SocketClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return client;
  }

  send(frame: Record<string, unknown>): void {
    this.socket.send(JSON.stringify(frame));
  }

  async next(timeoutMs = 5000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      if (this.closeCode !== null) throw new Error(`socket closed (${this.closeCode})`);
      if (Date.now() > deadline) throw new Error('no frame in time');
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
        setTimeout(resolve, 100);
      });
    }
    return this.frames.shift() as Frame;
  }

  /** Collects event frames until `count` events arrived. */
  async events(count: number): Promise<WireEvent[]> {
    const out: WireEvent[] = [];
    while (out.length < count) {
      const frame = await this.next();
      if (frame.type === 'events') out.push(...(frame.events as WireEvent[]));
    }
    return out;
  }

  async closed(): Promise<number> {
    while (this.closeCode === null) await new Promise((r) => setTimeout(r, 20));
    return this.closeCode;
  }

  close(): void {
    this.socket.close();
  }
}

describe.each([
  ['in-process', false],
  ['Redis', true],
])('event WebSocket (%s store)', (_kind, redis) => {
  let server: TestServer;
  let alice: TestUser;
  beforeAll(async () => {
    server = await startTestServer({ redis });
    alice = await server.createUser();
  });
  afterAll(() => server.stop());

  const rename = (value: string) => renameRealm(server, value);

  it('streams queue events and resumes after a disconnect with no gap', async () => {
    const reader = await QueueReader.register(server, alice, { event_types: ['realm'] });
    const first = await SocketClient.open(server, alice);
    expect(await first.next()).toMatchObject({
      type: 'auth',
      result: 'success',
      user_id: alice.id,
    });
    first.send({ type: 'resume', queue_id: reader.queueId, last_event_id: -1 });
    expect(await first.next()).toMatchObject({ type: 'resumed', queue_id: reader.queueId });

    for (const v of ['a', 'b', 'c']) await rename(v);
    const got = await first.events(3);
    expect(got.map((e) => e.value)).toEqual(['a', 'b', 'c']);
    // The client acknowledges only the first two before its connection drops.
    first.send({ type: 'ack', last_event_id: got[1].id });
    await new Promise((r) => setTimeout(r, 200));
    first.close();
    await first.closed();

    for (const v of ['d', 'e']) await rename(v);

    // Reconnect, authenticating by message this time, and resume from the last acknowledged id.
    const second = await SocketClient.open(server);
    second.send({ type: 'auth', email: alice.email, api_key: alice.apiKey });
    expect(await second.next()).toMatchObject({ type: 'auth', result: 'success' });
    second.send({ type: 'resume', queue_id: reader.queueId, last_event_id: got[1].id });
    expect(await second.next()).toMatchObject({ type: 'resumed' });
    const resumed = await second.events(3);
    expect(resumed.map((e) => e.value)).toEqual(['c', 'd', 'e']);
    const ids = resumed.map((e) => e.id);
    expect(ids[0]).toBe(got[2].id);
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    second.close();
  });

  it('refuses bad credentials and unknown queues', async () => {
    const bad = await SocketClient.open(server);
    bad.send({ type: 'auth', email: alice.email, api_key: 'x'.repeat(32) });
    expect(await bad.next()).toMatchObject({ type: 'error', code: 'INVALID_API_KEY' });
    expect(await bad.closed()).toBe(4001);

    const client = await SocketClient.open(server, alice);
    await client.next();
    client.send({ type: 'resume', queue_id: 'nope', last_event_id: -1 });
    expect(await client.next()).toMatchObject({
      type: 'error',
      code: 'BAD_EVENT_QUEUE_ID',
      queue_id: 'nope',
    });
    client.send({ type: 'dance' });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'BAD_REQUEST' });
    client.send({ type: 'ack', last_event_id: 1 } as Record<string, unknown>);
    expect(await client.next()).toMatchObject({ type: 'error' });
    client.close();
  });

  it('requires authentication before anything else', async () => {
    const client = await SocketClient.open(server);
    client.send({ type: 'resume', queue_id: 'x', last_event_id: -1 });
    expect(await client.next()).toMatchObject({ type: 'error', code: 'UNAUTHORIZED' });
    client.close();
  });
});
