import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { definition } from '../../bridges/irc/definition';
import { startBridge, RunningBridge } from '../../bridges/core/daemon';
import { memoryLogger } from '../../bridges/core/logger';
import { ApiClient, Credentials } from '../helpers/api-client';
import { RestartableServer } from '../gateway/helpers/restartable-server';
import { createBridgeBot, waitForChat, waitUntil } from './helpers/chat-side';
import { IrcPerson } from './helpers/irc-person';
import { Ngircd, ngircdBinary } from './helpers/ngircd';

/**
 * Connection details of the IRC bridge against a real ngircd that wants a server password:
 * password and NickServ secrets from the environment, a taken nick, joins/parts, and direct
 * messages started from IRC.
 */
const required = process.env.REQUIRE_SERVICES === '1';
const haveNgircd = ngircdBinary() !== undefined;
if (!haveNgircd && !required) {
  process.stderr.write(
    '[test] ngircd is not installed (apt-get install ngircd): skipping test/bridges/irc-connection\n',
  );
}
const describeIrc = haveNgircd || required ? describe : describe.skip;

const SERVER_PASSWORD = 'letmein';
const NETWORK = 'example.net';

describeIrc('IRC bridge connection (ngircd with a server password)', () => {
  let server: RestartableServer;
  let ircd: Ngircd;
  let owner: Credentials & { id: number };
  let ownerApi: ApiClient;
  let nickserv: IrcPerson;
  let squatter: IrcPerson;
  let bob: IrcPerson;
  let bridge: RunningBridge;
  let workDir: string;
  const logger = memoryLogger();

  beforeAll(async () => {
    if (!haveNgircd) throw new Error('REQUIRE_SERVICES=1 but ngircd is not installed');
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-irc-conn-'));
    server = await RestartableServer.create();
    await server.start();
    ({ owner } = await server.seed());
    ownerApi = server.client(owner);
    await ownerApi.post('/users/me/subscriptions', { subscriptions: [{ name: 'lobby' }] });
    const bot = await createBridgeBot(server, ownerApi, 'ircconn');

    ircd = await Ngircd.create({ password: SERVER_PASSWORD });
    // ngircd has no services: a person takes the NickServ nick and records what it is told.
    nickserv = await IrcPerson.connect(ircd.port, 'NickServ', SERVER_PASSWORD);
    squatter = await IrcPerson.connect(ircd.port, 'zhbridge', SERVER_PASSWORD);
    bob = await IrcPerson.connect(ircd.port, 'bob', SERVER_PASSWORD);
    await bob.join('#lobby');

    const file = path.join(workDir, 'irc.ini');
    fs.writeFileSync(
      file,
      [
        'data_dir = ./state',
        '[zulip]',
        `site = ${server.url}`,
        `email = ${bot.email}`,
        '[health]',
        'port = 0',
        '[reconnect]',
        'base_ms = 200',
        'cap_ms = 2000',
        '[irc]',
        'host = 127.0.0.1',
        `port = ${ircd.port}`,
        'nick = zhbridge',
        `network = ${NETWORK}`,
        'relay_joins_parts = true',
        'relay_deletes = true',
        'flood_lines_per_second = 20',
        '[channels.0]',
        'irc = "#lobby"',
        'stream = lobby',
        'topic = irc chat',
        '',
      ].join('\n'),
    );
    const loaded = definition.load(file, {
      BRIDGE_IRC_ZULIP_API_KEY: bot.apiKey,
      BRIDGE_IRC_PASSWORD: SERVER_PASSWORD,
      BRIDGE_IRC_NICKSERV_PASSWORD: 'nick secret',
    });
    expect(JSON.stringify(loaded.redacted)).not.toContain(SERVER_PASSWORD);
    bridge = await startBridge(loaded, { logger });
    await waitUntil(() => bridge.health().ok, 'the bridge to connect');
  }, 60_000);

  afterAll(async () => {
    await bridge?.stop();
    for (const person of [nickserv, squatter, bob]) person?.quit();
    await ircd?.stop();
    await server?.destroy();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('logs in with the server password under another nick when its own is taken, and identifies', async () => {
    const identify = await nickserv.waitFor((l) => l.text.startsWith('IDENTIFY'));
    expect(identify[0]).toMatchObject({ from: 'zhbridge_', text: 'IDENTIFY zhbridge nick secret' });
    await ownerApi.post('/messages', {
      type: 'stream',
      to: 'lobby',
      topic: 'irc chat',
      content: 'still relayed',
    });
    await bob.waitFor((l) => l.from === 'zhbridge_' && l.text === '<Olivia Owner> still relayed');
  });

  it('relays a chat deletion when relay_deletes is on', async () => {
    const sent = await ownerApi.post('/messages', {
      type: 'stream',
      to: 'lobby',
      topic: 'irc chat',
      content: 'oops, wrong channel',
    });
    await bob.waitFor((l) => l.text === '<Olivia Owner> oops, wrong channel');
    const deleted = await ownerApi.delete(`/messages/${sent.body.id as number}`);
    expect(deleted.body.result).toBe('success');
    await bob.waitFor(
      (l) => l.from === 'zhbridge_' && l.text === '* a message was deleted on chat',
    );
  });

  it('relays joins and parts as /me messages of the mirror user', async () => {
    const carol = await IrcPerson.connect(ircd.port, 'carol', SERVER_PASSWORD);
    await carol.join('#lobby');
    carol.part('#lobby', 'lunch');
    const lobby = [{ operator: 'stream', operand: 'lobby' }];
    const joined = await waitForChat(ownerApi, lobby, (m) => m.content === '/me joined #lobby');
    expect(joined[0]).toMatchObject({ sender_email: `carol@irc.${NETWORK}`, subject: 'irc chat' });
    const left = await waitForChat(ownerApi, lobby, (m) => m.content === '/me left #lobby (lunch)');
    expect(left).toHaveLength(1);
    carol.quit();
  });

  it('starts a DM from IRC when the nick names the chat user, and explains otherwise', async () => {
    const dave = await IrcPerson.connect(ircd.port, 'dave', SERVER_PASSWORD);
    dave.say('zhbridge_', 'hello?');
    const help = await dave.waitFor((l) => l.kind === 'notice' && l.from === 'zhbridge_');
    expect(help[0].text).toContain('Jane Doe: hello');

    dave.say('zhbridge_', 'Olivia Owner: are you there?');
    dave.say('zhbridge_', 'ping me back');
    const dms = [{ operator: 'is', operand: 'dm' }];
    const first = await waitForChat(ownerApi, dms, (m) => m.content === 'are you there?');
    expect(first[0].sender_email).toBe(`dave@irc.${NETWORK}`);
    const second = await waitForChat(ownerApi, dms, (m) => m.content === 'ping me back');
    expect(second).toHaveLength(1);
    expect(logger.entries.filter((e) => e.msg === 'message dropped')).toEqual([]);
    dave.quit();
  });
});
