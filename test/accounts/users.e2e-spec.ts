import { Role } from '../../apps/server/src/identity/user.types';
import { createServerApp } from '../../apps/server/src/bootstrap';
import { eventually } from '../events/event-fixtures';
import { ApiClient } from '../helpers/api-client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

type Member = Record<string, unknown>;

describe('users API', () => {
  let server: TestServer;
  let admin: TestUser;
  let member: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator, fullName: 'Ada Admin' });
    member = await server.createUser({ fullName: 'Max Member' });
  });
  afterAll(() => server.stop());

  it('lists users in Zulip shape, hiding delivery_email from members', async () => {
    const res = await server.client(member).get('/users', { client_gravatar: false });
    expect(res.status).toBe(200);
    const members = res.body.members as Member[];
    const owner = members.find((m) => m.user_id === server.owner.id);
    expect(owner).toMatchObject({
      email: server.owner.email,
      full_name: 'Olivia Owner',
      role: Role.Owner,
      is_owner: true,
      is_admin: true,
      is_guest: false,
      is_bot: false,
      is_active: true,
      delivery_email: null,
      timezone: '',
    });
    expect(String(owner?.avatar_url)).toMatch(
      /^https:\/\/secure\.gravatar\.com\/avatar\/[0-9a-f]{32}/,
    );
    expect(new Date(String(owner?.date_joined)).toISOString()).toBe(owner?.date_joined);
    const asAdmin = await server
      .client(admin)
      .get('/users', { include_custom_profile_fields: true });
    const seen = (asAdmin.body.members as Member[]).find((m) => m.user_id === member.id);
    expect(seen).toMatchObject({
      delivery_email: member.email,
      avatar_url: null,
      profile_data: {},
    });
  });

  it('keeps the realm user list current in every process sharing the database', async () => {
    // A second server process on the same database, as a scaled-out installation runs.
    const other = await createServerApp(server.config);
    await other.listen(0, '127.0.0.1');
    const otherUrl = `http://127.0.0.1:${(other.getHttpServer().address() as { port: number }).port}`;
    const fromOther = (user: TestUser) => new ApiClient(otherUrl, user);
    try {
      const listed = async (api: ApiClient, id: number) =>
        ((await api.get('/users')).body.members as Member[]).find((m) => m.user_id === id);
      const registered = async (api: ApiClient, id: number) => {
        const state = (await api.post('/register', { fetch_event_types: ['realm_user'] })).body;
        return (state.realm_users as Member[]).find((m) => m.user_id === id);
      };
      // Another process learns of a change through PostgreSQL's NOTIFY, which it reads from its
      // own connection: a request arriving in the same instant may still be served the old list.
      // Both processes have the list cached before the changes.
      await listed(server.client(member), member.id);
      await listed(fromOther(member), member.id);

      const created = await server.client(admin).post('/users', {
        email: 'cached@example.com',
        password: 'violet kettle drums at noon',
        full_name: 'Cara Cached',
      });
      const id = Number(created.body.user_id);
      await eventually(async () =>
        expect(await listed(fromOther(member), id)).toMatchObject({ full_name: 'Cara Cached' }),
      );
      expect(await registered(fromOther(member), id)).toMatchObject({ full_name: 'Cara Cached' });

      await server.client(admin).patch(`/users/${id}`, { full_name: 'Cara Renamed' });
      await eventually(async () =>
        expect(await listed(fromOther(member), id)).toMatchObject({ full_name: 'Cara Renamed' }),
      );
      expect(await listed(server.client(member), id)).toMatchObject({ full_name: 'Cara Renamed' });

      await fromOther(admin).delete(`/users/${id}`);
      await eventually(async () =>
        expect(await listed(server.client(member), id)).toMatchObject({ is_active: false }),
      );
      expect(await registered(server.client(member), id)).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it('serves /users/me, /users/{id} and /users/{email}', async () => {
    const me = await server.client(member).get('/users/me');
    expect(me.body).toMatchObject({
      user_id: member.id,
      email: member.email,
      delivery_email: member.email,
      full_name: 'Max Member',
      role: Role.Member,
      max_message_id: -1,
    });
    const byId = await server.client(member).get(`/users/${admin.id}`);
    expect(byId.body.user).toMatchObject({ user_id: admin.id, is_admin: true, role: 200 });
    const byEmail = await server.client(member).get(`/users/${encodeURIComponent(admin.email)}`);
    expect(byEmail.body.user).toMatchObject({ user_id: admin.id });
    const missing = await server.client(member).get('/users/999999');
    expect(missing.status).toBe(400);
    expect(missing.body.msg).toBe('No such user');
  });

  it('lets admins rename users and change roles; only owners grant ownership', async () => {
    const target = await server.createUser();
    const renamed = await server
      .client(admin)
      .patch(`/users/${target.id}`, { full_name: 'Renamed Person', role: Role.Moderator }, 'query');
    expect(renamed.status).toBe(200);
    const after = await server.client(admin).get(`/users/${target.id}`);
    expect(after.body.user).toMatchObject({ full_name: 'Renamed Person', role: Role.Moderator });

    const byMember = await server.client(member).patch(`/users/${target.id}`, { full_name: 'X' });
    expect(byMember.status).toBe(403);
    const ownerByAdmin = await server.client(admin).patch(`/users/${target.id}`, { role: 100 });
    expect(ownerByAdmin.status).toBe(403);
    expect(ownerByAdmin.body.msg).toBe('Must be an organization owner');
    const badRole = await server.client(admin).patch(`/users/${target.id}`, { role: 250 });
    expect(badRole.status).toBe(400);
    const ownerByOwner = await server
      .client(server.owner)
      .patch(`/users/${target.id}`, { role: 100 });
    expect(ownerByOwner.status).toBe(200);
    expect((await server.client(target).get('/users/me')).body.is_owner).toBe(true);
    const demoted = await server.client(server.owner).patch(`/users/${target.id}`, { role: 400 });
    expect(demoted.status).toBe(200);
  });

  it('refuses to deactivate or demote the last owner', async () => {
    const res = await server.client(server.owner).delete(`/users/${server.owner.id}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CANNOT_DEACTIVATE_LAST_USER');
    const demote = await server
      .client(server.owner)
      .patch(`/users/${server.owner.id}`, { role: Role.Administrator });
    expect(demote.body.code).toBe('CANNOT_DEACTIVATE_LAST_USER');
    const byAdmin = await server.client(admin).delete(`/users/${server.owner.id}`);
    expect(byAdmin.status).toBe(403);
    expect((await server.client(server.owner).get('/users/me')).status).toBe(200);
  });

  it('deactivates (admins only) with bots cascading, and reactivates', async () => {
    const person = await server.createUser();
    const bot = await server
      .client(person)
      .post('/bots', { full_name: 'Helper', short_name: 'helper' });
    const botId = Number(bot.body.user_id);
    expect((await server.client(member).delete(`/users/${person.id}`)).status).toBe(403);
    expect((await server.client(admin).delete(`/users/${person.id}`)).status).toBe(200);
    const listed = await server.client(admin).get(`/users/${botId}`);
    expect(listed.body.user).toMatchObject({
      is_active: false,
      is_bot: true,
      bot_owner_id: person.id,
    });
    const again = await server.client(admin).delete(`/users/${person.id}`);
    expect(again.status).toBe(400);

    const back = await server.client(admin).post(`/users/${person.id}/reactivate`);
    expect(back.status).toBe(200);
    expect((await server.client(person).get('/users/me')).status).toBe(200);
    expect((await server.client(admin).get(`/users/${botId}`)).body.user).toMatchObject({
      is_active: false,
    });
    expect((await server.client(admin).post(`/users/${botId}/reactivate`)).status).toBe(200);
  });

  it('lets admins create users, checking password strength and saying why it is weak', async () => {
    const weak = await server
      .client(admin)
      .post('/users', { email: 'new1@example.com', password: 'password', full_name: 'New One' });
    expect(weak.status).toBe(400);
    expect(weak.body.msg).toMatch(/password is too weak/i);
    const short = await server
      .client(admin)
      .post('/users', { email: 'new1@example.com', password: 'x1', full_name: 'New One' });
    expect(short.body.msg).toMatch(/too short: use at least 8 characters/);
    const ok = await server.client(admin).post('/users', {
      email: 'new1@example.com',
      password: 'violet kettle drums at noon',
      full_name: 'New One',
      short_name: 'ignored',
    });
    expect(ok.status).toBe(200);
    expect(typeof ok.body.user_id).toBe('number');
    const login = await server.client().post('/fetch_api_key', {
      username: 'new1@example.com',
      password: 'violet kettle drums at noon',
    });
    expect(login.body.user_id).toBe(ok.body.user_id);
    const dup = await server.client(admin).post('/users', {
      email: 'NEW1@example.com',
      password: 'violet kettle drums at noon',
      full_name: 'Again',
    });
    expect(dup.status).toBe(400);
    const byMember = await server.client(member).post('/users', {
      email: 'new2@example.com',
      password: 'violet kettle drums at noon',
      full_name: 'New Two',
    });
    expect(byMember.status).toBe(403);
  });

  it('rotates the API key: the old one stops working', async () => {
    const person = await server.createUser();
    const res = await server.client(person).post('/users/me/api_key/regenerate');
    expect(res.status).toBe(200);
    const newKey = String(res.body.api_key);
    expect(newKey).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(newKey).not.toBe(person.apiKey);
    const old = await server.client(person).get('/users/me');
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('INVALID_API_KEY');
    const fresh = await server.client({ email: person.email, apiKey: newKey }).get('/users/me');
    expect(fresh.status).toBe(200);
  });

  it('changes own settings: name, time zone, and password with the old one', async () => {
    const person = await server.createUser();
    const client = server.client(person);
    const named = await client.patch('/settings', {
      full_name: 'Fresh Name',
      timezone: 'Europe/Paris',
    });
    expect(named.status).toBe(200);
    expect(named.body.full_name).toBe('Fresh Name');
    expect((await client.get('/users/me')).body).toMatchObject({
      full_name: 'Fresh Name',
      timezone: 'Europe/Paris',
    });
    expect((await client.patch('/settings', { timezone: 'Mars/Olympus' })).status).toBe(400);
    const wrongOld = await client.patch('/settings', {
      old_password: 'not it',
      new_password: 'another quite strong passphrase',
    });
    expect(wrongOld.body.msg).toBe('Wrong password!');
    const weak = await client.patch('/settings', {
      old_password: person.password,
      new_password: 'abcabcabc',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.msg).toMatch(/too weak/);
    const ok = await client.patch('/settings', {
      old_password: person.password,
      new_password: 'another quite strong passphrase',
    });
    expect(ok.status).toBe(200);
    const login = await server.client().post('/fetch_api_key', {
      username: person.email,
      password: 'another quite strong passphrase',
    });
    expect(login.status).toBe(200);
  });

  it('keeps display settings (time format, color scheme) and tells the person’s other clients', async () => {
    const person = await server.createUser();
    const client = server.client(person);
    const queue = await client.post('/register', { event_types: ['user_settings'] });
    expect(queue.body.user_settings).toMatchObject({
      twenty_four_hour_time: false,
      color_scheme: 1,
    });
    const changed = await client.patch('/settings', {
      twenty_four_hour_time: true,
      color_scheme: 2,
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ twenty_four_hour_time: true, color_scheme: 2 });
    const events = await client.get('/events', {
      queue_id: String(queue.body.queue_id),
      last_event_id: -1,
    });
    expect(events.body.events).toEqual([
      expect.objectContaining({
        type: 'user_settings',
        op: 'update',
        property: 'twenty_four_hour_time',
        value: true,
      }),
      expect.objectContaining({ type: 'user_settings', property: 'color_scheme', value: 2 }),
    ]);
    const again = await client.post('/register', { event_types: ['user_settings'] });
    expect(again.body.user_settings).toMatchObject({
      twenty_four_hour_time: true,
      color_scheme: 2,
    });
    const bad = await client.patch('/settings', { color_scheme: 7 });
    expect(bad.status).toBe(400);
  });
});
