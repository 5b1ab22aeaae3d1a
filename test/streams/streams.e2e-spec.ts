import { StreamsService } from '../../apps/server/src/streams/streams.service';
import { SUBSCRIPTION_COLORS } from '../../apps/server/src/streams/stream.types';
import { Role } from '../../apps/server/src/identity/user.types';
import { requestWithHost } from '../helpers/host-request';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, expectError, expectSuccess, streamNames, subscribe } from './stream-helpers';

interface ApiSubscription {
  stream_id: number;
  name: string;
  color: string;
  is_muted: boolean;
  in_home_view: boolean;
  pin_to_top: boolean;
  subscribers?: number[];
  [key: string]: unknown;
}

describe('streams and subscriptions', () => {
  let server: TestServer;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    member = await server.createUser();
  });
  afterAll(() => server.stop());

  async function subscriptionsOf(user: TestUser, params = {}): Promise<ApiSubscription[]> {
    const res = await server.client(user).get('/users/me/subscriptions', params);
    expectSuccess(res);
    return res.body.subscriptions as ApiSubscription[];
  }

  async function idOf(name: string, user = admin): Promise<number> {
    const res = await server.client(user).get('/get_stream_id', { stream: name });
    expectSuccess(res);
    return res.body.stream_id as number;
  }

  it('creates missing streams on subscribe, in Zulip shape, keyed by email', async () => {
    const client = server.client(member);
    const created = await client.post('/users/me/subscriptions', {
      subscriptions: [{ name: ' design ', description: 'Pixels & <b>fonts</b>' }],
    });
    expectSuccess(created);
    expect(created.body).toMatchObject({
      subscribed: { [member.email]: ['design'] },
      already_subscribed: {},
    });
    expect(created.body).not.toHaveProperty('unauthorized');
    const again = await subscribe(client, ['DESIGN']);
    expect(again.body).toMatchObject({
      subscribed: {},
      already_subscribed: { [member.email]: ['design'] },
    });

    const res = await client.get(`/streams/${await idOf('design')}`);
    expect(res.body.stream).toMatchObject({
      name: 'design',
      description: 'Pixels & <b>fonts</b>',
      rendered_description: '<p>Pixels &amp; &lt;b&gt;fonts&lt;/b&gt;</p>',
      invite_only: false,
      is_web_public: false,
      history_public_to_subscribers: true,
      stream_post_policy: 1,
      creator_id: member.id,
      is_default: false,
      stream_weekly_traffic: null,
    });
    const created_at = res.body.stream as { date_created: number };
    expect(Math.abs(created_at.date_created - Date.now() / 1000)).toBeLessThan(60);
  });

  it('survives many clients creating the same stream at once', async () => {
    const users = await Promise.all([1, 2, 3, 4, 5].map(() => server.createUser()));
    const replies = await Promise.all(
      users.map((u) =>
        server.client(u).post('/users/me/subscriptions', { subscriptions: [{ name: 'rush' }] }),
      ),
    );
    for (const res of replies) expectSuccess(res);
    const listed = (await streamNames(server.client(admin))).filter((n) => n === 'rush');
    expect(listed).toEqual(['rush']);
    const members = await server.client(admin).get(`/streams/${await idOf('rush')}/members`);
    expect(members.body.subscribers).toEqual(users.map((u) => u.id).sort((a, b) => a - b));
  });

  it('creates private streams with history hidden unless asked', async () => {
    await subscribe(server.client(member), ['vault'], { invite_only: true });
    await subscribe(server.client(member), ['archive'], {
      invite_only: true,
      history_public_to_subscribers: true,
    });
    const subs = await subscriptionsOf(member);
    expect(subs.find((s) => s.name === 'vault')).toMatchObject({
      invite_only: true,
      history_public_to_subscribers: false,
    });
    expect(subs.find((s) => s.name === 'archive')).toMatchObject({
      invite_only: true,
      history_public_to_subscribers: true,
    });
  });

  it('lists subscriptions with palette colours, settings and, on request, subscribers', async () => {
    await subscribe(server.client(admin), ['design'], { principals: [admin.email] });
    const subs = await subscriptionsOf(member, { include_subscribers: true });
    const names = subs.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['general', 'design', 'vault']));
    const design = subs.find((s) => s.name === 'design')!;
    expect(design).toMatchObject({
      is_muted: false,
      in_home_view: true,
      pin_to_top: false,
      desktop_notifications: null,
      wildcard_mentions_notify: null,
    });
    expect(design).not.toHaveProperty('email_address');
    expect(design.subscribers).toEqual([admin.id, member.id].sort((a, b) => a - b));
    const created = subs.filter((s) => s.name !== 'general');
    expect(created.every((s) => (SUBSCRIPTION_COLORS as readonly string[]).includes(s.color))).toBe(
      true,
    );
    expect(new Set(created.map((s) => s.color)).size).toBe(created.length);
    expect((await subscriptionsOf(member))[0]).not.toHaveProperty('subscribers');
  });

  it('lists subscribers without a query per stream', async () => {
    const client = server.client(member);
    const count = async () =>
      (
        await server.db.counter.measure(() =>
          client.get('/users/me/subscriptions', { include_subscribers: true }),
        )
      ).queries;
    const before = await count();
    await subscribe(client, ['extra one', 'extra two', 'extra three']);
    expect(await count()).toBe(before);
  });

  it('filters GET /streams by the include_* flags', async () => {
    const outsider = await server.createUser();
    expect(await streamNames(server.client(outsider))).toEqual(
      expect.arrayContaining(['general', 'design']),
    );
    expect(await streamNames(server.client(outsider), { include_public: false })).toEqual([
      'general',
    ]);
    expect(
      await streamNames(server.client(outsider), {
        include_public: false,
        include_subscribed: false,
        include_default: true,
      }),
    ).toEqual(['general']);
    const res = await server.client(outsider).get('/streams', { include_default: true });
    const general = (res.body.streams as Array<{ name: string; is_default: boolean }>).find(
      (s) => s.name === 'general',
    );
    expect(general?.is_default).toBe(true);
    expectError(
      await server.client(outsider).get('/streams', { include_all_active: true }),
      400,
      'User not authorized for this query',
    );
    expect(await streamNames(server.client(admin), { include_all_active: true })).toContain(
      'design',
    );
    expectError(
      await server.client(outsider).get('/streams', { include_public: 'yes' }),
      400,
      /include_public/,
    );
  });

  it('lists the owner’s streams for a bot with include_owner_subscribed', async () => {
    const bot = await createBot(server, member);
    const names = await streamNames(server.client(bot), {
      include_public: false,
      include_owner_subscribed: true,
    });
    expect(names).toEqual(expect.arrayContaining(['design', 'general']));
    expect(names).not.toContain('vault');
  });

  it('subscribes others by id or email and reports unknown users', async () => {
    const other = await server.createUser();
    const res = await subscribe(server.client(member), ['design'], {
      principals: [other.id, admin.email],
    });
    expect(res.body).toMatchObject({
      subscribed: { [other.email]: ['design'] },
      already_subscribed: { [admin.email]: ['design'] },
    });
    expectError(
      await server.client(member).post('/users/me/subscriptions', {
        subscriptions: [{ name: 'design' }],
        principals: ['nobody@example.com'],
      }),
      400,
      'No such user: nobody@example.com',
    );
    expectError(
      await server.client(member).post('/users/me/subscriptions', {
        subscriptions: [{ name: 'design' }],
        principals: [{ id: 1 }],
      }),
      400,
      /principals/,
    );
  });

  it('rejects malformed subscription requests with clear 400s', async () => {
    const client = server.client(member);
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{}, /Missing 'subscriptions' argument/],
      [{ subscriptions: 'design' }, /not valid JSON/],
      [{ subscriptions: '[{"name":""}]' }, /Channel name can't be empty/],
      [{ subscriptions: JSON.stringify([{ name: 'x'.repeat(61) }]) }, /too long \(limit: 60/],
      [{ subscriptions: JSON.stringify([{ name: 'bad\u0001name' }]) }, /Invalid character/],
      [{ subscriptions: '[42]' }, /subscriptions/],
    ];
    for (const [params, msg] of cases) {
      expectError(await client.post('/users/me/subscriptions', params), 400, msg);
    }
  });

  it('unsubscribes with removed / not_removed and refuses unknown streams', async () => {
    const client = server.client(member);
    await subscribe(client, ['leaving']);
    const res = await client.delete(
      '/users/me/subscriptions',
      { subscriptions: ['leaving', 'general'] },
      'query',
    );
    expect(res.body).toMatchObject({ removed: ['leaving', 'general'], not_removed: [] });
    const twice = await client.delete('/users/me/subscriptions', { subscriptions: ['leaving'] });
    expect(twice.body).toMatchObject({ removed: [], not_removed: ['leaving'] });
    expectError(
      await client.delete('/users/me/subscriptions', { subscriptions: ['never existed'] }),
      400,
      "Channel 'never existed' does not exist",
    );
    const other = await server.createUser();
    await subscribe(server.client(other), ['leaving']);
    expectError(
      await client.delete('/users/me/subscriptions', {
        subscriptions: ['leaving'],
        principals: [other.id],
      }),
      400,
      'Insufficient permission',
    );
    const byAdmin = await server.client(admin).delete('/users/me/subscriptions', {
      subscriptions: ['leaving'],
      principals: [other.email],
    });
    expect(byAdmin.body).toMatchObject({ removed: ['leaving'] });
  });

  it('adds and removes in one PATCH', async () => {
    const client = server.client(member);
    const res = await client.patch('/users/me/subscriptions', {
      add: [{ name: 'patched in' }],
      delete: ['design'],
    });
    expectSuccess(res);
    expect(res.body).toMatchObject({
      subscribed: { [member.email]: ['patched in'] },
      removed: ['design'],
      not_removed: [],
    });
    expectError(await client.patch('/users/me/subscriptions', {}), 400, /Nothing to do/);
  });

  it('changes per-user subscription settings', async () => {
    const client = server.client(member);
    const id = await idOf('patched in', member);
    const res = await client.post('/users/me/subscriptions/properties', {
      subscription_data: [
        { stream_id: id, property: 'color', value: '#123abc' },
        { stream_id: id, property: 'pin_to_top', value: true },
        { stream_id: id, property: 'in_home_view', value: false },
        { stream_id: id, property: 'desktop_notifications', value: true },
      ],
    });
    expectSuccess(res);
    const sub = (await subscriptionsOf(member)).find((s) => s.stream_id === id);
    expect(sub).toMatchObject({
      color: '#123abc',
      pin_to_top: true,
      is_muted: true,
      in_home_view: false,
      desktop_notifications: true,
    });
    const bad: Array<[object, RegExp]> = [
      [{ stream_id: id, property: 'color', value: 'red' }, /not a valid hex color/],
      [{ stream_id: id, property: 'is_muted', value: 'yes' }, /is_muted is not a boolean/],
      [{ stream_id: id, property: 'owner', value: true }, /Unknown subscription property: owner/],
      [{ stream_id: 'x', property: 'is_muted', value: true }, /stream_id/],
    ];
    for (const [change, msg] of bad) {
      expectError(
        await client.post('/users/me/subscriptions/properties', { subscription_data: [change] }),
        400,
        msg,
      );
    }
  });

  it('answers GET /users/{id}/subscriptions/{stream_id}', async () => {
    const id = await idOf('patched in', member);
    const yes = await server.client(admin).get(`/users/${member.id}/subscriptions/${id}`);
    expect(yes.body).toMatchObject({ result: 'success', is_subscribed: true });
    const no = await server.client(member).get(`/users/${admin.id}/subscriptions/${id}`);
    expect(no.body.is_subscribed).toBe(false);
    expectError(
      await server.client(member).get(`/users/999999/subscriptions/${id}`),
      400,
      'No such user',
    );
    expectError(
      await server.client(member).get(`/users/${admin.id}/subscriptions/abc`),
      400,
      'Invalid channel ID',
    );
  });

  it('lets admins rename, describe and restrict streams, with Zulip’s checks', async () => {
    const id = await idOf('patched in', member);
    expectError(
      await server.client(member).patch(`/streams/${id}`, { new_name: 'mine' }),
      400,
      'Must be an organization administrator',
    );
    const client = server.client(admin);
    expectSuccess(
      await client.patch(`/streams/${id}`, {
        new_name: 'renamed',
        description: '"quoted"',
        stream_post_policy: 2,
      }),
    );
    const stream = (await client.get(`/streams/${id}`)).body.stream;
    expect(stream).toMatchObject({
      name: 'renamed',
      description: 'quoted',
      stream_post_policy: 2,
      is_announcement_only: true,
    });
    expectError(
      await client.patch(`/streams/${id}`, { new_name: 'General' }),
      400,
      "Channel 'General' already exists",
    );
    expectError(
      await client.patch(`/streams/${id}`, { stream_post_policy: 9 }),
      400,
      /stream_post_policy/,
    );
    expectSuccess(await client.patch(`/streams/${id}`, { is_private: true }));
    // Now private: the subscribed member still sees it, the unsubscribed admin no longer does.
    expect((await server.client(member).get(`/streams/${id}`)).body.stream).toMatchObject({
      invite_only: true,
    });
    expectError(await client.get(`/streams/${id}`), 400, 'Invalid channel ID');
    const general = await idOf('general');
    expectError(
      await client.patch(`/streams/${general}`, { is_private: true }),
      400,
      'A default channel cannot be private.',
    );
  });

  it('lets only admins delete (archive) streams', async () => {
    const id = await idOf('extra one', member);
    expectError(
      await server.client(member).delete(`/streams/${id}`),
      400,
      'Must be an organization administrator',
    );
    expectSuccess(await server.client(admin).delete(`/streams/${id}`));
    expect(await streamNames(server.client(member))).not.toContain('extra one');
    expect((await subscriptionsOf(member)).map((s) => s.name)).not.toContain('extra one');
    expectError(await server.client(admin).get(`/streams/${id}`), 400, 'Invalid channel ID');
    // The name is free again.
    await subscribe(server.client(member), ['extra one']);
  });

  it('keeps realms apart: ids and names of another realm do not resolve', async () => {
    const zeta = await server.createRealm('zeta', 'Zeta');
    const stranger = await server.createUser({ realm: zeta });
    const call = (method: string, path: string, form?: Record<string, string>) =>
      requestWithHost(server.url, 'zeta.localhost', method, path, { credentials: stranger, form });
    const designId = await idOf('design');
    const byId = await call('GET', `/streams/${designId}`);
    expect({ status: byId.status, msg: byId.body.msg }).toEqual({
      status: 400,
      msg: 'Invalid channel ID',
    });
    const byName = await call('GET', '/get_stream_id?stream=design');
    expect(byName.body.msg).toBe("Invalid channel name 'design'");
    const joined = await call('POST', '/users/me/subscriptions', {
      subscriptions: '[{"name":"design"}]',
    });
    expect(joined.body.subscribed).toEqual({ [stranger.email]: ['design'] });
    const own = await call('GET', '/get_stream_id?stream=design');
    expect(own.body.stream_id).not.toBe(designId);
    const listed = await call('GET', '/streams');
    expect((listed.body.streams as Array<{ name: string }>).map((s) => s.name)).toEqual([
      'design',
      'general',
    ]);
  });

  describe('default streams', () => {
    it('lists, adds and removes defaults (admins only, public only)', async () => {
      const list = await server.client(member).get('/default_streams');
      expect((list.body.default_streams as Array<{ name: string }>).map((s) => s.name)).toEqual([
        'general',
      ]);
      await subscribe(server.client(admin), ['announcements']);
      const id = await idOf('announcements');
      expectError(
        await server.client(member).post('/default_streams', { stream_id: id }),
        400,
        'Must be an organization administrator',
      );
      expectSuccess(await server.client(admin).post('/default_streams', { stream_id: id }));
      await subscribe(server.client(admin), ['hidden'], { invite_only: true });
      expectError(
        await server.client(admin).post('/default_streams', { stream_id: await idOf('hidden') }),
        400,
        'Private channels cannot be made default.',
      );
      expectError(
        await server.client(admin).post('/default_streams', { stream_id: 'x' }),
        400,
        /not valid JSON/,
      );

      const newcomer = await server.createUser();
      const names = (await subscriptionsOf(newcomer)).map((s) => s.name);
      expect(names.sort()).toEqual(['announcements', 'general']);

      expectSuccess(await server.client(admin).delete('/default_streams', { stream_id: id }));
      expectError(
        await server.client(admin).delete('/default_streams', { stream_id: id }),
        400,
        "Channel 'announcements' is not a default channel",
      );
      const later = await server.createUser();
      expect((await subscriptionsOf(later)).map((s) => s.name)).toEqual(['general']);
    });

    it('replaces the set for the CLI and refuses unknown or private names', async () => {
      const service = server.app.get(StreamsService);
      const set = await service.setDefaultStreams(server.realm, ['design', 'Announcements']);
      expect(set.map((s) => s.name)).toEqual(['design', 'announcements']);
      const res = await server.client(member).get('/default_streams');
      expect((res.body.default_streams as Array<{ name: string }>).map((s) => s.name)).toEqual([
        'announcements',
        'design',
      ]);
      await expect(service.setDefaultStreams(server.realm, ['nope'])).rejects.toMatchObject({
        code: 'STREAM_DOES_NOT_EXIST',
      });
      await expect(service.setDefaultStreams(server.realm, ['hidden'])).rejects.toThrow(
        /cannot be made default/,
      );
    });
  });
});
