import { ZulipClient } from './client';
import { ZulipNetworkError } from './errors';
import type { MessageContext } from './message-loop';
import { ok, ScriptedServer, SeenRequest, zulipError } from './testing/scripted-server';
import {
  EVENTS,
  events,
  heartbeat,
  message,
  MESSAGES,
  REGISTER,
  registered,
  Step,
  steps,
  until,
} from './testing/event-script';
import type { Message } from './types';

const gone = (queueId: string) =>
  zulipError(400, 'BAD_EVENT_QUEUE_ID', `Bad event queue ID: ${queueId}`, { queue_id: queueId });
const page = (ids: number[], foundNewest: boolean) =>
  ok({
    messages: ids.map((id) => ({ id, content: `message ${id}`, type: 'stream', flags: ['read'] })),
    found_newest: foundNewest,
    found_oldest: false,
    found_anchor: false,
    history_limited: false,
    anchor: 0,
  });

describe('callOnEachMessage', () => {
  let server: ScriptedServer;
  let client: ZulipClient;
  let controller: AbortController;
  let received: Array<[number, MessageContext]>;
  let warnings: string[];

  const run = async (
    script: Record<string, Step[]>,
    options: { catchUpPageSize?: number } = {},
  ) => {
    server = await ScriptedServer.start(steps(script));
    client = new ZulipClient({
      email: 'bot@example.com',
      apiKey: 'key',
      site: server.url,
      env: { HOME: '/nonexistent' },
      logger: { warn: (text) => warnings.push(text) },
      backoff: { baseMs: 10, capMs: 10 },
    });
    return client.callOnEachMessage(
      (msg: Message, context) => void received.push([msg.id, context]),
      {
        narrow: [['stream', 'general']],
        registerParams: { apply_markdown: false },
        catchUp: true,
        signal: controller.signal,
        ...options,
      },
    );
  };
  const ids = () => received.map(([id]) => id);
  const query = (r: SeenRequest) => Object.fromEntries(r.query);

  beforeEach(() => {
    controller = new AbortController();
    received = [];
    warnings = [];
  });
  afterEach(async () => {
    controller.abort();
    client.close();
    await server.stop();
  });

  it('registers for messages with the narrow and hands over each message with its flags', async () => {
    const loop = run({
      [REGISTER]: [registered('q1')],
      [EVENTS]: [events(message(0, 100, ['mentioned']), heartbeat(1), message(2, 101))],
    });
    await until(() => received.length === 2, 'two messages');
    expect(received).toEqual([
      [100, { flags: ['mentioned'], caughtUp: false }],
      [101, { flags: [], caughtUp: false }],
    ]);
    expect(Object.fromEntries(server.to(REGISTER)[0].form)).toEqual({
      apply_markdown: 'false',
      event_types: '["message"]',
      narrow: '[["stream","general"]]',
    });
    controller.abort();
    await loop;
  });

  it('after a lost queue, fetches the messages sent meanwhile, page by page, without duplicates', async () => {
    const loop = run(
      {
        [REGISTER]: [registered('q1'), registered('q2')],
        [EVENTS]: [
          events(message(0, 100)),
          gone('q1'),
          // The new queue also carries 103, which the catch-up already delivered.
          events(message(0, 103), message(1, 104)),
        ],
        [MESSAGES]: [page([101, 102], false), page([103], true)],
      },
      { catchUpPageSize: 2 },
    );
    await until(() => ids().includes(104), 'the message on the new queue');
    expect(ids()).toEqual([100, 101, 102, 103, 104]);
    expect(received.map(([, context]) => context.caughtUp)).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect(received[1][1].flags).toEqual(['read']);
    const fetches = server.to(MESSAGES).map(query);
    expect(fetches).toEqual([
      {
        anchor: '100',
        include_anchor: 'false',
        num_before: '0',
        num_after: '2',
        narrow: '[["stream","general"]]',
        apply_markdown: 'false',
      },
      expect.objectContaining({ anchor: '102' }),
    ]);
    // The catch-up ran before the new queue was polled.
    expect(server.to(MESSAGES)[1].at).toBeLessThanOrEqual(server.to(EVENTS)[2].at);
    controller.abort();
    await loop;
  });

  it('retries a failed catch-up without registering yet another queue', async () => {
    const loop = run({
      [REGISTER]: [registered('q1'), registered('q2')],
      [EVENTS]: [events(message(0, 100)), gone('q1'), events(message(0, 102))],
      [MESSAGES]: [{ status: 502, text: '<html>Bad Gateway</html>' }, page([101], true)],
    });
    await until(() => ids().includes(102), 'the message on the new queue');
    expect(ids()).toEqual([100, 101, 102]);
    expect(server.to(REGISTER)).toHaveLength(2);
    expect(warnings).toEqual([
      'Zulip event queue q1 is gone; registering a new one',
      expect.stringMatching(/^Zulip queue set-up failed \(unexpected answer .*HTTP 502/),
    ]);
    controller.abort();
    await loop;
  });

  it('ends with the handler error when the handler fails on a caught-up message', async () => {
    server = await ScriptedServer.start(
      steps({
        [REGISTER]: [registered('q1'), registered('q2')],
        [EVENTS]: [events(message(0, 100)), gone('q1')],
        [MESSAGES]: [page([101], true)],
      }),
    );
    client = new ZulipClient({
      email: 'bot@example.com',
      apiKey: 'key',
      site: server.url,
      env: { HOME: '/nonexistent' },
      logger: null,
    });
    const loop = client.callOnEachMessage(
      (msg) => {
        if (msg.id === 101) throw new ZulipNetworkError('cannot forward 101', 'ECONNRESET');
      },
      { catchUp: true, signal: controller.signal },
    );
    await expect(loop).rejects.toThrow('cannot forward 101');
    expect(server.to(MESSAGES)).toHaveLength(1);
  });
});
