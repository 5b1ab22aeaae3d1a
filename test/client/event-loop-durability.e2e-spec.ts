import { ZulipClient } from '@hub/client';
import type { Message } from '@hub/client/types';
import { RestartableServer } from '../gateway/helpers/restartable-server';
import { redisAvailable, REDIS_TEST_URL } from '../helpers/services';

/**
 * A daemon's message loop (libs/client callOnEachMessage) across a server restart and a forced
 * event-queue expiry: every message arrives once, in order.
 */
describe('callOnEachMessage survives a server restart and a lost queue', () => {
  let server: RestartableServer;
  let owner: { email: string; apiKey: string };
  let member: { email: string; apiKey: string };

  beforeAll(async () => {
    const withRedis = await redisAvailable();
    server = await RestartableServer.create(withRedis ? { REDIS_URL: REDIS_TEST_URL } : {});
    await server.start();
    ({ owner, member } = await server.seed());
  });
  afterAll(() => server.destroy());

  it('delivers every message once, in order', async () => {
    const received: Message[] = [];
    const queues: string[] = [];
    const stop = new AbortController();
    const client = new ZulipClient({
      site: server.url,
      email: member.email,
      apiKey: member.apiKey,
      env: {},
      logger: null,
      backoff: { baseMs: 50, capMs: 500 },
    });
    const loop = client.callOnEachMessage(
      (message) => {
        received.push(message);
      },
      { signal: stop.signal, catchUp: true, onRegister: (q) => void queues.push(q.queue_id ?? '') },
    );
    const sender = server.client(owner);
    const sent: number[] = [];
    const send = async (n: number) => {
      const res = await sender.post('/messages', {
        type: 'stream',
        to: 'general',
        topic: 'loop',
        content: `message ${n}`,
      });
      expect(res.status).toBe(200);
      sent.push(res.body.id as number);
    };
    const waitFor = async (count: number) => {
      const deadline = Date.now() + 30_000;
      while (received.length < count && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
    };
    while (queues.length === 0) await new Promise((r) => setTimeout(r, 20));

    for (let i = 0; i < 5; i++) await send(i);
    await waitFor(5);

    // A restart: the loop's pending long poll fails; it retries until the server is back.
    await server.stop();
    await new Promise((r) => setTimeout(r, 300));
    await server.start();
    for (let i = 5; i < 10; i++) await send(i);
    await waitFor(10);

    // A forced expiry: the queue disappears under the client, which re-registers and catches up.
    const deleted = await server
      .client(member)
      .delete('/events', { queue_id: queues[queues.length - 1] });
    expect(deleted.status).toBe(200);
    for (let i = 10; i < 15; i++) await send(i);
    await waitFor(15);
    stop.abort();
    await loop;

    expect(received.map((m) => m.id)).toEqual(sent);
    expect(received.map((m) => m.content)).toEqual(
      sent.map((_, i) => expect.stringContaining(`message ${i}`)),
    );
    expect(queues.length).toBeGreaterThanOrEqual(2);
  });
});
