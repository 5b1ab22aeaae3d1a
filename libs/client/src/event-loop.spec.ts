import { ZulipClient } from './client';
import { ZulipApiError, ZulipNetworkError } from './errors';
import { ScriptedServer, SeenRequest, zulipError } from './testing/scripted-server';
import {
  EVENTS,
  events,
  heartbeat,
  message,
  REGISTER,
  registered,
  Step,
  steps,
  until,
} from './testing/event-script';
import type { ZulipEvent } from './types';

describe('callOnEachEvent', () => {
  let servers: ScriptedServer[] = [];
  let clients: ZulipClient[] = [];
  let warnings: string[];
  let controller: AbortController;

  const serve = async (script: Record<string, Step[]>, port = 0): Promise<ScriptedServer> => {
    const server = await ScriptedServer.start(steps(script), port);
    servers.push(server);
    return server;
  };
  const clientFor = (server: ScriptedServer): ZulipClient => {
    const client = new ZulipClient({
      email: 'bot@example.com',
      apiKey: 'key',
      site: server.url,
      env: { HOME: '/nonexistent' },
      logger: { warn: (message) => warnings.push(message) },
      // Fixed jitter: delays are exactly 3/4 of the exponential step (15, 30, 60 ms ...).
      backoff: { baseMs: 20, capMs: 100, random: () => 0.5 },
    });
    clients.push(client);
    return client;
  };
  const queueParams = (r: SeenRequest) => [r.query.get('queue_id'), r.query.get('last_event_id')];

  beforeEach(() => {
    warnings = [];
    controller = new AbortController();
  });
  afterEach(async () => {
    controller.abort();
    for (const client of clients) client.close();
    for (const server of servers) await server.stop();
    servers = [];
    clients = [];
  });

  it('hands events to the handler in order, skips heartbeats, and acknowledges only after handling', async () => {
    const log: string[] = [];
    const server = await serve({
      [REGISTER]: [registered('q1', 4)],
      [EVENTS]: [
        events(message(5, 100), heartbeat(6), message(7, 101)),
        (r) => {
          log.push(`poll last_event_id=${r.query.get('last_event_id')}`);
          return events(message(8, 102));
        },
      ],
    });
    const client = clientFor(server);
    const loop = client.callOnEachEvent(
      async (event) => {
        log.push(`start ${event.id}`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        log.push(`end ${event.id}`);
      },
      { eventTypes: ['message'], signal: controller.signal },
    );
    await until(() => log.includes('end 8'), 'the third event');
    expect(log).toEqual([
      'start 5',
      'end 5',
      'start 7',
      'end 7',
      'poll last_event_id=7',
      'start 8',
      'end 8',
    ]);
    await until(() => server.to(EVENTS).length === 3, 'the next poll');
    expect(queueParams(server.to(EVENTS)[0])).toEqual(['q1', '4']);
    expect(queueParams(server.to(EVENTS)[2])).toEqual(['q1', '8']);
    expect(Object.fromEntries(server.to(REGISTER)[0].form)).toEqual({
      event_types: '["message"]',
      narrow: '[]',
    });
    controller.abort();
    await loop;
  });

  it('registers a new queue when the server says the old one is gone, and tells the caller', async () => {
    const seen: number[] = [];
    const reregistered: string[] = [];
    const server = await serve({
      [REGISTER]: [registered('q1'), registered('q2', 10)],
      [EVENTS]: [
        events(message(0, 100)),
        zulipError(400, 'BAD_EVENT_QUEUE_ID', 'Bad event queue ID: q1', { queue_id: 'q1' }),
        events(message(11, 101)),
      ],
    });
    const loop = clientFor(server).callOnEachEvent((event) => void seen.push(event.id), {
      signal: controller.signal,
      onReregister: (queue) => void reregistered.push(queue.queue_id),
    });
    await until(() => server.to(EVENTS).length === 4, "the poll after the new queue's event");
    expect(seen).toEqual([0, 11]);
    expect(reregistered).toEqual(['q2']);
    expect(server.to(EVENTS).map(queueParams)).toEqual([
      ['q1', '-1'],
      ['q1', '0'],
      ['q2', '10'],
      ['q2', '11'],
    ]);
    expect(warnings).toEqual(['Zulip event queue q1 is gone; registering a new one']);
    controller.abort();
    await loop;
  });

  it('retries 502 pages and connection resets with growing backoff, on the same queue, without duplicates', async () => {
    const seen: number[] = [];
    const server = await serve({
      [REGISTER]: [registered('q1')],
      [EVENTS]: [
        events(message(0, 100), message(1, 101)),
        { status: 502, text: '<html>Bad Gateway</html>' },
        { reset: true },
        { status: 503, text: 'Service Unavailable' },
        // A server that re-sends already acknowledged events must not cause duplicates.
        events(message(1, 101), message(2, 102)),
      ],
    });
    const loop = clientFor(server).callOnEachEvent((event) => void seen.push(event.id), {
      signal: controller.signal,
    });
    await until(() => seen.includes(2), 'the event after the outage');
    expect(seen).toEqual([0, 1, 2]);
    const polls = server.to(EVENTS);
    expect(polls.slice(1, 5).map(queueParams)).toEqual(Array(4).fill(['q1', '1']));
    expect(server.to(REGISTER)).toHaveLength(1);
    expect(warnings.map((w) => /retry (\d+) in (\d+) ms/.exec(w)?.slice(1))).toEqual([
      ['1', '15'],
      ['2', '30'],
      ['3', '60'],
    ]);
    // Each retry really waited: the gaps between polls grow with the backoff.
    for (const [index, delay] of [15, 30, 60].entries()) {
      expect(polls[index + 2].at - polls[index + 1].at).toBeGreaterThanOrEqual(delay - 5);
    }
    controller.abort();
    await loop;
  });

  it('caps the backoff', async () => {
    const server = await serve({
      [REGISTER]: Array(6).fill({ status: 500, text: 'oops' }),
    });
    const loop = clientFor(server).callOnEachEvent(() => undefined, { signal: controller.signal });
    await until(() => warnings.length === 6, 'six retries');
    expect(warnings.map((w) => Number(/in (\d+) ms/.exec(w)?.[1]))).toEqual([
      15, 30, 60, 75, 75, 75,
    ]);
    expect(warnings[0]).toMatch(/^Zulip register failed/);
    controller.abort();
    await loop;
  });

  it('waits as long as a 429 Retry-After says', async () => {
    const seen: number[] = [];
    const server = await serve({
      [REGISTER]: [registered('q1')],
      [EVENTS]: [
        zulipError(
          429,
          'RATE_LIMIT_HIT',
          'API usage exceeded rate limit',
          { 'retry-after': 0.9 },
          { 'Retry-After': '1' },
        ),
        events(message(0, 100)),
      ],
    });
    const loop = clientFor(server).callOnEachEvent((event) => void seen.push(event.id), {
      signal: controller.signal,
    });
    await until(() => seen.length === 1, 'the event after the rate limit');
    const [limited, retried] = server.to(EVENTS);
    expect(retried.at - limited.at).toBeGreaterThanOrEqual(950);
    expect(warnings).toEqual(['Zulip rate limit hit; retrying in 1000 ms']);
    controller.abort();
    await loop;
  });

  it('keeps the same queue across a server restart when the server still has it', async () => {
    const seen: number[] = [];
    const first = await serve({
      [REGISTER]: [registered('q1')],
      [EVENTS]: [events(message(0, 100))],
    });
    const loop = clientFor(first).callOnEachEvent((event) => void seen.push(event.id), {
      signal: controller.signal,
    });
    await until(() => first.to(EVENTS).length === 2, 'the second long poll');
    await first.stop();
    await until(() => warnings.length >= 2, 'a refused poll while the server is down');
    // The server comes back on the same port with the queue (and an event) still held.
    const second = await serve(
      { [EVENTS]: [events(message(0, 100), message(1, 101))] },
      first.port,
    );
    await until(() => seen.length === 2, 'the event after the restart');
    expect(seen).toEqual([0, 1]);
    expect(second.to(REGISTER)).toHaveLength(0);
    expect(queueParams(second.to(EVENTS)[0])).toEqual(['q1', '0']);
    // The pending poll was cut off, then connections were refused until the server was back.
    expect(warnings[0]).toMatch(/^Zulip event poll failed \(.*socket hang up\); retry 1 in 15 ms$/);
    expect(warnings[1]).toMatch(/^Zulip event poll failed \(.*ECONNREFUSED.*\); retry 2 in 30 ms$/);
    controller.abort();
    await loop;
  });

  it('stops promptly when the signal fires during a long poll or a backoff wait', async () => {
    const polling = await serve({ [REGISTER]: [registered('q1')] });
    const loop = clientFor(polling).callOnEachEvent(() => undefined, { signal: controller.signal });
    await until(() => polling.to(EVENTS).length === 1, 'the long poll');
    controller.abort();
    // Resolves although the poll would otherwise hang for 90 s (longer than the test timeout).
    await expect(loop).resolves.toBeUndefined();

    const sleeping = new AbortController();
    const down = await serve({ [REGISTER]: [{ status: 502, text: 'down' }] });
    const client = new ZulipClient({
      email: 'bot@example.com',
      apiKey: 'key',
      site: down.url,
      env: { HOME: '/nonexistent' },
      logger: null,
      backoff: { baseMs: 600_000, capMs: 600_000 },
    });
    clients.push(client);
    const waiting = client.callOnEachEvent(() => undefined, { signal: sleeping.signal });
    await until(() => down.to(REGISTER).length === 1, 'the failed register');
    sleeping.abort();
    await expect(waiting).resolves.toBeUndefined();
  });

  it('gives up on errors retrying cannot fix, such as a bad API key', async () => {
    const server = await serve({
      [REGISTER]: [zulipError(401, 'INVALID_API_KEY', 'Invalid API key')],
    });
    const loop = clientFor(server).callOnEachEvent(() => undefined, { signal: controller.signal });
    await expect(loop).rejects.toMatchObject({ code: 'INVALID_API_KEY', status: 401 });
    await expect(loop).rejects.toBeInstanceOf(ZulipApiError);
  });

  it('stops with the handler error and does not acknowledge the failed event', async () => {
    const server = await serve({
      [REGISTER]: [registered('q1')],
      [EVENTS]: [events(message(0, 100), message(1, 101))],
    });
    const handled: number[] = [];
    const loop = clientFor(server).callOnEachEvent(
      (event: ZulipEvent) => {
        handled.push(event.id);
        // Even an error that looks retryable ends the loop when the handler throws it.
        if (event.id === 1) throw new ZulipNetworkError('handler broke', 'ECONNRESET');
      },
      { signal: controller.signal },
    );
    await expect(loop).rejects.toThrow('handler broke');
    expect(handled).toEqual([0, 1]);
    expect(server.to(EVENTS)).toHaveLength(1);
    expect(server.to(REGISTER)).toHaveLength(1);
  });
});
