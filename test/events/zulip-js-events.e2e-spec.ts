import { ChildProcess, spawn } from 'node:child_process';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { eventually, makeStream } from './event-fixtures';

interface ZulipResult {
  result: string;
  [key: string]: unknown;
}
type Call = (params: Record<string, unknown>) => Promise<ZulipResult>;

/** The parts of the zulip-js client this suite drives (the package ships no types). */
interface ZulipJsClient {
  queues: { register: Call; deregister: Call };
  events: { retrieve: Call };
  messages: { send: Call };
}

// zulip-js is CommonJS without type declarations: this is the untyped boundary.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zulipInit = require('zulip-js') as (config: {
  username: string;
  apiKey: string;
  realm: string;
}) => Promise<ZulipJsClient>;

/**
 * `callOnEachEvent` loops forever, so it runs in its own process (as a bot would) and reports
 * each event it receives as one JSON line.
 */
const LISTENER = `
const zulipInit = require('zulip-js');
zulipInit(JSON.parse(process.env.ZULIPRC)).then((client) =>
  client.callOnEachEvent((event) => process.stdout.write(JSON.stringify(event) + '\\n'), ['message']),
);
`;

describe('the real zulip-js client receives events', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    server = await startTestServer({
      env: { EVENT_HEARTBEAT_MIN_SECONDS: '2', EVENT_HEARTBEAT_MAX_SECONDS: '3' },
    });
    alice = await server.createUser({ fullName: 'Alice Anders' });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    await makeStream(server, 'js events', [alice, bob]);
  });
  afterAll(async () => {
    child?.kill();
    await server.stop();
  });

  const config = (user: TestUser) => ({
    username: user.email,
    apiKey: user.apiKey,
    realm: server.url,
  });

  it('queues.register + events.retrieve', async () => {
    const client = await zulipInit(config(bob));
    const queue = await client.queues.register({ event_types: ['message'] });
    expect(queue).toMatchObject({ result: 'success', last_event_id: -1 });
    const sender = await zulipInit(config(alice));
    const sent = await sender.messages.send({
      to: 'js events',
      type: 'stream',
      topic: 'retrieve',
      content: 'hello retrieve',
    });
    expect(sent.result).toBe('success');
    const res = await eventually(async () => {
      const got = await client.events.retrieve({
        queue_id: queue.queue_id,
        last_event_id: -1,
        dont_block: true,
      });
      expect((got.events as unknown[]).length).toBe(1);
      return got;
    });
    expect(res.events).toEqual([
      expect.objectContaining({
        type: 'message',
        message: expect.objectContaining({ id: sent.id, content: 'hello retrieve' }),
      }),
    ]);
    expect((await client.queues.deregister({ queue_id: queue.queue_id })).result).toBe('success');
  });

  it('callOnEachEvent gets heartbeats, then each message in order', async () => {
    const lines: Array<Record<string, unknown>> = [];
    child = spawn(process.execPath, ['-e', LISTENER], {
      env: { ...process.env, ZULIPRC: JSON.stringify(config(bob)) },
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const part of parts) if (part.trim()) lines.push(JSON.parse(part));
    });
    // A heartbeat shows its queue exists and it is polling; then send.
    await eventually(
      async () => expect(lines.some((l) => l.type === 'heartbeat')).toBe(true),
      10000,
    );
    const sender = await zulipInit(config(alice));
    const ids: number[] = [];
    for (const n of [1, 2, 3]) {
      const sent = await sender.messages.send({
        to: 'js events',
        type: 'stream',
        topic: 'loop',
        content: `message ${n}`,
      });
      ids.push(sent.id as number);
    }
    await eventually(async () => {
      const got = lines
        .filter((l) => l.type === 'message')
        .map((l) => (l.message as { id: number }).id);
      expect(got).toEqual(ids);
    }, 15000);
  }, 40000);
});
