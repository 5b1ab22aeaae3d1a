/**
 * Bundled bots against the real server, through the real runtime and libs/client event loop: a
 * member mentions the bot in a stream, and the reply arrives in the same topic.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZulipClient } from '@hub/client';
import { ClientBotBackend } from '../../bots/framework/client-backend';
import { BOT_REGISTRY } from '../../bots/framework/registry';
import { runBotCli } from '../../bots/framework/run-bot';
import { BotRuntime } from '../../bots/framework/runtime';
import type { BotConfigSections } from '../../bots/framework/bot-config';
import type { ApiClient } from '../helpers/api-client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

const STREAM = 'bot testing';
const WAIT_MS = 15_000;

interface StoredMessage {
  id: number;
  sender_id: number;
  content: string;
  subject: string;
  display_recipient: string;
  reactions: Array<{ emoji_name: string; user_id: number }>;
}

interface CreatedBot {
  userId: number;
  email: string;
  apiKey: string;
  fullName: string;
}

/** Polls `read` until `done` holds for its result, or fails after WAIT_MS with the last result. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

describe('bundled bots on the real server', () => {
  let server: TestServer;
  let member: TestUser;
  let memberApi: ApiClient;
  const stops: Array<() => Promise<void>> = [];
  let created = 0;

  beforeAll(async () => {
    server = await startTestServer();
    member = await server.createUser({ fullName: 'Mia Member' });
    memberApi = server.client(member);
    const subscribed = await memberApi.post('/users/me/subscriptions', {
      subscriptions: [{ name: STREAM }, { name: 'followup' }],
    });
    expect(subscribed.status).toBe(200);
  });

  afterAll(async () => {
    for (const stop of stops) await stop();
    await server.stop();
  });

  async function createBot(name: string): Promise<CreatedBot> {
    const fullName = `${name} bot ${++created}`;
    const res = await memberApi.post('/bots', {
      full_name: fullName,
      short_name: `${name.replace(/_/g, '-')}-${created}`,
    });
    expect(res.status).toBe(200);
    const bot = {
      userId: Number(res.body.user_id),
      email: String(res.body.email),
      apiKey: String(res.body.api_key),
      fullName,
    };
    const botApi = server.client({ email: bot.email, apiKey: bot.apiKey });
    const joined = await botApi.post('/users/me/subscriptions', {
      subscriptions: [{ name: STREAM }],
    });
    expect(joined.status).toBe(200);
    return bot;
  }

  async function messagesIn(stream: string, topic: string): Promise<StoredMessage[]> {
    const res = await memberApi.get('/messages', {
      anchor: 'newest',
      num_before: 100,
      num_after: 0,
      narrow: [
        { operator: 'stream', operand: stream },
        { operator: 'topic', operand: topic },
      ],
      apply_markdown: false,
    });
    expect(res.status).toBe(200);
    return res.body.messages as StoredMessage[];
  }

  async function say(topic: string, content: string): Promise<number> {
    const sent = await memberApi.post('/messages', { type: 'stream', to: STREAM, topic, content });
    expect(sent.status).toBe(200);
    return Number(sent.body.id);
  }

  /** Runs a bundled bot on its event loop, as `npm run bot` does. */
  async function runBot(name: string, config: BotConfigSections = {}) {
    const bot = await createBot(name);
    const client = new ZulipClient({
      email: bot.email,
      apiKey: bot.apiKey,
      site: server.url,
      logger: null,
      env: {},
    });
    const backend = new ClientBotBackend(client);
    const log: string[] = [];
    const runtime = new BotRuntime({
      handler: BOT_REGISTRY[name].create(),
      backend,
      config: { sections: config, path: 'e2e.conf' },
      log: (line) => log.push(line),
    });
    const controller = new AbortController();
    let ready: () => void = () => undefined;
    const receiving = new Promise<void>((resolve) => (ready = resolve));
    const running = runtime.run(backend, controller.signal, ready);
    stops.push(async () => {
      controller.abort();
      await running;
      client.close();
    });
    await receiving;
    const topic = `${name} ${created}`;
    const botMessages = async (stream = STREAM, inTopic = topic) =>
      (await messagesIn(stream, inTopic)).filter((m) => m.sender_id === bot.userId);

    /** Mentions the bot and waits until it has sent `expectedCount` messages in the topic. */
    async function mention(text: string, expectedCount: number): Promise<StoredMessage[]> {
      await say(topic, `@**${bot.fullName}** ${text}`);
      return eventually(botMessages, (messages) => messages.length >= expectedCount);
    }
    return { bot, topic, log, mention, botMessages };
  }

  it('helloworld answers in the same topic and waves', async () => {
    const { bot, topic, mention } = await runBot('helloworld');
    const replies = await mention('hello', 1);
    expect(replies.map((m) => [m.display_recipient, m.subject, m.content])).toEqual([
      [STREAM, topic, 'beep boop'],
    ]);
    const [question] = await eventually(
      async () => (await messagesIn(STREAM, topic)).filter((m) => m.sender_id === member.id),
      ([m]) => m?.reactions.length === 1,
    );
    expect(question.reactions).toEqual([
      expect.objectContaining({ emoji_name: 'wave', user_id: bot.userId }),
    ]);
  });

  it('stays silent when not mentioned', async () => {
    const { topic, mention, botMessages } = await runBot('encrypt');
    await say(topic, 'just chatting, no bot here');
    expect((await mention('abc', 1)).map((m) => m.content)).toEqual([
      'Encrypted/Decrypted text: nop',
    ]);
    expect(await botMessages()).toHaveLength(1);
  });

  it('incrementor edits its own counter message, counting in bot storage', async () => {
    const { mention, botMessages } = await runBot('incrementor');
    expect((await mention('', 1)).map((m) => m.content)).toEqual(['1']);
    await mention('', 1);
    await mention('', 1);
    const final = await eventually(botMessages, ([m]) => m?.content === '3');
    expect(final.map((m) => m.content)).toEqual(['3']);
  });

  it('converter answers a conversion', async () => {
    const { mention } = await runBot('converter');
    expect((await mention('@convert 100 celsius fahrenheit', 1)).map((m) => m.content)).toEqual([
      '100 celsius = 212 fahrenheit',
    ]);
  });

  it('followup forwards to the followup stream under the sender topic', async () => {
    const { mention, botMessages } = await runBot('followup');
    await mention('water the plants', 0);
    const forwarded = await eventually(
      () => botMessages('followup', member.email),
      (messages) => messages.length > 0,
    );
    expect(forwarded.map((m) => m.content)).toEqual([`from ${member.email}: water the plants`]);
  });

  it('virtual_fs keeps its file system in the server bot storage', async () => {
    const { mention, log } = await runBot('virtual_fs');
    await mention('mkdir notes', 1);
    await mention('write notes/today standup at 10', 2);
    const replies = await mention('read notes/today', 3);
    expect(replies.at(-1)?.content).toBe(`${member.email}:\nstandup at 10`);
    expect(log).toEqual([]);
  });

  it('tictactoe plays a game across messages', async () => {
    const { mention } = await runBot('tictactoe');
    await mention('new game', 1);
    expect((await mention('1', 2)).at(-1)?.content).toMatch(/^I played 5\. Your move\./);
    expect((await mention('1', 3)).at(-1)?.content).toMatch(/^Square 1 is taken/);
  });

  it('npm run bot runs a bot from its .zuliprc until stopped', async () => {
    const bot = await createBot('helloworld');
    const rc = join(mkdtempSync(join(tmpdir(), 'bot-e2e-')), 'zuliprc');
    writeFileSync(rc, `[api]\nemail=${bot.email}\nkey=${bot.apiKey}\nsite=${server.url}\n`);
    const controller = new AbortController();
    const out: string[] = [];
    const err: string[] = [];
    const exit = runBotCli(['helloworld', '--config-file', rc], {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      signal: controller.signal,
    });
    // The first line means the bot is receiving messages.
    await eventually(
      async () => out.length,
      (lines) => lines > 0,
    );
    const topic = 'runner';
    await say(topic, `@**${bot.fullName}** are you there?`);
    const replies = await eventually(
      async () => (await messagesIn(STREAM, topic)).filter((m) => m.sender_id === bot.userId),
      (messages) => messages.length > 0,
    );
    controller.abort();
    expect(await exit).toBe(0);
    expect(replies.map((m) => m.content)).toEqual(['beep boop']);
    expect(err).toEqual([]);
    expect(out).toEqual([
      `helloworld: running as ${bot.fullName} <${bot.email}>; Ctrl-C stops it`,
      'helloworld: stopped',
    ]);
  });
});
