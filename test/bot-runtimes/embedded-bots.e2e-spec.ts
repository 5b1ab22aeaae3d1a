/**
 * Embedded bots: a member creates one through `POST /bots` (bot_type 4 + service_name, optional
 * config_data) and the server runs the bundled bot in-process.
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

const STREAM = 'embedded';

describe('embedded bots', () => {
  let server: TestServer;
  let member: TestUser;
  let memberApi: ApiClient;
  let created = 0;

  beforeAll(async () => {
    server = await startTestServer();
    fastRetries(server);
    member = await server.createUser({ fullName: 'Eve Embedder' });
    memberApi = server.client(member);
    const res = await memberApi.post('/users/me/subscriptions', {
      subscriptions: [{ name: STREAM }, { name: 'later' }],
    });
    expect(res.status).toBe(200);
  });

  afterAll(async () => {
    await server.stop();
  });

  async function embeddedBot(
    service: string,
    configData?: Record<string, string>,
  ): Promise<{ bot: CreatedBot; topic: string }> {
    const n = ++created;
    const bot = await createBot(memberApi, {
      full_name: `${service} helper ${n}`,
      short_name: `embedded-${n}`,
      bot_type: 4,
      service_name: service,
      ...(configData ? { config_data: configData } : {}),
    });
    return { bot, topic: `${service} ${n}` };
  }

  async function say(topic: string, content: string, stream = STREAM): Promise<number> {
    const res = await memberApi.post('/messages', { type: 'stream', to: stream, topic, content });
    expect(res.status).toBe(200);
    return Number(res.body.id);
  }

  const fromBot = async (bot: CreatedBot, stream: string, topic: string) =>
    (await messagesIn(memberApi, topicNarrow(stream, topic))).filter(
      (m) => m.sender_id === bot.userId,
    );

  it('helloworld answers a mention in the same topic and waves', async () => {
    const { bot, topic } = await embeddedBot('helloworld');
    const question = await say(topic, `@**${bot.fullName}** hi there`);
    const replies = await eventually(
      () => fromBot(bot, STREAM, topic),
      (found) => found.length > 0,
    );
    await botEventsSettled(server);
    expect(replies.map((m) => [m.content, m.subject, m.client])).toEqual([
      ['beep boop', topic, 'ZulipHelloworldEmbeddedBot'],
    ]);
    const mine = (await messagesIn(memberApi, topicNarrow(STREAM, topic))).find(
      (m) => m.id === question,
    );
    expect(mine?.reactions).toEqual([
      expect.objectContaining({ emoji_name: 'wave', user_id: bot.userId }),
    ]);
    expect(await fromBot(bot, STREAM, topic)).toHaveLength(1);
  });

  it('answers only when the mention leads the message, as the bot framework does', async () => {
    const { bot, topic } = await embeddedBot('encrypt');
    await say(topic, `please ask @**${bot.fullName}** later`);
    await say(topic, `@**${bot.fullName}** abc`);
    const replies = await eventually(
      () => fromBot(bot, STREAM, topic),
      (found) => found.length > 0,
    );
    await botEventsSettled(server);
    expect(replies.map((m) => m.content)).toEqual(['Encrypted/Decrypted text: nop']);
    expect(await fromBot(bot, STREAM, topic)).toHaveLength(1);
  });

  it('answers a 1:1 direct message in the same conversation', async () => {
    const { bot } = await embeddedBot('converter');
    const dms = await dmAndAwaitReply(memberApi, bot.userId, '@convert 2 km m');
    expect(dms.filter((m) => m.sender_id === bot.userId).map((m) => m.content)).toEqual([
      '2 km = 2000 m',
    ]);
  });

  it('reads its config_data and keeps state in bot storage', async () => {
    const { bot, topic } = await embeddedBot('followup', { stream: 'later' });
    await say(topic, `@**${bot.fullName}** water the plants`);
    const forwarded = await eventually(
      () => fromBot(bot, 'later', member.email),
      (found) => found.length > 0,
    );
    expect(forwarded.map((m) => m.content)).toEqual([`from ${member.email}: water the plants`]);

    const fs = await embeddedBot('virtual_fs');
    await say(fs.topic, `@**${fs.bot.fullName}** write /notes.txt remember the milk`);
    await eventually(
      () => fromBot(fs.bot, STREAM, fs.topic),
      (found) => found.length === 1,
    );
    await say(fs.topic, `@**${fs.bot.fullName}** read /notes.txt`);
    const answers = await eventually(
      () => fromBot(fs.bot, STREAM, fs.topic),
      (found) => found.length === 2,
    );
    expect(answers[1].content).toContain('remember the milk');
    const stored = await server.db.rows<{ key: string }>(
      'SELECT key FROM bot_storage WHERE bot_id = $1',
      [fs.bot.userId],
    );
    expect(stored.length).toBeGreaterThan(0);
  });

  it('tells the owner when its bundled bot is not available on this server', async () => {
    const { bot, topic } = await embeddedBot('giphy');
    await say(topic, `@**${bot.fullName}** cats`);
    const notices = await eventually(
      async () =>
        (await messagesIn(memberApi, [{ operator: 'dm', operand: [bot.userId] }])).filter(
          (m) => m.sender_id === bot.userId,
        ),
      (found) => found.length > 0,
    );
    expect(notices.map((m) => m.content)).toEqual([
      expect.stringContaining('the embedded bot "giphy" is not available here'),
    ]);
  });
});
