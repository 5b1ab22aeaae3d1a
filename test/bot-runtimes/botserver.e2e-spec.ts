/**
 * The bot server end to end: the server calls it as the outgoing webhook of several bots, it runs
 * the bundled bots and answers, and the server posts the replies.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBotserverCli } from '../../bots/botserver/botserver';
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

const STREAM = 'botserver';

function writeRc(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'botserverrc-')), 'botserverrc');
  writeFileSync(path, text);
  return path;
}

describe('the bot server', () => {
  let server: TestServer;
  let member: TestUser;
  let memberApi: ApiClient;
  let hello: CreatedBot;
  let encrypt: CreatedBot;
  let counter: CreatedBot;
  let endpoint: string;
  const log: string[] = [];
  const out: string[] = [];
  const stop = new AbortController();
  let running: Promise<number>;

  beforeAll(async () => {
    server = await startTestServer();
    fastRetries(server);
    member = await server.createUser({ fullName: 'Sam Served' });
    memberApi = server.client(member);
    expect(
      (await memberApi.post('/users/me/subscriptions', { subscriptions: [{ name: STREAM }] }))
        .status,
    ).toBe(200);
    const outgoing = (name: string, shortName: string) =>
      createBot(memberApi, {
        full_name: name,
        short_name: shortName,
        bot_type: 3,
        // Not listening yet: pointed at the bot server once it runs.
        payload_url: 'http://127.0.0.1:9/',
      });
    hello = await outgoing('Hello Served', 'hello-served');
    encrypt = await outgoing('Rot Served', 'rot-served');
    counter = await outgoing('Count Served', 'count-served');
    const section = (name: string, bot: CreatedBot, extra = '') =>
      `[${name}]\nemail=${bot.email}\nkey=${bot.apiKey}\nsite=${server.url}\ntoken=${bot.token}\n${extra}\n`;
    const rc = writeRc(
      section('helloworld', hello) +
        section('encrypt', encrypt) +
        section('incrementor', counter, 'reply=api'),
    );
    let listening: (url: string) => void = () => undefined;
    const url = new Promise<string>((resolve) => (listening = resolve));
    running = runBotserverCli(['--config', rc, '--port', '0'], {
      out: (line) => out.push(line),
      err: (line) => log.push(line),
      signal: stop.signal,
      onListening: listening,
    });
    endpoint = await Promise.race([
      url,
      running.then((code) => {
        throw new Error(`botserver exited with ${code}: ${log.join('\n')}`);
      }),
    ]);
    for (const bot of [hello, encrypt, counter]) {
      const res = await memberApi.patch(`/bots/${bot.userId}`, { service_payload_url: endpoint });
      expect(res.status).toBe(200);
    }
  });

  afterAll(async () => {
    stop.abort();
    await running;
    await server.stop();
  });

  const fromBot = async (bot: CreatedBot, topic: string) =>
    (await messagesIn(memberApi, topicNarrow(STREAM, topic))).filter(
      (m) => m.sender_id === bot.userId,
    );

  async function say(topic: string, content: string): Promise<number> {
    const res = await memberApi.post('/messages', { type: 'stream', to: STREAM, topic, content });
    expect(res.status).toBe(200);
    return Number(res.body.id);
  }

  it('announces what it serves', () => {
    expect(out[0]).toBe(
      `botserver: serving helloworld <${hello.email}>, encrypt <${encrypt.email}>, ` +
        `incrementor <${counter.email}> on ${endpoint}`,
    );
  });

  it('answers each bot through the server, in the same topic', async () => {
    const question = await say('served', `@**${hello.fullName}** hi`);
    await say('served', `@**${encrypt.fullName}** secret`);
    const helloReplies = await eventually(
      () => fromBot(hello, 'served'),
      (m) => m.length > 0,
    );
    const encryptReplies = await eventually(
      () => fromBot(encrypt, 'served'),
      (m) => m.length > 0,
    );
    await botEventsSettled(server);
    expect(helloReplies.map((m) => [m.content, m.subject])).toEqual([['beep boop', 'served']]);
    expect(encryptReplies.map((m) => m.content)).toEqual(['Encrypted/Decrypted text: frperg']);
    // helloworld's other action (a reaction) went through the REST API with its own key.
    const asked = (await messagesIn(memberApi, topicNarrow(STREAM, 'served'))).find(
      (m) => m.id === question,
    );
    expect(asked?.reactions).toEqual([
      expect.objectContaining({ emoji_name: 'wave', user_id: hello.userId }),
    ]);
    expect(await fromBot(hello, 'served')).toHaveLength(1);
    expect(log).toEqual([]);
  });

  it('answers a direct message', async () => {
    const dms = await dmAndAwaitReply(memberApi, encrypt.userId, 'abc');
    expect(dms.filter((m) => m.sender_id === encrypt.userId).map((m) => m.content)).toEqual([
      'Encrypted/Decrypted text: nop',
    ]);
  });

  it('with reply=api, posts over REST so the bot can edit its reply later', async () => {
    await say('counting', `@**${counter.fullName}**`);
    await eventually(
      () => fromBot(counter, 'counting'),
      (m) => m.length === 1,
    );
    await botEventsSettled(server);
    await say('counting', `@**${counter.fullName}**`);
    const final = await eventually(
      () => fromBot(counter, 'counting'),
      ([m]) => m?.content === '2',
    );
    expect(final.map((m) => m.content)).toEqual(['2']);
  });

  it('refuses a call with a wrong token or an unknown bot', async () => {
    const call = (body: object) =>
      fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const payload = {
      bot_email: hello.email,
      bot_full_name: hello.fullName,
      data: 'hi',
      trigger: 'mention',
      token: 'not-the-token',
      message: {
        id: 1,
        type: 'stream',
        sender_id: member.id,
        content: 'hi',
        display_recipient: STREAM,
      },
    };
    const wrong = await call(payload);
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({
      result: 'error',
      msg: `the token does not match the token of ${hello.email}`,
    });
    const unknown = await call({ ...payload, bot_email: 'nobody@example.com' });
    expect(unknown.status).toBe(400);
    const notJson = await fetch(endpoint, { method: 'POST', body: 'hello' });
    expect(notJson.status).toBe(400);
    const right = await call({ ...payload, token: hello.token, data: 'no mention here' });
    expect(right.status).toBe(200);
    expect(await right.json()).toEqual({ response_not_required: true });
  });
});

describe('the bot server command line', () => {
  async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const signal = AbortSignal.abort();
    const code = await runBotserverCli(argv, {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      signal,
    });
    return { code, out, err };
  }

  it('explains itself with --help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('--config <path>');
    expect(out.join('\n')).toContain('Bundled bots: ');
  });

  it('stops with one clear line and status 1 on a bad config', async () => {
    const missing = await run(['--config', '/nonexistent/botserverrc']);
    expect(missing.code).toBe(1);
    expect(missing.err).toEqual([
      expect.stringMatching(/^error: cannot read botserver config \/nonexistent\/botserverrc/),
    ]);
    const rc = writeRc('[helloworld]\nemail=a@example.com\nkey=k\nsite=http://localhost\n');
    const incomplete = await run(['--config', rc]);
    expect(incomplete).toMatchObject({ code: 1, err: [`error: ${rc}: [helloworld] has no token`] });
    const noConfig = await run([]);
    expect(noConfig.code).toBe(1);
    expect(noConfig.err.join('\n')).toContain("required option '-c, --config <path>'");
  });
});
