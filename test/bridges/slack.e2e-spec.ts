import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as YAML from 'yaml';
import { jsonLogger, RunningBridge, startBridge } from '../../bridges/core';
import { definition } from '../../bridges/slack/definition';
import { signSlackRequest, SlackRecorder } from '../../bridges/slack/testing/slack-recorder';
import { UsersRepository } from '../../apps/server/src/identity/users.repository';
import { UsersService } from '../../apps/server/src/users/users.service';
import { ApiClient } from '../helpers/api-client';
import { chatMessages, type ChatMessage } from './helpers/chat-side';
import { startTestServer, TestServer } from '../helpers/test-server';

/** A Slack timestamp for now (messages older than the queue's max age are dropped). */
const slackTs = (offsetSeconds = 0): string =>
  `${Math.floor(Date.now() / 1000) + offsetSeconds}.${String(++tsCounter).padStart(6, '0')}`;
let tsCounter = 0;

const SIGNING_SECRET = 'slack signing secret for tests';
const CHANNEL = 'C0GENERAL';
const STREAM = 'slack general';

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe('Slack bridge (signed Events API in, recorded Web API out)', () => {
  let server: TestServer;
  let recorder: SlackRecorder;
  let bridge: RunningBridge;
  let chat: ApiClient;
  let eventsUrl: string;
  let workDir: string;
  let eventCounter = 0;

  /** Posts one Events API callback the way Slack does; `sign` false sends it unsigned. */
  async function deliver(
    event: Record<string, unknown>,
    sign: boolean | string = true,
  ): Promise<number> {
    const body = JSON.stringify({
      token: 'legacy-verification-token',
      team_id: 'T0001',
      api_app_id: 'A0001',
      type: 'event_callback',
      event_id: `Ev${++eventCounter}`,
      event_time: Math.floor(Date.now() / 1000),
      event,
    });
    const secret = typeof sign === 'string' ? sign : SIGNING_SECRET;
    const headers = sign ? signSlackRequest(secret, body) : { 'content-type': 'application/json' };
    const res = await fetch(eventsUrl, { method: 'POST', headers, body });
    await res.text();
    return res.status;
  }

  const streamMessages = (): Promise<ChatMessage[]> =>
    chatMessages(chat, [{ operator: 'stream', operand: STREAM }]);

  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-slack-'));
    server = await startTestServer();
    recorder = new SlackRecorder([{ id: 'U0ALICE', name: 'alice', displayName: 'Alice Liddell' }]);
    await recorder.start();
    const res = await server
      .client(server.owner)
      .post('/bots', { full_name: 'Slack bridge', short_name: 'slack' });
    const row = await server.app.get(UsersRepository).findById(res.body.user_id as number);
    if (!row) throw new Error('bot not found');
    await server.app.get(UsersService).setPermission(null, row, 'api_super_user', true);
    const port = await freePort();
    eventsUrl = `http://127.0.0.1:${port}/slack/events`;
    const file = path.join(workDir, 'slack.yaml');
    fs.writeFileSync(
      file,
      YAML.stringify({
        zulip: { site: server.url, email: res.body.email, api_key: res.body.api_key },
        data_dir: 'data',
        reconnect: { base_ms: 100, cap_ms: 500 },
        slack: {
          bot_token: 'xoxb-test-token',
          signing_secret: SIGNING_SECRET,
          port,
          api_url: recorder.url,
        },
        channels: [{ channel: CHANNEL, stream: STREAM, default_topic: 'from slack' }],
      }),
    );
    bridge = await startBridge(definition.load(file, {}), {
      logger: jsonLogger(process.env.BRIDGE_TEST_LOG === '1' ? 'debug' : 'error'),
    });
    await eventually('the Slack side to be verified', async () =>
      bridge.health().remote.state === 'connected' ? true : undefined,
    );
    chat = server.client(server.owner);
  }, 60_000);

  afterAll(async () => {
    await bridge?.stop();
    await recorder?.stop();
    await server?.stop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('refuses unsigned and badly signed requests', async () => {
    const event = { type: 'message', channel: CHANNEL, user: 'U0ALICE', text: 'forged', ts: '1.1' };
    expect(await deliver(event, false)).toBe(401);
    expect(await deliver(event, 'not the signing secret')).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await streamMessages()).some((m) => m.content === 'forged')).toBe(false);
  });

  it("answers Slack's signed URL verification with the challenge", async () => {
    const body = JSON.stringify({
      type: 'url_verification',
      challenge: 'challenge-42',
      token: 't',
    });
    const res = await fetch(eventsUrl, {
      method: 'POST',
      headers: signSlackRequest(SIGNING_SECRET, body),
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('challenge-42');
  });

  it('posts Slack messages as mirror users, with Slack markup turned into Markdown', async () => {
    const status = await deliver({
      type: 'message',
      channel: CHANNEL,
      user: 'U0ALICE',
      text: 'hello from *Slack* &amp; see <https://example.com|the docs>',
      ts: slackTs(),
    });
    expect(status).toBe(200);
    const message = await eventually('the Slack message on chat', async () =>
      (await streamMessages()).find((m) => m.content.startsWith('hello from')),
    );
    expect(message).toMatchObject({
      content: 'hello from **Slack** & see [the docs](https://example.com)',
      subject: 'from slack',
      sender_email: 'alice@slack.invalid',
      sender_full_name: 'alice (Slack)',
    });
  });

  it('ignores the echo of its own posts', async () => {
    await deliver({
      type: 'message',
      subtype: 'bot_message',
      channel: CHANNEL,
      bot_id: recorder.botId,
      username: 'Olivia Owner',
      text: 'an echo of a relayed message',
      ts: slackTs(),
    });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await streamMessages()).some((m) => m.content.includes('an echo'))).toBe(false);
  });

  it('relays chat messages with the author name and picture, and edits and deletes after them', async () => {
    const sent = await chat.post('/messages', {
      type: 'stream',
      to: STREAM,
      topic: 'from slack',
      content: 'hi **Slack** people',
    });
    expect(sent.status).toBe(200);
    const post = await eventually('chat.postMessage', async () =>
      recorder.callsOf('chat.postMessage').find((c) => String(c.params.text).includes('people')),
    );
    expect(post.params).toMatchObject({
      channel: CHANNEL,
      text: 'hi *Slack* people',
      username: 'Olivia Owner',
      icon_url: expect.stringMatching(/^https:\/\/secure\.gravatar\.com\/avatar\/[0-9a-f]{32}/),
    });
    expect(post.authorization).toBe('Bearer xoxb-test-token');

    await chat.post('/messages', {
      type: 'stream',
      to: STREAM,
      topic: 'release plans',
      content: 'another topic',
    });
    const other = await eventually('the second post', async () =>
      recorder.callsOf('chat.postMessage').find((c) => String(c.params.text).includes('another')),
    );
    expect(other.params.text).toBe('*[release plans]* another topic');

    const id = sent.body.id as number;
    expect((await chat.patch(`/messages/${id}`, { content: 'hi Slack folks' })).status).toBe(200);
    const update = await eventually('chat.update', async () => recorder.callsOf('chat.update')[0]);
    const firstTs = recorder.callsOf('chat.postMessage').indexOf(post);
    expect(update.params).toMatchObject({ channel: CHANNEL, text: 'hi Slack folks' });
    expect(update.params.ts).toBe(`${1_700_000_000 + firstTs}.000100`);

    expect((await chat.delete(`/messages/${id}`)).status).toBe(200);
    const removal = await eventually('chat.delete', async () => recorder.callsOf('chat.delete')[0]);
    expect(removal.params).toMatchObject({ channel: CHANNEL, ts: update.params.ts });
  });

  it('applies Slack edits and deletions to the mirrored chat message', async () => {
    const ts = slackTs();
    await deliver({ type: 'message', channel: CHANNEL, user: 'U0ALICE', text: 'first draft', ts });
    const mirrored = await eventually('the message to edit', async () =>
      (await streamMessages()).find((m) => m.content === 'first draft'),
    );
    await deliver({
      type: 'message',
      subtype: 'message_changed',
      hidden: true,
      channel: CHANNEL,
      ts: slackTs(1),
      message: { type: 'message', user: 'U0ALICE', text: 'final text', ts },
      previous_message: { type: 'message', user: 'U0ALICE', text: 'first draft', ts },
    });
    await eventually('the edit on chat', async () => {
      const res = await chat.get(`/messages/${mirrored.id}`, { apply_markdown: false });
      const message = res.body.message as ChatMessage | undefined;
      return message?.content === 'final text' ? true : undefined;
    });
    await deliver({
      type: 'message',
      subtype: 'message_deleted',
      hidden: true,
      channel: CHANNEL,
      ts: slackTs(2),
      deleted_ts: ts,
      previous_message: { type: 'message', user: 'U0ALICE', text: 'final text', ts },
    });
    await eventually('the deletion on chat', async () => {
      const res = await chat.get(`/messages/${mirrored.id}`);
      return res.status === 400 ? true : undefined;
    });
  });
});
