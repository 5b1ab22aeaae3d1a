/**
 * Outgoing-webhook bots against the real server: a member mentions or DMs the bot, the server
 * POSTs Zulip's payload (or the Slack-compatible one) to a local receiver and posts the answer.
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
  dmAndAwaitReply,
} from './runtime-fixtures';
import { json, WebhookReceiver, type ReceiverAnswer } from './webhook-receiver';

const STREAM = 'webhooks';

describe('outgoing-webhook bots', () => {
  let server: TestServer;
  let member: TestUser;
  let memberApi: ApiClient;
  let ownerApi: ApiClient;
  const receivers: WebhookReceiver[] = [];
  let created = 0;

  beforeAll(async () => {
    server = await startTestServer();
    fastRetries(server);
    member = await server.createUser({ fullName: 'Mia Member' });
    memberApi = server.client(member);
    ownerApi = server.client(server.owner);
    for (const api of [memberApi, ownerApi]) {
      const res = await api.post('/users/me/subscriptions', { subscriptions: [{ name: STREAM }] });
      expect(res.status).toBe(200);
    }
  });

  afterAll(async () => {
    for (const receiver of receivers) await receiver.close();
    await server.stop();
  });

  async function webhookBot(
    answer: (call: number) => ReceiverAnswer,
    interfaceType = 1,
  ): Promise<{ bot: CreatedBot; receiver: WebhookReceiver; topic: string }> {
    const receiver = await WebhookReceiver.start(answer);
    receivers.push(receiver);
    const n = ++created;
    const bot = await createBot(ownerApi, {
      full_name: `Hook Bot ${n}`,
      short_name: `hook-${n}`,
      bot_type: 3,
      payload_url: JSON.stringify(receiver.url),
      interface_type: interfaceType,
    });
    return { bot, receiver, topic: `hooks ${n}` };
  }

  async function say(topic: string, content: string): Promise<number> {
    const res = await memberApi.post('/messages', { type: 'stream', to: STREAM, topic, content });
    expect(res.status).toBe(200);
    return Number(res.body.id);
  }

  const ownerDmsFrom = async (bot: CreatedBot) =>
    (await messagesIn(ownerApi, [{ operator: 'dm', operand: [bot.userId] }])).filter(
      (m) => m.sender_id === bot.userId,
    );

  it('retries a failing endpoint and posts exactly one reply in the same topic', async () => {
    const { bot, receiver, topic } = await webhookBot((call) =>
      call <= 2 ? json(500, { error: 'warming up' }) : json(200, { content: 'pong' }),
    );
    const id = await say(topic, `@**${bot.fullName}** ping`);
    const replies = await eventually(
      async () =>
        (await messagesIn(memberApi, topicNarrow(STREAM, topic))).filter(
          (m) => m.sender_id === bot.userId,
        ),
      (found) => found.length > 0,
    );
    await botEventsSettled(server);
    const after = (await messagesIn(memberApi, topicNarrow(STREAM, topic))).filter(
      (m) => m.sender_id === bot.userId,
    );
    expect(replies.map((m) => m.content)).toEqual(['pong']);
    expect(after.map((m) => [m.content, m.subject])).toEqual([['pong', topic]]);
    expect(receiver.calls).toHaveLength(3);

    const [payload] = receiver.json();
    expect(receiver.calls[0].contentType).toMatch(/^application\/json/);
    expect(payload).toMatchObject({
      bot_email: bot.email,
      bot_full_name: bot.fullName,
      data: `@**${bot.fullName}** ping`,
      trigger: 'mention',
      token: bot.token,
      message: {
        id,
        type: 'stream',
        display_recipient: STREAM,
        subject: topic,
        sender_id: member.id,
        sender_email: member.email,
        sender_full_name: 'Mia Member',
        content: `@**${bot.fullName}** ping`,
      },
    });
    const message = payload.message as Record<string, unknown>;
    expect(message.rendered_content).toContain(`data-user-id="${bot.userId}"`);
    expect(message).not.toHaveProperty('flags');
    // Every attempt carries the same event.
    expect(new Set(receiver.calls.map((c) => c.body)).size).toBe(1);
    expect(await ownerDmsFrom(bot)).toEqual([]);
  });

  it('gives up on a slow answer after the timeout and tries again', async () => {
    fastRetries(server, { webhookTimeoutMs: 300 });
    try {
      const { bot, receiver, topic } = await webhookBot((call) =>
        call === 1
          ? { ...json(200, { content: 'too late' }), delayMs: 1500 }
          : json(200, { content: 'in time' }),
      );
      await say(topic, `@**${bot.fullName}** quick!`);
      await botEventsSettled(server);
      // The late answer arrives after the retry was answered: it must not be posted too.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const fromBot = (await messagesIn(memberApi, topicNarrow(STREAM, topic))).filter(
        (m) => m.sender_id === bot.userId,
      );
      expect(fromBot.map((m) => m.content)).toEqual(['in time']);
      expect(receiver.calls).toHaveLength(2);
    } finally {
      fastRetries(server, { webhookTimeoutMs: 10_000 });
    }
  });

  it('posts nothing when the bot answers response_not_required', async () => {
    const { bot, receiver, topic } = await webhookBot(() =>
      json(200, { response_not_required: true }),
    );
    await say(topic, `hello @**${bot.fullName}**`);
    await eventually(
      async () => receiver.calls.length,
      (n) => n > 0,
    );
    await botEventsSettled(server);
    expect(receiver.calls).toHaveLength(1);
    const fromBot = (await messagesIn(memberApi, topicNarrow(STREAM, topic))).filter(
      (m) => m.sender_id === bot.userId,
    );
    expect(fromBot).toEqual([]);
  });

  it("is called once created, or reactivated, after the realm's service bots were looked up", async () => {
    // Each mention below reads the realm's (cached) service bots before the next bot change.
    const {
      bot: other,
      receiver: otherReceiver,
      topic,
    } = await webhookBot(() => json(200, { response_not_required: true }));
    await say(topic, `@**${other.fullName}** first`);
    await eventually(
      async () => otherReceiver.calls.length,
      (n) => n > 0,
    );
    const { bot, receiver } = await webhookBot(() => json(200, { response_not_required: true }));
    await say(topic, `@**${bot.fullName}** created`);
    await eventually(
      async () => receiver.calls.length,
      (n) => n > 0,
    );
    expect(receiver.calls).toHaveLength(1);

    expect((await ownerApi.delete(`/bots/${bot.userId}`)).status).toBe(200);
    await say(topic, `@**${other.fullName}** meanwhile`);
    await eventually(
      async () => otherReceiver.calls.length,
      (n) => n > 1,
    );
    expect((await ownerApi.post(`/users/${bot.userId}/reactivate`, {})).status).toBe(200);
    await say(topic, `@**${bot.fullName}** reactivated`);
    await eventually(
      async () => receiver.calls.length,
      (n) => n > 1,
    );
    await botEventsSettled(server);
    expect(receiver.calls).toHaveLength(2);
  });

  it('is not called for messages that do not mention it, nor for silent mentions', async () => {
    const { bot, receiver, topic } = await webhookBot(() => json(200, { content: 'hi' }));
    await say(topic, 'nobody here');
    await say(topic, `@_**${bot.fullName}** quietly`);
    await botEventsSettled(server);
    expect(receiver.calls).toHaveLength(0);
  });

  it('is not told about a private stream it is not subscribed to', async () => {
    const { bot, receiver } = await webhookBot(() => json(200, { content: 'inside' }));
    const secret = `secret ${created}`;
    const made = await memberApi.post('/users/me/subscriptions', {
      subscriptions: [{ name: secret }],
      invite_only: true,
    });
    expect(made.status).toBe(200);
    const mention = async () => {
      const res = await memberApi.post('/messages', {
        type: 'stream',
        to: secret,
        topic: 'plans',
        content: `@**${bot.fullName}** what do you see?`,
      });
      expect(res.status).toBe(200);
    };
    await mention();
    await botEventsSettled(server);
    expect(receiver.calls).toHaveLength(0);

    const added = await memberApi.post('/users/me/subscriptions', {
      subscriptions: [{ name: secret }],
      principals: [bot.userId],
    });
    expect(added.status).toBe(200);
    await mention();
    const replies = await eventually(
      async () =>
        (await messagesIn(memberApi, topicNarrow(secret, 'plans'))).filter(
          (m) => m.sender_id === bot.userId,
        ),
      (found) => found.length > 0,
    );
    expect(replies.map((m) => m.content)).toEqual(['inside']);
    expect(receiver.calls).toHaveLength(1);
  });

  it('tells the owner once, by DM, when the endpoint keeps failing', async () => {
    const { bot, receiver, topic } = await webhookBot(() => json(503, 'down'));
    await say(topic, `@**${bot.fullName}** are you there?`);
    await say(topic, `@**${bot.fullName}** still there?`);
    const notices = await eventually(
      () => ownerDmsFrom(bot),
      (found) => found.length > 0,
    );
    await botEventsSettled(server);
    expect(receiver.calls).toHaveLength(10);
    expect(await ownerDmsFrom(bot)).toHaveLength(1);
    expect(notices[0].content).toContain(`@_**${bot.fullName}**`);
    expect(notices[0].content).toContain('status 503');
    const fromBot = (await messagesIn(memberApi, topicNarrow(STREAM, topic))).filter(
      (m) => m.sender_id === bot.userId,
    );
    expect(fromBot).toEqual([]);
  });

  it('tells the owner when the answer is not JSON, without retrying', async () => {
    const { bot, receiver, topic } = await webhookBot(() => ({
      status: 200,
      body: '<html>ok</html>',
    }));
    await say(topic, `@**${bot.fullName}** hi`);
    const notices = await eventually(
      () => ownerDmsFrom(bot),
      (found) => found.length > 0,
    );
    expect(notices.map((m) => m.content)).toEqual([
      expect.stringContaining('the response is not valid JSON'),
    ]);
    await botEventsSettled(server);
    expect(receiver.calls).toHaveLength(1);
  });

  it('answers a direct message in the same conversation', async () => {
    const { bot, receiver } = await webhookBot(() => json(200, { content: 'got your DM' }));
    const dms = await dmAndAwaitReply(memberApi, bot.userId, 'just between us');
    expect(dms.map((m) => [m.sender_id, m.content])).toEqual([
      [member.id, 'just between us'],
      [bot.userId, 'got your DM'],
    ]);
    const [payload] = receiver.json();
    expect(payload).toMatchObject({
      trigger: 'direct_message',
      data: 'just between us',
      message: { type: 'private', sender_id: member.id },
    });
  });

  it('never answers itself: a reply that mentions the bot triggers nothing', async () => {
    let selfMention = '';
    const { bot, receiver, topic } = await webhookBot(() =>
      json(200, { content: `I am ${selfMention}` }),
    );
    selfMention = `@**${bot.fullName}**`;
    await say(topic, `@**${bot.fullName}** introduce yourself`);
    const both = await eventually(
      () => messagesIn(memberApi, topicNarrow(STREAM, topic)),
      (found) => found.length === 2,
    );
    await botEventsSettled(server);
    expect(both[1]).toMatchObject({ sender_id: bot.userId, content: `I am ${selfMention}` });
    expect(receiver.calls).toHaveLength(1);
  });

  it('sends the Slack-compatible form and posts its "text" answer', async () => {
    const { bot, receiver, topic } = await webhookBot(
      () => json(200, { text: 'slack says hi' }),
      2,
    );
    const id = await say(topic, `@**${bot.fullName}** hello slack`);
    const replies = await eventually(
      async () =>
        (await messagesIn(memberApi, topicNarrow(STREAM, topic))).filter(
          (m) => m.sender_id === bot.userId,
        ),
      (found) => found.length > 0,
    );
    expect(replies.map((m) => m.content)).toEqual(['slack says hi']);
    expect(receiver.calls[0].contentType).toMatch(/^application\/x-www-form-urlencoded/);
    const form = Object.fromEntries(new URLSearchParams(receiver.calls[0].body));
    const streams = await memberApi.get('/get_stream_id', { stream: STREAM });
    expect(form).toEqual({
      token: bot.token,
      team_id: `T${server.realm.id}`,
      team_domain: 'localhost',
      channel_id: `C${String(streams.body.stream_id)}`,
      channel_name: STREAM,
      thread_ts: expect.stringMatching(/^\d+$/),
      timestamp: expect.stringMatching(/^\d+$/),
      user_id: `U${member.id}`,
      user_name: 'Mia Member',
      text: `@**${bot.fullName}** hello slack`,
      trigger_word: 'mention',
      service_id: String(bot.userId),
    });
    expect(id).toBeGreaterThan(0);
  });
});
