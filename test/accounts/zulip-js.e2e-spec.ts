import * as fs from 'node:fs';
import * as path from 'node:path';
import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

/** The parts of zulip-js (an untyped CommonJS package) this suite drives. */
interface ZulipJsClient {
  config: { apiKey: string };
  users: {
    me: { getProfile(): Promise<Record<string, unknown>> };
    retrieve(params?: Record<string, unknown>): Promise<Record<string, unknown>>;
    create(params: Record<string, unknown>): Promise<Record<string, unknown>>;
  };
  server: { settings(): Promise<Record<string, unknown>> };
}
type ZulipJs = (config: Record<string, string>) => Promise<ZulipJsClient>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const zulip = require('zulip-js') as ZulipJs;

describe('the real zulip-js package against the server', () => {
  let server: TestServer;
  let admin: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator, fullName: 'Ada Admin' });
  });
  afterAll(() => server.stop());

  it('logs in with username and password, then reads the profile, users and settings', async () => {
    const client = await zulip({
      username: admin.email,
      password: admin.password,
      realm: server.url,
    });
    expect(client.config.apiKey).toBe(admin.apiKey);

    const me = await client.users.me.getProfile();
    expect(me).toMatchObject({
      result: 'success',
      user_id: admin.id,
      email: admin.email,
      full_name: 'Ada Admin',
      is_admin: true,
      role: Role.Administrator,
    });

    const users = await client.users.retrieve({ client_gravatar: true });
    expect(users.result).toBe('success');
    const emails = (users.members as { email: string }[]).map((m) => m.email);
    expect(emails).toEqual(expect.arrayContaining([admin.email, server.owner.email]));

    const settings = await client.server.settings();
    expect(settings).toMatchObject({
      result: 'success',
      zulip_version: expect.any(String),
      realm_name: 'Test Org',
    });
  });

  it('creates a user with users.create and reads a bot zuliprc', async () => {
    const client = await zulip({
      username: admin.email,
      password: admin.password,
      realm: server.url,
    });
    const created = await client.users.create({
      email: 'js-made@example.com',
      password: 'lantern river copper window',
      full_name: 'Js Made',
      short_name: 'jsmade',
    });
    expect(created).toMatchObject({ result: 'success', user_id: expect.any(Number) });

    const bot = await server
      .client(admin)
      .post('/bots', { full_name: 'Js Bot', short_name: 'jsbot' });
    const rc = await server.client(admin).get(`/bots/${bot.body.user_id}/zuliprc`);
    const file = path.join(server.config.dataDir, 'jsbot.zuliprc');
    fs.writeFileSync(file, String(rc.body.zuliprc).replace('http://localhost', server.url));
    const botClient = await zulip({ zuliprc: file });
    const profile = await botClient.users.me.getProfile();
    expect(profile).toMatchObject({ email: 'jsbot-bot@localhost', is_bot: true });
  });
});
