/**
 * The same delivery guarantees with the durable queue (Bull on Redis). Without Redis the suite
 * says so (test/helpers/services.ts) and checks nothing; REQUIRE_SERVICES=1 makes that a failure.
 */
import type { ApiClient } from '../helpers/api-client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import {
  botEventsSettled,
  createBot,
  eventually,
  fastRetries,
  messagesIn,
  topicNarrow,
  type CreatedBot,
} from './runtime-fixtures';
import { json, WebhookReceiver, type ReceiverAnswer } from './webhook-receiver';

const STREAM = 'durable';

describe('outgoing-webhook bots on the Redis job queue', () => {
  let server: TestServer;
  let member: TestUser;
  let memberApi: ApiClient;
  let ownerApi: ApiClient;
  const receivers: WebhookReceiver[] = [];
  let created = 0;

  beforeAll(async () => {
    server = await startTestServer({ redis: true });
    fastRetries(server);
    member = await server.createUser({ fullName: 'Rae Redis' });
    memberApi = server.client(member);
    ownerApi = server.client(server.owner);
    const res = await memberApi.post('/users/me/subscriptions', {
      subscriptions: [{ name: STREAM }],
    });
    expect(res.status).toBe(200);
  });

  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    await server.stop();
  });

  const usingRedis = () => server.config.redisUrl !== undefined;

  async function webhookBot(
    answer: (call: number) => ReceiverAnswer,
  ): Promise<{ bot: CreatedBot; receiver: WebhookReceiver }> {
    const receiver = await WebhookReceiver.start(answer);
    receivers.push(receiver);
    const n = ++created;
    const bot = await createBot(ownerApi, {
      full_name: `Durable Bot ${n}`,
      short_name: `durable-${n}`,
      bot_type: 3,
      payload_url: receiver.url,
    });
    return { bot, receiver };
  }

  it('retries twice, then posts one reply', async () => {
    if (!usingRedis()) return;
    const { bot, receiver } = await webhookBot((call) =>
      call <= 2 ? json(502, 'bad gateway') : json(200, { content: 'durable pong' }),
    );
    const res = await memberApi.post('/messages', {
      type: 'stream',
      to: STREAM,
      topic: 'retry',
      content: `@**${bot.fullName}** ping`,
    });
    expect(res.status).toBe(200);
    await eventually(
      async () => (await messagesIn(memberApi, topicNarrow(STREAM, 'retry'))).length,
      (n) => n === 2,
    );
    await botEventsSettled(server);
    const fromBot = (await messagesIn(memberApi, topicNarrow(STREAM, 'retry'))).filter(
      (m) => m.sender_id === bot.userId,
    );
    expect(fromBot.map((m) => m.content)).toEqual(['durable pong']);
    expect(receiver.calls).toHaveLength(3);
  });

  it('tells the owner once when every attempt fails', async () => {
    if (!usingRedis()) return;
    const { bot, receiver } = await webhookBot(() => json(500, 'broken'));
    for (const text of ['one', 'two']) {
      const res = await memberApi.post('/messages', {
        type: 'stream',
        to: STREAM,
        topic: 'failing',
        content: `@**${bot.fullName}** ${text}`,
      });
      expect(res.status).toBe(200);
    }
    const notices = await eventually(
      async () =>
        (await messagesIn(ownerApi, [{ operator: 'dm', operand: [bot.userId] }])).filter(
          (m) => m.sender_id === bot.userId,
        ),
      (found) => found.length > 0,
    );
    await botEventsSettled(server);
    expect(receiver.calls).toHaveLength(10);
    expect(notices.map((m) => m.content)).toEqual([expect.stringContaining('status 500')]);
    const again = await messagesIn(ownerApi, [{ operator: 'dm', operand: [bot.userId] }]);
    expect(again).toHaveLength(1);
  });
});
