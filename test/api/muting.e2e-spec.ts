import { Role } from '../../apps/server/src/identity/user.types';
import { makeStream } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, expectNothing, fails, flagsOf, ok, queues, receive } from './api-fixtures';

describe('muting topics and users', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let guest: TestUser;
  let bot: TestUser;
  let general: number;
  let secret: number;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
    bob = await server.createUser();
    guest = await server.createUser({ role: Role.Guest });
    bot = await createBot(server, bob, 'chatty');
    general = await makeStream(server, 'mute-general', [alice, bob, bot]);
    secret = await makeStream(server, 'mute-secret', [bob], true);
  });
  afterAll(() => server.stop());

  it('sets topic policies with POST /user_topics and announces them to the user alone', async () => {
    const [aliceQ, bobQ] = await queues(server, ['user_topic', 'muted_topics'], alice, bob);
    const api = server.client(alice);
    await ok(
      api.post('/user_topics', { stream_id: general, topic: 'lunch', visibility_policy: 1 }),
    );
    await ok(
      api.post('/user_topics', { stream_id: general, topic: 'ship it', visibility_policy: 3 }),
    );
    const events = await receive(aliceQ, 4);
    expect(events).toEqual([
      {
        type: 'user_topic',
        stream_id: general,
        topic_name: 'lunch',
        last_updated: expect.any(Number),
        visibility_policy: 1,
        id: expect.any(Number),
      },
      {
        type: 'muted_topics',
        muted_topics: [['mute-general', 'lunch', expect.any(Number)]],
        id: expect.any(Number),
      },
      expect.objectContaining({ type: 'user_topic', topic_name: 'ship it', visibility_policy: 3 }),
      expect.objectContaining({
        type: 'muted_topics',
        muted_topics: [['mute-general', 'lunch', expect.any(Number)]],
      }),
    ]);
    await expectNothing(bobQ);

    const state = await ok(
      api.post('/register', { fetch_event_types: ['user_topic', 'muted_topics'] }),
    );
    expect(state.user_topics).toEqual([
      {
        stream_id: general,
        topic_name: 'lunch',
        last_updated: expect.any(Number),
        visibility_policy: 1,
      },
      {
        stream_id: general,
        topic_name: 'ship it',
        last_updated: expect.any(Number),
        visibility_policy: 3,
      },
    ]);
    expect(state.muted_topics).toEqual([['mute-general', 'lunch', expect.any(Number)]]);

    // Policy 0 removes the topic's policy (the topic matches in any letter case).
    await ok(
      api.post('/user_topics', { stream_id: general, topic: 'SHIP IT', visibility_policy: 0 }),
    );
    expect(await receive(aliceQ, 2)).toMatchObject([
      { type: 'user_topic', topic_name: 'SHIP IT', visibility_policy: 0 },
      { type: 'muted_topics' },
    ]);
    const after = await ok(api.post('/register', { fetch_event_types: ['user_topic'] }));
    expect(after.user_topics).toMatchObject([{ topic_name: 'lunch' }]);
  });

  it('refuses bad policies and streams the user cannot see', async () => {
    const api = server.client(alice);
    await fails(
      api.post('/user_topics', { stream_id: general, topic: 't', visibility_policy: 7 }),
      400,
      /Invalid visibility_policy/,
    );
    await fails(
      api.post('/user_topics', { stream_id: general, visibility_policy: 1 }),
      400,
      "Missing 'topic' argument",
    );
    await fails(
      api.post('/user_topics', { stream_id: secret, topic: 't', visibility_policy: 1 }),
      400,
      'Invalid channel ID',
    );
    // A guest sees only the streams they are subscribed to.
    await fails(
      server
        .client(guest)
        .post('/user_topics', { stream_id: general, topic: 't', visibility_policy: 1 }),
      400,
      'Invalid channel ID',
    );
  });

  it('mutes and unmutes topics the legacy way, by stream name or id', async () => {
    const [bobQ] = await queues(server, ['muted_topics'], bob);
    const api = server.client(bob);
    await ok(
      api.patch('/users/me/subscriptions/muted_topics', {
        stream: 'mute-secret',
        topic: 'noise',
        op: 'add',
      }),
    );
    expect(await receive(bobQ, 1)).toMatchObject([
      { type: 'muted_topics', muted_topics: [['mute-secret', 'noise', expect.any(Number)]] },
    ]);
    await fails(
      api.patch('/users/me/subscriptions/muted_topics', {
        stream_id: secret,
        topic: 'noise',
        op: 'add',
      }),
      400,
      'Topic already muted',
    );
    await ok(
      api.patch('/users/me/subscriptions/muted_topics', {
        stream_id: secret,
        topic: 'noise',
        op: 'remove',
      }),
    );
    expect(await receive(bobQ, 1)).toMatchObject([{ type: 'muted_topics', muted_topics: [] }]);
    await fails(
      api.patch('/users/me/subscriptions/muted_topics', {
        stream_id: secret,
        topic: 'noise',
        op: 'remove',
      }),
      400,
      'Topic is not muted',
    );
    await fails(
      api.patch('/users/me/subscriptions/muted_topics', { topic: 'noise', op: 'add' }),
      400,
      "Please supply 'stream'.",
    );
    await fails(
      api.patch('/users/me/subscriptions/muted_topics', {
        stream_id: secret,
        topic: 'noise',
        op: 'toggle',
      }),
      400,
      /Invalid op/,
    );
    await fails(
      server.client(alice).patch('/users/me/subscriptions/muted_topics', {
        stream: 'mute-secret',
        topic: 'noise',
        op: 'add',
      }),
      400,
      "Channel 'mute-secret' does not exist",
    );
  });

  it('muting a user marks what they sent read, now and from then on', async () => {
    const send = async (from: TestUser, content: string) =>
      (
        await ok(
          server
            .client(from)
            .post('/messages', { type: 'stream', to: general, topic: 'chatter', content }),
        )
      ).id as number;
    const before = await send(bot, 'beep before');
    expect(await flagsOf(server, alice, before)).not.toContain('read');

    const [aliceQ, bobQ] = await queues(
      server,
      ['muted_users', 'update_message_flags'],
      alice,
      bob,
    );
    await ok(server.client(alice).post(`/users/me/muted_users/${bot.id}`));
    const events = await receive(aliceQ, 2);
    expect(events).toEqual([
      {
        type: 'muted_users',
        muted_users: [{ id: bot.id, timestamp: expect.any(Number) }],
        id: expect.any(Number),
      },
      expect.objectContaining({
        type: 'update_message_flags',
        op: 'add',
        flag: 'read',
        messages: [before],
      }),
    ]);
    await expectNothing(bobQ);
    expect(await flagsOf(server, alice, before)).toContain('read');

    const [messageQ] = await queues(server, ['message'], alice);
    const after = await send(bot, 'beep after');
    const [event] = await receive(messageQ, 1);
    expect(event).toMatchObject({ type: 'message', flags: expect.arrayContaining(['read']) });
    expect(await flagsOf(server, alice, after)).toContain('read');
    // Bob did not mute the bot: it stays unread for him.
    expect(await flagsOf(server, bob, after)).not.toContain('read');

    const state = await ok(
      server.client(alice).post('/register', { fetch_event_types: ['muted_users'] }),
    );
    expect(state.muted_users).toEqual([{ id: bot.id, timestamp: expect.any(Number) }]);

    await fails(
      server.client(alice).post(`/users/me/muted_users/${bot.id}`),
      400,
      'User already muted',
    );
    await ok(server.client(alice).delete(`/users/me/muted_users/${bot.id}`));
    expect(await receive(aliceQ, 1)).toMatchObject([{ type: 'muted_users', muted_users: [] }]);
    const unmuted = await send(bot, 'beep again');
    expect(await flagsOf(server, alice, unmuted)).not.toContain('read');
  });

  it('refuses muting oneself, unknown users and unmuting someone not muted', async () => {
    const api = server.client(bob);
    await fails(api.post(`/users/me/muted_users/${bob.id}`), 400, 'Cannot mute self');
    await fails(api.post('/users/me/muted_users/999999'), 400, 'No such user');
    await fails(api.post('/users/me/muted_users/nobody'), 400, 'No such user');
    await fails(api.delete(`/users/me/muted_users/${alice.id}`), 400, 'User is not muted');
    // Guests may mute too: it concerns only what they see.
    await ok(server.client(guest).post(`/users/me/muted_users/${alice.id}`));
  });
});
