import { Database } from '../../apps/server/src/database/database.service';
import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, fails, ok } from './api-fixtures';

describe('bridge health reports', () => {
  let server: TestServer;
  let admin: TestUser;
  let member: TestUser;
  let ircBot: TestUser;
  let xmppBot: TestUser;

  const report = {
    protocol: 'irc',
    remote_state: 'connected',
    chat_connected: true,
    queue_to_chat: 0,
    queue_to_remote: 3,
    last_message_to_chat: 1_767_225_600,
    last_message_to_remote: null,
    mappings: [
      { remote: '#dev', stream: 'dev', joined: true },
      { remote: '#ops', stream: 'ops', topic: 'alerts', joined: false },
    ],
    report_interval: 60,
  };

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    member = await server.createUser();
    ircBot = await createBot(server, admin, 'irc-bridge');
    xmppBot = await createBot(server, admin, 'xmpp-bridge');
  });
  afterAll(() => server.stop());

  const listAs = async (user: TestUser) =>
    (await ok(server.client(user).get('/bridges'))).bridges as Array<Record<string, unknown>>;

  it('stores what each bridge reports, the newest report replacing the last, for admins to list', async () => {
    await ok(server.client(ircBot).post('/bridges/health', report));
    await ok(
      server.client(xmppBot).post('/bridges/health', {
        ...report,
        protocol: 'jabber',
        remote_state: 'connecting',
        chat_connected: false,
        queue_to_remote: 0,
        mappings: [{ remote: 'lobby@conference.example.com', stream: 'lobby/xmpp', joined: false }],
      }),
    );
    await ok(server.client(ircBot).post('/bridges/health', { ...report, queue_to_remote: 0 }));

    const listed = await listAs(admin);
    expect(listed).toHaveLength(2);
    const irc = listed.find((b) => b.bot_id === ircBot.id);
    expect(irc).toEqual({
      bot_id: ircBot.id,
      bot_email: ircBot.email,
      bot_full_name: 'Bot irc-bridge',
      protocol: 'irc',
      remote_state: 'connected',
      chat_connected: true,
      queue_to_chat: 0,
      queue_to_remote: 0,
      last_message_to_chat: 1_767_225_600,
      last_message_to_remote: null,
      mappings: report.mappings,
      report_interval: 60,
      reported_at: expect.any(Number),
      stale: false,
    });
    expect(Math.abs((irc?.reported_at as number) - Date.now() / 1000)).toBeLessThan(120);
    expect(listed.find((b) => b.bot_id === xmppBot.id)).toMatchObject({
      protocol: 'jabber',
      remote_state: 'connecting',
      chat_connected: false,
    });
    // The owner is an administrator too.
    expect(await listAs(server.owner)).toHaveLength(2);
  });

  it('marks a bridge that stopped reporting as stale', async () => {
    await ok(server.client(ircBot).post('/bridges/health', report));
    // Three intervals ago: the bridge missed two reports.
    await server.app
      .get(Database)
      .execute(
        `UPDATE bridge_health SET reported_at = now() - interval '180 seconds' WHERE bot_id = $1`,
        [ircBot.id],
      );
    const listed = await listAs(admin);
    expect(listed.find((b) => b.bot_id === ircBot.id)).toMatchObject({ stale: true });
    expect(listed.find((b) => b.bot_id === xmppBot.id)).toMatchObject({ stale: false });
    await ok(server.client(ircBot).post('/bridges/health', report));
    expect((await listAs(admin)).find((b) => b.bot_id === ircBot.id)).toMatchObject({
      stale: false,
    });
  });

  it('lists bridges to administrators only, and takes reports from bots only', async () => {
    for (const user of [member, ircBot]) {
      await fails(
        server.client(user).get('/bridges'),
        403,
        'Must be an organization administrator',
      );
    }
    for (const user of [member, admin]) {
      await fails(
        server.client(user).post('/bridges/health', report),
        403,
        'Only bots can report bridge health',
      );
    }
    await fails(server.client(ircBot).post('/bridges/health', {}), 400, /protocol/);
  });

  it('refuses malformed reports with a clear error', async () => {
    const bot = server.client(ircBot);
    await fails(
      bot.post('/bridges/health', { ...report, remote_state: 'sleeping' }),
      400,
      /remote_state/,
    );
    await fails(
      bot.post('/bridges/health', { ...report, protocol: 'IRC bridge' }),
      400,
      /protocol/,
    );
    await fails(
      bot.post('/bridges/health', { ...report, queue_to_chat: -1 }),
      400,
      /queue_to_chat/,
    );
    await fails(
      bot.post('/bridges/health', { ...report, report_interval: 1 }),
      400,
      /report_interval/,
    );
    await fails(
      bot.post('/bridges/health', { ...report, mappings: [{ remote: '#dev' }] }),
      400,
      /mappings|stream/,
    );
    await fails(bot.post('/bridges/health', { ...report, mappings: 'not json' }), 400, /mappings/);
  });
});
