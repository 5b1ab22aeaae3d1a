import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { definition } from '../../bridges/irc/definition';
import { startBridge, RunningBridge } from '../../bridges/core/daemon';
import { memoryLogger } from '../../bridges/core/logger';
import { EventsService } from '../../apps/server/src/events/queues/events.service';
import { QUEUE_STORE, QueueStore } from '../../apps/server/src/events/queues/queue-store';
import { ApiClient, Credentials } from '../helpers/api-client';
import { RestartableServer } from '../gateway/helpers/restartable-server';
import { request, uploadFile } from '../uploads/upload-client';
import {
  ChatMessage,
  chatMessages as readChat,
  createBridgeBot,
  waitForChat as waitForChatMessages,
  waitUntil,
} from './helpers/chat-side';
import { IrcPerson } from './helpers/irc-person';
import { Ngircd, ngircdBinary } from './helpers/ngircd';
import { TcpGate } from './helpers/tcp-gate';

/**
 * The IRC bridge end to end: the real chat server, a real ngircd on a loopback port, the bridge
 * (in this process, as `npm run bridge` runs it) and a second real IRC client acting as a person.
 * The bridge reaches ngircd through a TcpGate so the test decides who reconnects first.
 */
const required = process.env.REQUIRE_SERVICES === '1';
const haveNgircd = ngircdBinary() !== undefined;
if (!haveNgircd && !required) {
  process.stderr.write(
    '[test] ngircd is not installed (apt-get install ngircd): skipping test/bridges/irc\n',
  );
}
const describeIrc = haveNgircd || required ? describe : describe.skip;

const BRIDGE_NICK = 'zhbridge';
const NETWORK = 'example.net';
const ALICE_EMAIL = `alice@irc.${NETWORK}`;

describeIrc('IRC bridge (ngircd)', () => {
  let server: RestartableServer;
  let ircd: Ngircd;
  let gate: TcpGate;
  let owner: Credentials & { id: number };
  let bot: Credentials & { id: number };
  let ownerApi: ApiClient;
  let alice: IrcPerson;
  let bridge: RunningBridge;
  let workDir: string;
  const logger = memoryLogger();

  const chatMessages = (narrow: object[]) => readChat(ownerApi, narrow);
  const waitForChat = (narrow: object[], match: (m: ChatMessage) => boolean, count = 1) =>
    waitForChatMessages(ownerApi, narrow, match, count);

  async function send(stream: string, topic: string, content: string): Promise<number> {
    const res = await ownerApi.post('/messages', { type: 'stream', to: stream, topic, content });
    expect(res.body).toMatchObject({ result: 'success' });
    return res.body.id as number;
  }

  const fromBridge = (text: string) => (l: { from: string; text: string }) =>
    l.from === BRIDGE_NICK && l.text === text;

  async function startTheBridge(): Promise<RunningBridge> {
    const file = path.join(workDir, 'irc.yaml');
    fs.writeFileSync(
      file,
      [
        'data_dir: ./state',
        'zulip:',
        `  site: ${server.url}`,
        `  email: ${bot.email}`,
        'health:',
        '  port: 0',
        'reconnect:',
        '  base_ms: 200',
        '  cap_ms: 2000',
        'irc:',
        '  host: 127.0.0.1',
        `  port: ${gate.port}`,
        `  nick: ${BRIDGE_NICK}`,
        `  network: ${NETWORK}`,
        '  flood_lines_per_second: 20',
        '  flood_burst: 10',
        'channels:',
        "  - irc: '#dev'",
        '    stream: dev',
        "  - irc: '#ops'",
        '    stream: ops',
        '    topic: alerts',
        '',
      ].join('\n'),
    );
    // The key comes from the environment, as a deployment keeps it out of the file.
    const loaded = definition.load(file, { BRIDGE_IRC_ZULIP_API_KEY: bot.apiKey });
    const running = await startBridge(loaded, { logger });
    await waitUntil(() => running.health().ok, 'the bridge to connect');
    return running;
  }

  beforeAll(async () => {
    if (!haveNgircd) throw new Error('REQUIRE_SERVICES=1 but ngircd is not installed');
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-irc-'));
    server = await RestartableServer.create();
    await server.start();
    ({ owner } = await server.seed());
    ownerApi = server.client(owner);
    for (const name of ['dev', 'ops']) {
      const res = await ownerApi.post('/users/me/subscriptions', { subscriptions: [{ name }] });
      expect(res.body.result).toBe('success');
    }
    bot = await createBridgeBot(server, ownerApi, 'irc');

    ircd = await Ngircd.create();
    gate = await TcpGate.create(ircd.port);
    alice = await IrcPerson.connect(ircd.port, 'alice');
    await alice.join('#dev');
    await alice.join('#ops');
    bridge = await startTheBridge();
  }, 60_000);

  afterAll(async () => {
    if (process.env.DEBUG_BRIDGE)
      process.stderr.write(logger.entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
    await bridge?.stop();
    alice?.quit();
    await gate?.close();
    await ircd?.stop();
    await server?.destroy();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('reports both sides on /health', async () => {
    const res = await fetch(`http://127.0.0.1:${bridge.healthPort}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      protocol: 'irc',
      ok: true,
      chat: { connected: true, email: bot.email },
      remote: { state: 'connected', channelsJoined: ['#dev', '#ops'] },
      queues: { to_chat: { depth: 0 }, to_remote: { depth: 0 } },
    });
  });

  it('reports its health to the chat server, where admins list it', async () => {
    const deadline = Date.now() + 20_000;
    let listed: Array<Record<string, unknown>> = [];
    while (!listed.some((b) => b.bot_id === bot.id) && Date.now() < deadline) {
      const res = await ownerApi.get('/bridges');
      expect(res.body.result).toBe('success');
      listed = res.body.bridges as Array<Record<string, unknown>>;
      if (!listed.some((b) => b.bot_id === bot.id)) await new Promise((r) => setTimeout(r, 200));
    }
    expect(listed.find((b) => b.bot_id === bot.id)).toMatchObject({
      bot_email: bot.email,
      protocol: 'irc',
      remote_state: 'connected',
      chat_connected: true,
      queue_to_remote: 0,
      stale: false,
      mappings: [
        { remote: '#dev', stream: 'dev', joined: true },
        { remote: '#ops', stream: 'ops', topic: 'alerts', joined: true },
      ],
    });
  });

  it('relays chat messages in two topics with the topic and sender prefix', async () => {
    await send('dev', 'alpha', 'hello **world**');
    await send('dev', 'beta', 'see [the docs](https://example.com/docs)');
    await send('ops', 'alerts', 'disk full');
    await send('ops', 'chatter', 'not for IRC');
    await alice.waitFor(fromBridge('[alpha] <Olivia Owner> hello \x02world\x02'));
    await alice.waitFor(
      fromBridge('[beta] <Olivia Owner> see the docs <https://example.com/docs>'),
    );
    const ops = await alice.waitFor((l) => l.from === BRIDGE_NICK && l.target === '#ops');
    expect(ops.map((l) => l.text)).toEqual(['<Olivia Owner> disk full']);
  });

  it('posts IRC messages as the nick’s own mirror user, into the default or the named topic', async () => {
    alice.say('#dev', 'plain hi from irc');
    alice.say('#dev', '[alpha] \x02reply\x02 in alpha');
    alice.action('#dev', 'waves');
    alice.say('#ops', '[ignored] always alerts');
    const dev = [{ operator: 'stream', operand: 'dev' }];
    const plain = await waitForChat(dev, (m) => m.content === 'plain hi from irc');
    expect(plain).toHaveLength(1);
    expect(plain[0]).toMatchObject({
      subject: 'IRC',
      sender_email: ALICE_EMAIL,
      sender_full_name: 'alice (IRC)',
      client: 'irc_mirror',
    });
    const named = await waitForChat(dev, (m) => m.content === '**reply** in alpha');
    expect(named[0]).toMatchObject({ subject: 'alpha', sender_email: ALICE_EMAIL });
    const action = await waitForChat(dev, (m) => m.content === '/me waves');
    expect(action[0]).toMatchObject({ subject: 'IRC', sender_email: ALICE_EMAIL });
    const ops = await waitForChat([{ operator: 'stream', operand: 'ops' }], (m) =>
      m.content.includes('always alerts'),
    );
    expect(ops[0]).toMatchObject({ subject: 'alerts', content: '[ignored] always alerts' });
  });

  it('relays a chat edit to IRC as a correction line', async () => {
    const id = await send('dev', 'alpha', 'the meeting is at 3');
    await alice.waitFor(fromBridge('[alpha] <Olivia Owner> the meeting is at 3'));
    const res = await ownerApi.patch(`/messages/${id}`, { content: 'the meeting is at 4' });
    expect(res.body.result).toBe('success');
    await alice.waitFor(fromBridge('[alpha] <Olivia Owner> * edit: the meeting is at 4'));
  });

  it('gives IRC chat uploads as links: public ones only while the realm allows them', async () => {
    const uploaded = await uploadFile(server.url, owner, {
      name: 'log.txt',
      type: 'text/plain',
      data: Buffer.from('irc notes'),
    });
    const uri = uploaded.json().uri as string;
    await send('dev', 'alpha', `see [log.txt](${uri})`);
    await alice.waitFor(fromBridge(`[alpha] <Olivia Owner> see log.txt <${server.url}${uri}>`));

    const allow = (value: boolean) =>
      ownerApi.patch('/realm', { allow_bridged_upload_links: JSON.stringify(value) });
    expect((await allow(true)).body.result).toBe('success');
    await send('dev', 'alpha', `again [log.txt](${uri})`);
    const [line] = await alice.waitFor(
      (l) => l.from === BRIDGE_NICK && l.text.startsWith('[alpha] <Olivia Owner> again'),
    );
    const link = /<(http[^>]+)>/.exec(line.text)?.[1] ?? '';
    expect(link.startsWith(`${server.url}/user_uploads/bridged/`)).toBe(true);
    const fetched = await request(server.url, 'GET', link.slice(server.url.length));
    expect(fetched.body.toString()).toBe('irc notes');
    expect((await allow(false)).body.result).toBe('success');
  });

  it('carries direct messages both ways between a chat user and an IRC nick', async () => {
    // The mirror user exists since alice spoke; the DM includes the bridge bot, which relays it.
    const res = await ownerApi.post('/messages', {
      type: 'private',
      to: JSON.stringify([ALICE_EMAIL, bot.email]),
      content: 'psst, **alice**',
    });
    expect(res.body.result).toBe('success');
    const heard = await alice.waitFor((l) => l.from === BRIDGE_NICK && l.target === 'alice');
    expect(heard[0].text).toBe('<Olivia Owner> psst, \x02alice\x02');

    alice.say(BRIDGE_NICK, 'got it, thanks');
    const dms = await waitForChat(
      [{ operator: 'is', operand: 'dm' }],
      (m) => m.content === 'got it, thanks',
    );
    expect(dms).toHaveLength(1);
    expect(dms[0].sender_email).toBe(ALICE_EMAIL);
    const people = (dms[0].display_recipient as Array<{ email: string }>)
      .map((u) => u.email)
      .sort();
    expect(people).toEqual([ALICE_EMAIL, bot.email, owner.email].sort());
  });

  it('splits a 3,000-character multi-line message into IRC lines within 512 bytes', async () => {
    const paragraphs = Array.from({ length: 5 }, (_, p) =>
      Array.from({ length: 110 }, (_, w) => `w${p}x${w}`).join(' '),
    );
    const content = paragraphs.join('\n');
    expect(content.length).toBeGreaterThan(3000);
    await send('dev', 'long', content);
    const prefix = '[long] <Olivia Owner> ';
    const isLong = (l: { from: string; text: string }) =>
      l.from === BRIDGE_NICK && l.text.startsWith(prefix);
    await alice.waitFor((l) => isLong(l) && l.text.endsWith('w4x109'));
    const lines = alice.heard.filter(isLong).map((l) => l.text);
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) {
      // As relayed to alice, with the longest source prefix the server could put in front.
      const relayed = `:${BRIDGE_NICK}!~${BRIDGE_NICK}@${'h'.repeat(63)} PRIVMSG #dev :${line}\r\n`;
      expect(Buffer.byteLength(relayed)).toBeLessThanOrEqual(512);
    }
    const words = lines.flatMap((l) => l.slice(prefix.length).split(' '));
    expect(words).toEqual(paragraphs.flatMap((p) => p.split(' ')));
  });

  it('never loops: each message crosses once', async () => {
    await send('dev', 'loop', 'chat says once');
    alice.say('#dev', '[loop] irc says once');
    await alice.waitFor(fromBridge('[loop] <Olivia Owner> chat says once'));
    await waitForChat(
      [{ operator: 'stream', operand: 'dev' }],
      (m) => m.content === 'irc says once',
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect(alice.heard.filter((l) => l.text.includes('chat says once'))).toHaveLength(1);
    expect(
      alice.heard.filter((l) => l.text.includes('irc says once') && l.from === BRIDGE_NICK),
    ).toEqual([]);
    const chat = await chatMessages([{ operator: 'stream', operand: 'dev' }]);
    expect(chat.filter((m) => m.content.includes('chat says once'))).toHaveLength(1);
    expect(chat.filter((m) => m.content.includes('irc says once'))).toHaveLength(1);
  });

  it('delivers all 20 chat messages once, in order, across an ngircd kill and restart', async () => {
    const body = (n: number) => `[restart] <Olivia Owner> restart message ${n}`;
    for (let n = 1; n <= 5; n++) await send('dev', 'restart', `restart message ${n}`);
    await alice.waitFor(fromBridge(body(5)));
    // Killed between messages: a kill landing after the server took a line but before its PONG
    // reached the bridge would make that one message cross twice (at-least-once, see README).
    await waitUntil(() => bridge.health().queues.to_remote.depth === 0, 'the acknowledgement');

    await ircd.kill();
    gate.setOpen(false);
    await waitUntil(() => bridge.health().remote.state !== 'connected', 'the bridge to notice');
    for (let n = 6; n <= 20; n++) await send('dev', 'restart', `restart message ${n}`);
    await waitUntil(() => bridge.health().queues.to_remote.depth === 15, '15 queued messages');

    await ircd.start();
    // Alice connects again (her old connection died with the server), joined before the bridge.
    const aliceAgain = await IrcPerson.connect(ircd.port, 'alice');
    await aliceAgain.join('#dev');
    gate.setOpen(true);
    await aliceAgain.waitFor(fromBridge(body(20)), 1, 30_000);
    await new Promise((r) => setTimeout(r, 1000));

    const before = alice.heard.filter((l) => l.text.includes('restart message')).map((l) => l.text);
    const after = aliceAgain.heard
      .filter((l) => l.text.includes('restart message'))
      .map((l) => l.text);
    expect([...before, ...after]).toEqual(Array.from({ length: 20 }, (_, i) => body(i + 1)));
    expect(bridge.health()).toMatchObject({
      ok: true,
      remote: { channelsJoined: ['#dev', '#ops'] },
      queues: { to_remote: { depth: 0, dropped: { queue_full: 0, too_old: 0, undeliverable: 0 } } },
    });
    alice.quit();
    alice = aliceAgain;
  });

  it('loses and duplicates nothing across a forced event-queue expiry and a chat server restart', async () => {
    const body = (n: number) => `[durable] <Olivia Owner> durable ${n}`;
    await send('dev', 'durable', 'durable 1');
    await alice.waitFor(fromBridge(body(1)));

    // Expiry: the server drops the bridge's event queue; messages sent meanwhile are caught up.
    const store = server.running.get<QueueStore>(QUEUE_STORE);
    const events = server.running.get(EventsService);
    const queues = await store.targets([bot.id]);
    expect(queues.length).toBeGreaterThan(0);
    for (const { queueId } of queues) await events.deleteQueue(bot.id, queueId);
    await send('dev', 'durable', 'durable 2');
    await send('dev', 'durable', 'durable 3');
    await alice.waitFor(fromBridge(body(3)));

    // Restart: the server goes away (its in-memory queues with it) while both sides talk.
    await send('dev', 'durable', 'durable 4');
    await server.stop();
    alice.say('#dev', '[durable] said while chat was down');
    // The line waits in the bridge; /health shows the chat side down meanwhile.
    await waitUntil(
      () => !bridge.health().chat.connected && bridge.health().queues.to_chat.depth === 1,
      '/health to report chat down with the line queued',
    );
    expect(bridge.health()).toMatchObject({ ok: false, queues: { to_chat: { depth: 1 } } });
    await server.start();
    await send('dev', 'durable', 'durable 5');
    await send('dev', 'durable', 'durable 6');
    await alice.waitFor(fromBridge(body(6)), 1, 30_000);
    const down = await waitForChat(
      [{ operator: 'stream', operand: 'dev' }],
      (m) => m.content === 'said while chat was down',
    );
    expect(down).toHaveLength(1);
    expect(down[0]).toMatchObject({ subject: 'durable', sender_email: ALICE_EMAIL });

    await new Promise((r) => setTimeout(r, 1500));
    const heard = alice.heard.filter((l) => l.text.includes('> durable ')).map((l) => l.text);
    expect(heard).toEqual([1, 2, 3, 4, 5, 6].map(body));
    const chat = await chatMessages([{ operator: 'stream', operand: 'dev' }]);
    expect(chat.filter((m) => m.content === 'said while chat was down')).toHaveLength(1);
  });

  it('rejoins after a kick and relays again', async () => {
    // Alice joined #dev first after the restart, so she is its operator.
    alice.kick('#dev', BRIDGE_NICK, 'testing');
    await waitUntil(() => !bridge.health().remote.channelsJoined.includes('#dev'), 'the kick');
    await send('dev', 'kick', 'after the kick');
    await alice.waitFor(fromBridge('[kick] <Olivia Owner> after the kick'));
    expect(bridge.health().remote.channelsJoined).toEqual(['#dev', '#ops']);
  });

  it('flushes and stops on request, leaving IRC', async () => {
    const result = await bridge.stop();
    expect(result.flushed).toBe(true);
    expect(bridge.health().remote.state).toBe('stopped');
    expect(logger.entries.some((e) => e.msg === 'bridge stopped')).toBe(true);
    expect(logger.entries.filter((e) => e.msg === 'message dropped')).toEqual([]);
  });
});
