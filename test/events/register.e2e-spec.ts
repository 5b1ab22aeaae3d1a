import { WEB_CLIENT_REGISTER } from '@hub/api/web-client-register';
import { LookupCaches } from '../../apps/server/src/database/lookup-caches';
import { UsersRepository } from '../../apps/server/src/identity/users.repository';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { makeStream } from './event-fixtures';

/** Adds `count` users and as many streams (each user subscribed to all of them), by SQL. */
async function grow(server: TestServer, count: number, tag: string): Promise<void> {
  const realm = server.realm.id;
  await server.db.execute(
    `INSERT INTO users (realm_id, email, delivery_email, full_name, api_key)
     SELECT $1, 'bulk' || $2 || i || '@example.com', 'bulk' || $2 || i || '@example.com',
            'Bulk ' || i, md5($2 || i::text)
     FROM generate_series(1, $3) AS i`,
    [realm, tag, count],
  );
  await server.db.execute(
    `INSERT INTO streams (realm_id, name) SELECT $1, 'bulk ' || $2 || ' ' || i FROM generate_series(1, $3) AS i`,
    [realm, tag, count],
  );
  await server.db.execute(
    `INSERT INTO subscriptions (user_id, stream_id)
     SELECT u.id, s.id FROM users u CROSS JOIN streams s
     WHERE u.realm_id = $1 AND s.realm_id = $1
     ON CONFLICT DO NOTHING`,
    [realm],
  );
  // Rows written behind the server's back: its cached user lists must go.
  await server.app.get(UsersRepository).forgetCachedUsers();
}

describe('POST /register: queue and initial state', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Anders' });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    await makeStream(server, 'plaza', [alice, bob]);
    await makeStream(server, 'lounge', [bob]);
    await makeStream(server, 'hidden', [bob], true);
  });
  afterAll(() => server.stop());

  it('returns the queue, versions and the state for each fetched type', async () => {
    const res = await server.client(alice).post('/register', {
      fetch_event_types: [
        'message',
        'subscription',
        'realm_user',
        'realm',
        'realm_linkifiers',
        'realm_filters',
        'realm_emoji',
        'presence',
        'update_message_flags',
        'stream',
        'default_streams',
        'alert_words',
        'realm_bot',
      ],
      include_subscribers: true,
    });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({
      result: 'success',
      queue_id: expect.any(String),
      last_event_id: -1,
      zulip_version: expect.any(String),
      zulip_feature_level: expect.any(Number),
      max_message_id: -1,
      realm_name: 'Test Org',
      max_topic_length: 60,
      max_message_length: 10000,
      max_stream_name_length: 60,
      realm_mandatory_topics: false,
      realm_linkifiers: [],
      realm_filters: [],
      realm_emoji: {},
      alert_words: [],
      realm_default_streams: expect.any(Array),
      user_id: alice.id,
      email: alice.email,
      full_name: 'Alice Anders',
      realm_bots: [],
      unread_msgs: { pms: [], streams: [], huddles: [], mentions: [], count: 0 },
    });
    const subs = body.subscriptions as Array<{ name: string; subscribers: number[] }>;
    const plaza = subs.find((s) => s.name === 'plaza');
    expect(plaza?.subscribers).toEqual([alice.id, bob.id].sort((a, b) => a - b));
    // A private stream Alice was never in is invisible to her, in every list.
    const never = body.never_subscribed as Array<{ name: string }>;
    expect(never.map((s) => s.name)).toContain('lounge');
    const everything = [...subs, ...never, ...(body.unsubscribed as Array<{ name: string }>)];
    expect(everything.map((s) => s.name)).not.toContain('hidden');
    const streams = body.streams as Array<{ name: string }>;
    expect(streams.map((s) => s.name)).toEqual(expect.arrayContaining(['plaza', 'lounge']));
    expect(streams.map((s) => s.name)).not.toContain('hidden');

    // Bob, a subscriber, sees the private stream and its members.
    const bobs = await server
      .client(bob)
      .post('/register', { fetch_event_types: ['subscription'], include_subscribers: true });
    const hidden = (bobs.body.subscriptions as Array<{ name: string; subscribers: number[] }>).find(
      (s) => s.name === 'hidden',
    );
    expect(hidden?.subscribers).toEqual([bob.id]);
    const people = body.realm_users as Array<{ user_id: number; full_name: string }>;
    expect(people.map((p) => p.user_id)).toEqual(
      expect.arrayContaining([server.owner.id, alice.id, bob.id]),
    );
    expect(body.presences).toEqual({});
  });

  it('returns only what fetch_event_types asks for (default: event_types)', async () => {
    const res = await server.client(alice).post('/register', { event_types: ['message'] });
    expect(res.body).toHaveProperty('max_message_id');
    expect(res.body).not.toHaveProperty('realm_users');
    expect(res.body).not.toHaveProperty('subscriptions');
  });

  it('counts unread messages by topic, DM and mention', async () => {
    const town = await server.client(bob).post('/messages', {
      type: 'stream',
      to: 'plaza',
      topic: 'news',
      content: 'hi @**Alice Anders**',
    });
    const dm = await server.client(bob).post('/messages', {
      type: 'direct',
      to: [alice.id],
      content: 'psst',
    });
    expect([town.status, dm.status]).toEqual([200, 200]);
    const res = await server.client(alice).post('/register', {
      fetch_event_types: ['update_message_flags', 'message'],
    });
    const unread = res.body.unread_msgs as Record<string, unknown>;
    expect(unread).toMatchObject({
      count: 2,
      mentions: [town.body.id],
      pms: [{ other_user_id: bob.id, unread_message_ids: [dm.body.id] }],
      streams: [{ topic: 'news', unread_message_ids: [town.body.id] }],
      old_unreads_missing: false,
    });
    expect(res.body.max_message_id).toBe(dm.body.id);
  });

  it('costs the same number of queries with 10 or 100 users and streams', async () => {
    const register = () => server.client(alice).post('/register', { include_subscribers: true });
    // Measured warm: after the setup's cache invalidations have arrived and one register has run.
    const measure = async () => {
      await server.app.get(LookupCaches).settled();
      await register();
      return (await server.db.counter.measure(register)).queries;
    };
    await grow(server, 10, 'a');
    const small = await measure();
    await grow(server, 90, 'b');
    const big = await measure();
    expect(big).toBe(small);
    const res = await server.client(alice).post('/register', { include_subscribers: true });
    expect((res.body.realm_users as unknown[]).length).toBeGreaterThanOrEqual(100);
    expect((res.body.subscriptions as unknown[]).length).toBeGreaterThanOrEqual(100);
  });
});

describe('POST /register as the web client asks for it: cost independent of realm size', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Anders' });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    await makeStream(server, 'plaza', [alice, bob]);
    await makeStream(server, 'lounge', [alice]);
  });
  afterAll(() => server.stop());

  /** Queries of one warm register (caches settled, one register before). */
  async function queries(): Promise<number> {
    const register = () => server.client(alice).post('/register', WEB_CLIENT_REGISTER);
    await server.app.get(LookupCaches).settled();
    expect((await register()).status).toBe(200);
    return (await server.db.counter.measure(register)).queries;
  }

  it('costs the same number of queries with 3 users and streams as with 30, and history', async () => {
    const small = await queries();

    // Ten times the people and streams, and what a used realm has: stream messages in several
    // topics (some unread, some mentioning Alice), direct messages both ways and in a group,
    // reactions, a starred message, a muted topic and an alert word.
    await grow(server, 27, 'c');
    const carol = await server.createUser({ fullName: 'Carol Chen' });
    const sent: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await server.client(i % 2 ? bob : carol).post('/messages', {
        type: 'stream',
        to: 'plaza',
        topic: `topic ${i % 4}`,
        content: i % 3 ? `message ${i}` : `message ${i} for @**Alice Anders**`,
      });
      expect(res.status).toBe(200);
      sent.push(res.body.id as number);
    }
    for (const [from, to] of [
      [bob, [alice.id]],
      [alice, [bob.id]],
      [carol, [alice.id, bob.id]],
    ] as const) {
      const res = await server.client(from).post('/messages', {
        type: 'direct',
        to: [...to],
        content: 'psst',
      });
      expect(res.status).toBe(200);
    }
    for (const id of sent.slice(0, 4)) {
      const res = await server
        .client(bob)
        .post(`/messages/${id}/reactions`, { emoji_name: 'heart' });
      expect(res.status).toBe(200);
    }
    const alices = server.client(alice);
    expect(
      (await alices.post('/messages/flags', { messages: [sent[0]], op: 'add', flag: 'starred' }))
        .status,
    ).toBe(200);
    expect(
      (
        await alices.post('/messages/flags', {
          messages: sent.slice(0, 6),
          op: 'add',
          flag: 'read',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await alices.post('/user_topics', {
          stream_id: await streamId('plaza'),
          topic: 'topic 3',
          visibility_policy: 1,
        })
      ).status,
    ).toBe(200);
    expect((await alices.post('/users/me/alert_words', { alert_words: ['deploy'] })).status).toBe(
      200,
    );

    const big = await queries();
    expect(big).toBe(small);

    // And the answer did grow: the extra people, streams and unread messages are all in it.
    const res = await alices.post('/register', WEB_CLIENT_REGISTER);
    expect((res.body.realm_users as unknown[]).length).toBeGreaterThanOrEqual(30);
    expect((res.body.streams as unknown[]).length).toBeGreaterThanOrEqual(29);
    const unread = res.body.unread_msgs as { count: number; pms: unknown[]; huddles: unknown[] };
    expect(unread.count).toBe(6 + 2);
    expect(unread.pms).toHaveLength(1);
    expect(unread.huddles).toHaveLength(1);
  });

  async function streamId(name: string): Promise<number> {
    const row = await server.db.one<{ id: number }>(
      'SELECT id FROM streams WHERE realm_id = $1 AND name = $2',
      [server.realm.id, name],
    );
    if (!row) throw new Error(`no stream ${name}`);
    return row.id;
  }
});
