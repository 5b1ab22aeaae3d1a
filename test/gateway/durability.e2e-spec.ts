import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { rawRequest } from '../helpers/api-client';
import { redisAvailable, REDIS_TEST_URL } from '../helpers/services';
import {
  Bot,
  createIncomingWebhookBot,
  dropRedisKeys,
  freePort,
  LandedMessage,
  sleep,
  startGateway,
  uniqueRedisNamespace,
} from './helpers/gateway-stack';
import { githubFixture } from './helpers/own-fixtures';
import { RestartableServer } from './helpers/restartable-server';

const WEBHOOKS = 100;
const TOPICS = ['alpha', 'beta', 'gamma'];

/** A GitHub push whose one commit is called `change <n>`, so order and duplicates show. */
function numberedPush(n: number): string {
  const payload = JSON.parse(githubFixture('push__force')) as {
    commits: Array<{ message: string }>;
  };
  payload.commits[0].message = `change ${n}`;
  return JSON.stringify(payload);
}

describe('durable delivery: the server is stopped while webhooks arrive', () => {
  let server: RestartableServer | null = null;
  let gateway: NestExpressApplication | null = null;
  let gatewayUrl = '';
  let gatewayPort = 0;
  const redisNamespace = uniqueRedisNamespace();
  const retry = { baseMs: 100, maxMs: 500, giveUpAfterMs: 10 * 60_000 };
  let member: { id: number; email: string; apiKey: string };
  let bot: Bot;
  let enabled = false;

  const startOurGateway = async () => {
    gateway = await startGateway(
      server!.url,
      gatewayPort,
      { REDIS_URL: REDIS_TEST_URL, REDIS_NAMESPACE: redisNamespace },
      { retry },
    );
  };

  const post = async (stream: string, n: number, topic: string, delivery: string) => {
    const url = new URL('/api/v1/external/github', gatewayUrl);
    url.search = new URLSearchParams({ api_key: bot.apiKey, stream, topic }).toString();
    const body = Buffer.from(topic === 'warmup' ? githubFixture('push__force') : numberedPush(n));
    const res = await rawRequest(
      url,
      'POST',
      {
        host: url.host,
        'content-type': 'application/json',
        'X-GitHub-Event': 'push',
        'X-GitHub-Delivery': delivery,
      },
      body,
    );
    return { status: res.status, body: JSON.parse(res.text) as Record<string, unknown> };
  };

  const landed = async (stream: string): Promise<LandedMessage[]> => {
    const res = await server!.client(member).get('/messages', {
      anchor: 'newest',
      num_before: 500,
      num_after: 0,
      narrow: [{ operator: 'stream', operand: stream }],
      apply_markdown: false,
    });
    expect(res.status).toBe(200);
    return res.body.messages as LandedMessage[];
  };

  const waitForLanded = async (stream: string, count: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    let found = await landed(stream);
    while (found.length < count && Date.now() < deadline) {
      await sleep(200);
      found = await landed(stream);
    }
    return found;
  };

  const queueDepth = async () => {
    const url = new URL('/health', gatewayUrl);
    const res = await rawRequest(url, 'GET', { host: url.host });
    return (JSON.parse(res.text) as { queue_depth: number }).queue_depth;
  };

  beforeAll(async () => {
    if (!(await redisAvailable())) {
      process.stderr.write(
        '[test] durability.e2e-spec skipped: it needs Redis (the durable Bull queue); set TEST_REDIS_URL or start redis-server\n',
      );
      return;
    }
    enabled = true;
    server = await RestartableServer.create();
    await server.start();
    const seeded = await server.seed();
    member = seeded.member;
    bot = await createIncomingWebhookBot(server.client(member), 'Deploy Bot', 'deploy');
    const streams = await server.client(seeded.owner).post('/users/me/subscriptions', {
      subscriptions: [{ name: 'deploys' }, { name: 'releases' }],
      principals: [member.id],
    });
    expect(streams.status).toBe(200);
    gatewayPort = await freePort();
    gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
    await startOurGateway();
  }, 60_000);

  afterAll(async () => {
    await gateway?.close();
    await server?.destroy();
    if (enabled) await dropRedisKeys(redisNamespace);
  });

  /**
   * Posts 100 numbered pushes over 3 topics (and redelivers three of them) while the server is
   * stopped, optionally restarts the gateway too, restarts the server, and checks that each
   * landed once, in order per topic.
   */
  const outage = async (stream: string, restartGatewayToo: boolean) => {
    // The gateway knows the bot's key from an earlier request while the server was up.
    expect((await post(stream, 0, 'warmup', randomUUID())).status).toBe(200);
    expect(await waitForLanded(stream, 1, 15_000)).toHaveLength(1);

    await server!.stop();
    const deliveries: string[] = [];
    for (let n = 1; n <= WEBHOOKS; n++) {
      deliveries[n] = randomUUID();
      const reply = await post(stream, n, TOPICS[n % TOPICS.length], deliveries[n]);
      expect(reply).toEqual({ status: 200, body: { result: 'success', msg: '' } });
    }
    for (const n of [7, 50, 99]) {
      expect((await post(stream, n, TOPICS[n % TOPICS.length], deliveries[n])).status).toBe(200);
    }
    // Let the worker meet the stopped server a few times before it comes back.
    await sleep(1500);
    expect(await queueDepth()).toBe(WEBHOOKS);
    if (restartGatewayToo) {
      await gateway!.close();
      gateway = null;
      await startOurGateway();
      expect(await queueDepth()).toBe(WEBHOOKS);
    }

    await server!.start();
    await waitForLanded(stream, WEBHOOKS + 1, 60_000);
    await sleep(500);
    expect(await queueDepth()).toBe(0);
    const final = await landed(stream);
    expect(final).toHaveLength(WEBHOOKS + 1);
    expect(final.every((m) => m.sender_id === bot.id)).toBe(true);
    const numbers = (topic: string) =>
      final
        .filter((m) => m.subject === topic)
        .sort((a, b) => a.id - b.id)
        .map((m) => Number(/\* change (\d+) \(/.exec(m.content)?.[1]));
    for (const [i, topic] of TOPICS.entries()) {
      const expected = Array.from({ length: WEBHOOKS }, (_, k) => k + 1).filter(
        (n) => n % TOPICS.length === i,
      );
      expect(numbers(topic)).toEqual(expected);
    }
  };

  it('delivers all 100 once each, in order per topic, after the server restarts', async () => {
    if (!enabled) return;
    await outage('deploys', false);
  }, 120_000);

  it('loses nothing when the gateway restarts too while the server is down', async () => {
    if (!enabled) return;
    await outage('releases', true);
  }, 120_000);
});
