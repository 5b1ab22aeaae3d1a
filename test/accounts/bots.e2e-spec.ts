import { parse } from 'ini';
import { BotType, Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

type Bot = Record<string, unknown>;

describe('bots API', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice' });
    bob = await server.createUser({ fullName: 'Bob' });
  });
  afterAll(() => server.stop());

  const createBot = (owner: TestUser, params: Record<string, string | number | object>) =>
    server.client(owner).post('/bots', params);

  it('creates a generic bot with a -bot@ address that can use the API', async () => {
    const res = await createBot(alice, { full_name: 'Generic Helper', short_name: 'generic' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user_id: expect.any(Number),
      email: 'generic-bot@localhost',
      api_key: expect.stringMatching(/^[A-Za-z0-9]{32}$/),
      default_all_public_streams: false,
    });
    const me = await server
      .client({ email: 'generic-bot@localhost', apiKey: String(res.body.api_key) })
      .get('/users/me');
    expect(me.body).toMatchObject({
      is_bot: true,
      bot_type: BotType.Generic,
      bot_owner_id: alice.id,
    });
  });

  it('creates an outgoing webhook bot with its payload URL, interface and a token', async () => {
    const res = await createBot(alice, {
      full_name: 'Outgoing',
      short_name: 'outgoing',
      bot_type: BotType.OutgoingWebhook,
      payload_url: JSON.stringify('https://hooks.example.com/zulip'),
      interface_type: 2,
    });
    expect(res.status).toBe(200);
    const list = await server.client(alice).get('/bots');
    const bot = (list.body.bots as Bot[]).find((b) => b.user_id === res.body.user_id);
    expect(bot).toMatchObject({
      bot_type: 3,
      owner: alice.email,
      services: [
        { base_url: 'https://hooks.example.com/zulip', interface: 2, token: expect.any(String) },
      ],
    });
    const missingUrl = await createBot(alice, {
      full_name: 'No Url',
      short_name: 'nourl',
      bot_type: 3,
    });
    expect(missingUrl.status).toBe(400);
    expect(missingUrl.body.code).toBe('REQUEST_VARIABLE_MISSING');
    const badUrl = await createBot(alice, {
      full_name: 'Bad Url',
      short_name: 'badurl',
      bot_type: 3,
      payload_url: 'ftp://x',
    });
    expect(badUrl.status).toBe(400);
  });

  it('creates an embedded bot with its service name and config data', async () => {
    const res = await createBot(alice, {
      full_name: 'Converter',
      short_name: 'converter',
      bot_type: BotType.Embedded,
      service_name: 'converter',
      config_data: { units: 'metric' },
    });
    expect(res.status).toBe(200);
    const patched = await server
      .client(alice)
      .patch(`/bots/${res.body.user_id}`, { config_data: { precision: '2' } });
    expect(patched.body.config_data).toEqual({ units: 'metric', precision: '2' });
    const unknown = await createBot(alice, {
      full_name: 'Nope',
      short_name: 'nope',
      bot_type: 4,
      service_name: 'rm-rf',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.msg).toMatch(/service_name/);
  });

  it('limits an incoming webhook bot to sending messages (and /users/me)', async () => {
    const res = await createBot(alice, {
      full_name: 'Incoming',
      short_name: 'incoming',
      bot_type: 2,
    });
    const creds = { email: String(res.body.email), apiKey: String(res.body.api_key) };
    const me = await server.client(creds).get('/users/me');
    expect(me.status).toBe(200);
    expect(me.body.bot_type).toBe(BotType.IncomingWebhook);
    const users = await server.client(creds).get('/users');
    expect(users.status).toBe(403);
    expect(users.body.msg).toMatch(/not available to incoming webhook bots/);
  });

  it('refuses bots creating bots, and bots logging in with a password', async () => {
    const res = await createBot(alice, { full_name: 'Parent', short_name: 'parent' });
    const creds = { email: String(res.body.email), apiKey: String(res.body.api_key) };
    const child = await server
      .client(creds)
      .post('/bots', { full_name: 'Child', short_name: 'child' });
    expect(child.status).toBe(403);
    expect(child.body.msg).toBe('Bots cannot create bots');
    const login = await server
      .client()
      .post('/fetch_api_key', { username: creds.email, password: 'anything at all' });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('AUTHENTICATION_FAILED');
  });

  it('refuses guests and duplicate names', async () => {
    const guest = await server.createUser({ role: Role.Guest });
    expect((await createBot(guest, { full_name: 'G', short_name: 'g' })).status).toBe(403);
    await createBot(alice, { full_name: 'Twin', short_name: 'twin1' });
    const twin = await createBot(bob, { full_name: 'twin', short_name: 'twin2' });
    expect(twin.body.msg).toBe('Name is already in use!');
    const taken = await createBot(bob, { full_name: 'Other Twin', short_name: 'twin1' });
    expect(taken.status).toBe(400);
    expect(taken.body.msg).toMatch(/already in use/);
  });

  it('shows each user their own bots and admins all of them', async () => {
    await createBot(bob, { full_name: 'Bobs Bot', short_name: 'bobsbot' });
    const mine = (await server.client(bob).get('/bots')).body.bots as Bot[];
    expect(mine.every((b) => b.owner_id === bob.id)).toBe(true);
    expect(mine.map((b) => b.full_name)).toContain('Bobs Bot');
    const all = (await server.client(server.owner).get('/bots')).body.bots as Bot[];
    expect(all.map((b) => b.full_name)).toEqual(
      expect.arrayContaining(['Bobs Bot', 'Generic Helper']),
    );
  });

  it('edits, hands over, rotates and deactivates a bot; strangers may not', async () => {
    const res = await createBot(alice, { full_name: 'Editable', short_name: 'editable' });
    const id = Number(res.body.user_id);
    expect((await server.client(bob).patch(`/bots/${id}`, { full_name: 'Hijack' })).status).toBe(
      403,
    );
    const renamed = await server.client(alice).patch(`/bots/${id}`, { full_name: 'Edited' });
    expect(renamed.body).toMatchObject({ full_name: 'Edited', bot_owner_id: alice.id });
    const badOwner = await server.client(alice).patch(`/bots/${id}`, { bot_owner_id: id });
    expect(badOwner.body.msg).toBe("Failed to change owner, bots can't own other bots");
    const moved = await server.client(alice).patch(`/bots/${id}`, { bot_owner_id: bob.id });
    expect(moved.body.bot_owner_id).toBe(bob.id);

    const rotated = await server.client(bob).post(`/bots/${id}/api_key/regenerate`);
    expect(rotated.status).toBe(200);
    const old = await server
      .client({ email: String(res.body.email), apiKey: String(res.body.api_key) })
      .get('/users/me');
    expect(old.status).toBe(401);
    const fresh = { email: String(res.body.email), apiKey: String(rotated.body.api_key) };
    expect((await server.client(fresh).get('/users/me')).status).toBe(200);

    expect((await server.client(alice).delete(`/bots/${id}`)).status).toBe(403);
    expect((await server.client(bob).delete(`/bots/${id}`)).status).toBe(200);
    expect((await server.client(fresh).get('/users/me')).body.code).toBe('USER_DEACTIVATED');
    expect((await server.client(bob).delete('/bots/abc')).status).toBe(400);
  });

  it('hands out a ready .zuliprc for a bot', async () => {
    const res = await createBot(alice, { full_name: 'Rc Bot', short_name: 'rcbot' });
    const got = await server.client(alice).get(`/bots/${res.body.user_id}/zuliprc`);
    expect(got.status).toBe(200);
    const text = String(got.body.zuliprc);
    expect(text).toBe(
      `[api]\nemail=rcbot-bot@localhost\nkey=${res.body.api_key}\nsite=http://localhost\n`,
    );
    expect(parse(text).api).toEqual({
      email: 'rcbot-bot@localhost',
      key: res.body.api_key,
      site: 'http://localhost',
    });
    expect((await server.client(bob).get(`/bots/${res.body.user_id}/zuliprc`)).status).toBe(403);
    const hook = await createBot(alice, {
      full_name: 'Rc Hook',
      short_name: 'rchook',
      bot_type: 3,
      payload_url: 'https://h.example.com/',
    });
    const hookRc = await server.client(alice).get(`/bots/${hook.body.user_id}/zuliprc`);
    expect(parse(String(hookRc.body.zuliprc)).api.token).toMatch(/^[A-Za-z0-9]{32}$/);
    const byAdmin = await server.client(server.owner).get(`/bots/${hook.body.user_id}/zuliprc`);
    expect(byAdmin.status).toBe(403);
  });
});
