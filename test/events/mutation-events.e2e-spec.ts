import { Role } from '../../apps/server/src/identity/user.types';
import type { ApiResponse } from '../helpers/api-client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { eventually, makeStream, QueueReader, WireEvent } from './event-fixtures';

describe('every mutation emits its event', () => {
  let server: TestServer;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    alice = await server.createUser();
    bob = await server.createUser();
    carol = await server.createUser();
  });
  afterAll(() => server.stop());

  const queues = (types: string[], ...users: TestUser[]) =>
    Promise.all(users.map((u) => QueueReader.register(server, u, { event_types: types })));

  /** Drains until at least `count` events arrived (they travel after the response). */
  const receive = (queue: QueueReader, count: number) => {
    const got: WireEvent[] = [];
    return eventually(async () => {
      got.push(...(await queue.drain()));
      if (got.length < count) throw new Error(`only ${got.length} of ${count} events`);
      return got;
    });
  };
  /** Gives stray events time to arrive, then asserts none did. */
  const expectNothing = async (...queue: QueueReader[]) => {
    await new Promise((r) => setTimeout(r, 200));
    for (const q of queue) expect(await q.drain()).toEqual([]);
  };
  const ok = async (res: Promise<ApiResponse>) => {
    const r = await res;
    expect(r.body).toMatchObject({ result: 'success' });
    return r.body;
  };

  it('subscription add, peer_add, update, remove and peer_remove reach only who may see them', async () => {
    const [aliceQ, bobQ, carolQ, adminQ] = await queues(
      ['subscription', 'stream'],
      alice,
      bob,
      carol,
      admin,
    );
    const secret = await makeStream(server, 'mut-secret', [server.owner, alice], true);
    const [created, added] = await receive(aliceQ, 2);
    expect(created).toMatchObject({
      type: 'stream',
      op: 'create',
      streams: [{ stream_id: secret, name: 'mut-secret', invite_only: true }],
    });
    expect(added).toMatchObject({
      type: 'subscription',
      op: 'add',
      subscriptions: [
        {
          stream_id: secret,
          name: 'mut-secret',
          color: expect.stringMatching(/^#/),
          subscribers: [server.owner.id, alice.id].sort((a, b) => a - b),
        },
      ],
    });

    await ok(
      server.client(server.owner).post('/users/me/subscriptions', {
        subscriptions: [{ name: 'mut-secret' }],
        principals: [bob.id],
      }),
    );
    expect(await receive(bobQ, 1)).toMatchObject([
      { type: 'subscription', op: 'add', subscriptions: [{ stream_id: secret }] },
    ]);
    expect(await receive(aliceQ, 1)).toEqual([
      {
        type: 'subscription',
        op: 'peer_add',
        stream_ids: [secret],
        user_ids: [bob.id],
        id: expect.any(Number),
      },
    ]);

    await ok(
      server.client(alice).post('/users/me/subscriptions/properties', {
        subscription_data: [{ stream_id: secret, property: 'pin_to_top', value: true }],
      }),
    );
    expect(await receive(aliceQ, 1)).toEqual([
      {
        type: 'subscription',
        op: 'update',
        stream_id: secret,
        property: 'pin_to_top',
        value: true,
        id: expect.any(Number),
      },
    ]);

    await ok(
      server.client(bob).delete('/users/me/subscriptions', { subscriptions: ['mut-secret'] }),
    );
    expect(await receive(bobQ, 1)).toMatchObject([
      {
        type: 'subscription',
        op: 'remove',
        subscriptions: [{ stream_id: secret, name: 'mut-secret' }],
      },
    ]);
    expect(await receive(aliceQ, 1)).toMatchObject([
      { type: 'subscription', op: 'peer_remove', stream_ids: [secret], user_ids: [bob.id] },
    ]);
    // Neither a non-subscriber nor an unsubscribed administrator learns of the private stream.
    await expectNothing(carolQ, adminQ);
  });

  it('stream create, update and delete follow the stream visibility', async () => {
    const [aliceQ, carolQ, adminQ] = await queues(['stream'], alice, carol, admin);
    const open = await makeStream(server, 'mut-open', [alice]);
    expect(await receive(carolQ, 1)).toMatchObject([
      { type: 'stream', op: 'create', streams: [{ stream_id: open, invite_only: false }] },
    ]);
    await receive(aliceQ, 1);
    await receive(adminQ, 1);

    const ownerApi = server.client(server.owner);
    await ok(ownerApi.patch(`/streams/${open}`, { description: 'Talk *here*' }));
    for (const q of [aliceQ, carolQ]) {
      expect(await receive(q, 1)).toMatchObject([
        {
          type: 'stream',
          op: 'update',
          stream_id: open,
          name: 'mut-open',
          property: 'description',
          value: 'Talk *here*',
          rendered_description: expect.stringContaining('Talk'),
        },
      ]);
    }
    await receive(adminQ, 1);

    // The owner is not subscribed; making it private requires seeing it, so subscribe first.
    await ok(ownerApi.post('/users/me/subscriptions', { subscriptions: [{ name: 'mut-open' }] }));
    await ok(ownerApi.patch(`/streams/${open}`, { is_private: true }));
    expect(await receive(aliceQ, 1)).toMatchObject([
      {
        type: 'stream',
        op: 'update',
        property: 'invite_only',
        value: true,
        history_public_to_subscribers: true,
      },
    ]);
    // Those who lost sight of it see it vanish.
    expect(await receive(carolQ, 1)).toMatchObject([
      { type: 'stream', op: 'delete', stream_ids: [open] },
    ]);
    await receive(adminQ, 1);

    await ok(ownerApi.patch(`/streams/${open}`, { new_name: 'mut-renamed' }));
    expect(await receive(aliceQ, 1)).toMatchObject([
      { type: 'stream', op: 'update', property: 'name', value: 'mut-renamed', name: 'mut-open' },
    ]);
    await ok(ownerApi.delete(`/streams/${open}`));
    expect(await receive(aliceQ, 1)).toMatchObject([
      { type: 'stream', op: 'delete', streams: [{ stream_id: open }], stream_ids: [open] },
    ]);
    await expectNothing(carolQ, adminQ);
  });

  it('realm_user add, update and deactivation reach the whole realm', async () => {
    const [aliceQ, adminQ] = await queues(['realm_user'], alice, admin);
    const dave = await server.createUser({ fullName: 'Dave Mutation' });
    const [memberView] = await receive(aliceQ, 1);
    expect(memberView).toMatchObject({
      type: 'realm_user',
      op: 'add',
      person: {
        user_id: dave.id,
        full_name: 'Dave Mutation',
        is_active: true,
        delivery_email: null,
      },
    });
    const [adminView] = await receive(adminQ, 1);
    expect(adminView).toMatchObject({ person: { user_id: dave.id, delivery_email: dave.email } });

    const adminApi = server.client(admin);
    await ok(
      adminApi.patch(`/users/${dave.id}`, { full_name: 'Dave Renamed', role: Role.Moderator }),
    );
    expect(await receive(aliceQ, 1)).toEqual([
      {
        type: 'realm_user',
        op: 'update',
        person: { user_id: dave.id, full_name: 'Dave Renamed', role: Role.Moderator },
        id: expect.any(Number),
      },
    ]);
    const bot = await ok(
      server.client(dave).post('/bots', { full_name: 'Dave Bot', short_name: 'davebot' }),
    );
    expect(await receive(aliceQ, 1)).toMatchObject([
      { type: 'realm_user', op: 'add', person: { user_id: bot.user_id, is_bot: true } },
    ]);
    // Deactivating a user also deactivates their bots; each is announced.
    await ok(adminApi.delete(`/users/${dave.id}`));
    const update = (userId: unknown) => ({
      type: 'realm_user',
      op: 'update',
      person: { user_id: userId, is_active: false },
      id: expect.any(Number),
    });
    expect(await receive(aliceQ, 2)).toEqual([update(dave.id), update(bot.user_id)]);
  });

  it('realm_bot events go to the bot owner and administrators only', async () => {
    const [aliceQ, adminQ, carolQ] = await queues(['realm_bot'], alice, admin, carol);
    const created = await ok(
      server.client(alice).post('/bots', { full_name: 'Mutation Bot', short_name: 'mutbot' }),
    );
    const botId = created.user_id as number;
    for (const q of [aliceQ, adminQ]) {
      expect(await receive(q, 1)).toMatchObject([
        {
          type: 'realm_bot',
          op: 'add',
          bot: {
            user_id: botId,
            full_name: 'Mutation Bot',
            owner_id: alice.id,
            api_key: created.api_key,
            is_active: true,
            services: [],
          },
        },
      ]);
    }
    await ok(server.client(alice).patch(`/bots/${botId}`, { full_name: 'Mutation Bot 2' }));
    expect(await receive(aliceQ, 1)).toMatchObject([
      { type: 'realm_bot', op: 'update', bot: { user_id: botId, full_name: 'Mutation Bot 2' } },
    ]);
    await receive(adminQ, 1);
    await ok(server.client(alice).delete(`/bots/${botId}`));
    expect(await receive(adminQ, 1)).toMatchObject([
      { type: 'realm_bot', op: 'remove', bot: { user_id: botId } },
    ]);
    await expectNothing(carolQ);
  });

  it('PATCH /realm sends one realm update per changed setting to everyone', async () => {
    const [carolQ] = await queues(['realm'], carol);
    await ok(
      server.client(server.owner).patch('/realm', {
        name: 'Mutation Org',
        description: 'All about events',
      }),
    );
    const events = await receive(carolQ, 2);
    expect(events).toEqual(
      expect.arrayContaining([
        {
          type: 'realm',
          op: 'update',
          property: 'name',
          value: 'Mutation Org',
          id: expect.any(Number),
        },
        {
          type: 'realm',
          op: 'update',
          property: 'description',
          value: 'All about events',
          id: expect.any(Number),
        },
      ]),
    );
  });

  it('linkifier changes send the full realm_linkifiers list', async () => {
    const [carolQ] = await queues(['realm_linkifiers'], carol);
    const api = server.client(server.owner);
    const added = await ok(
      api.post('/realm/filters', {
        pattern: '#(?P<id>[0-9]+)',
        url_template: 'https://tracker.example.com/{id}',
      }),
    );
    expect(await receive(carolQ, 1)).toEqual([
      {
        type: 'realm_linkifiers',
        realm_linkifiers: [
          {
            id: added.id,
            pattern: '#(?P<id>[0-9]+)',
            url_template: 'https://tracker.example.com/{id}',
          },
        ],
        id: expect.any(Number),
      },
    ]);
    await ok(api.delete(`/realm/filters/${added.id as number}`));
    expect(await receive(carolQ, 1)).toMatchObject([
      { type: 'realm_linkifiers', realm_linkifiers: [] },
    ]);
  });

  it('default stream changes send the full default_streams list', async () => {
    const [carolQ] = await queues(['default_streams'], carol);
    const lobby = await makeStream(server, 'mut-lobby', [carol]);
    await ok(server.client(server.owner).post('/default_streams', { stream_id: lobby }));
    const [event] = await receive(carolQ, 1);
    expect(event.type).toBe('default_streams');
    const names = (event.default_streams as Array<{ name: string }>).map((s) => s.name);
    expect(names).toContain('mut-lobby');
    await ok(server.client(server.owner).delete('/default_streams', { stream_id: lobby }));
    const [after] = await receive(carolQ, 1);
    expect((after.default_streams as Array<{ name: string }>).map((s) => s.name)).not.toContain(
      'mut-lobby',
    );
  });
});
