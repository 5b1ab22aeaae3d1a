import { Role } from '../../apps/server/src/identity/user.types';
import { eventually, QueueReader } from '../events/event-fixtures';
import type { ApiResponse } from '../helpers/api-client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createStream, expectOk, sendToStream } from '../messages/message-fixtures';
import { request, uploadFile } from '../uploads/upload-client';
import { apiSurface, jsonSurface, Surface } from './surfaces';

/*
 * Security class "guests": a guest sees only the streams they are subscribed to (and web-public
 * ones), reads no history of other public streams by any path (feeds, search, ids, events,
 * uploads), sees only the users the organization lets guests see, and cannot create streams,
 * bots, invitations or groups, nor join or add anyone to a stream. Every check runs on `/api/v1`
 * (Basic auth) and on `/json` (session cookie + CSRF), and a member runs the same request as
 * the control, so a refusal is the guest rule and not a malformed request.
 */

function refused(res: ApiResponse): boolean {
  return res.status >= 400 && res.status < 500 && res.body.result === 'error';
}

const narrowOf = (narrow: unknown[]) => ({
  anchor: 'newest',
  num_before: 100,
  num_after: 0,
  narrow: JSON.stringify(narrow),
});

describe('security: guests', () => {
  let server: TestServer;
  let guest: TestUser;
  let member: TestUser;
  /** Shares the guest's stream. */
  let roommate: TestUser;
  /** Shares nothing with the guest. */
  let stranger: TestUser;
  let guestSurfaces: Surface[];
  let memberSurfaces: Surface[];
  let roomId: number;
  let townId: number;
  let vaultId: number;
  let porchId: number;
  let townMessage: number;
  let townUpload: string;
  let porchUpload: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
    guest = await server.createUser({ role: Role.Guest, fullName: 'Gail Guest' });
    member = await server.createUser({ fullName: 'Max Member' });
    roommate = await server.createUser({ fullName: 'Rita Roommate' });
    stranger = await server.createUser({ fullName: 'Stan Stranger' });
    // The stranger leaves the default stream, so they share no stream with the guest.
    expectOk(
      await server
        .client(stranger)
        .delete('/users/me/subscriptions', { subscriptions: JSON.stringify(['general']) }),
    );
    roomId = await createStream(server, 'guest room', { subscribers: [guest, member, roommate] });
    townId = await createStream(server, 'town', { subscribers: [member, stranger] });
    vaultId = await createStream(server, 'vault', { inviteOnly: true, subscribers: [member] });
    porchId = await createStream(server, 'porch', { subscribers: [member] });
    // A web-public stream: guests may read it (Zulip's rule), though not subscribed.
    await server.db.execute('UPDATE streams SET is_web_public = true WHERE id = $1', [porchId]);
    const upload = async (name: string) =>
      (
        await uploadFile(server.url, member, {
          name,
          type: 'text/plain',
          data: Buffer.from(`contents of ${name}`),
        })
      ).json().url as string;
    townUpload = await upload('town-notes.txt');
    porchUpload = await upload('porch-notes.txt');
    townMessage = await sendToStream(
      server.client(member),
      'town',
      'gossip',
      `the zebra plan [notes](${townUpload})`,
    );
    await sendToStream(server.client(member), 'porch', 'open', `porch news [n](${porchUpload})`);
    await sendToStream(server.client(member), 'vault', 'shh', 'the zebra vault');
    guestSurfaces = [apiSurface(server, guest), await jsonSurface(server, guest)];
    memberSurfaces = [apiSurface(server, member), await jsonSurface(server, member)];
  });

  afterAll(() => server.stop());

  it('sees only the streams they are subscribed to, and web-public ones', async () => {
    for (const surface of guestSurfaces) {
      const names = async (params: Record<string, string>) => {
        const list = await surface.call('GET', '/streams', params);
        expectOk(list);
        return (list.body.streams as Array<{ name: string }>).map((s) => s.name).sort();
      };
      // `general` is the realm's default stream: every new account is subscribed to it.
      expect([surface.name, await names({})]).toEqual([surface.name, ['general', 'guest room']]);
      expect([
        surface.name,
        await names({ include_public: 'true', include_web_public: 'true' }),
      ]).toEqual([surface.name, ['general', 'guest room', 'porch']]);
      const state = await surface.call('POST', '/register', {
        fetch_event_types: ['subscription', 'stream'],
      });
      expectOk(state);
      const text = JSON.stringify({
        streams: state.body.streams,
        never: state.body.never_subscribed,
        unsubscribed: state.body.unsubscribed,
      });
      expect(text).not.toContain('"town"');
      expect(text).not.toContain('"vault"');
      for (const [method, path, params] of [
        ['GET', `/streams/${townId}`, {}],
        ['GET', `/streams/${townId}/members`, {}],
        ['GET', `/users/me/${townId}/topics`, {}],
        ['GET', '/get_stream_id', { stream: 'town' }],
        ['GET', `/streams/${vaultId}`, {}],
      ] as Array<[string, string, Record<string, string>]>) {
        const res = await surface.call(method, path, params);
        expect([surface.name, path, refused(res)]).toEqual([surface.name, path, true]);
      }
      // Their own stream they do see.
      expectOk(await surface.call('GET', `/streams/${roomId}/members`));
    }
  });

  it('reads no history of public streams they are not in, by any path', async () => {
    for (const surface of guestSurfaces) {
      const feed = await surface.call('GET', '/messages', narrowOf([]));
      const byStream = await surface.call(
        'GET',
        '/messages',
        narrowOf([{ operator: 'channel', operand: townId }]),
      );
      const search = await surface.call(
        'GET',
        '/messages',
        narrowOf([{ operator: 'search', operand: 'zebra' }]),
      );
      for (const res of [feed, byStream, search]) {
        const ids = ((res.body.messages as Array<{ id: number }> | undefined) ?? []).map(
          (m) => m.id,
        );
        expect([surface.name, ids.includes(townMessage)]).toEqual([surface.name, false]);
        expect(JSON.stringify(res.body)).not.toContain('zebra');
      }
      const matches = await surface.call('GET', '/messages/matches_narrow', {
        msg_ids: JSON.stringify([townMessage]),
        narrow: JSON.stringify([]),
      });
      expect(matches.body.messages ?? {}).toEqual({});
      for (const [method, path, params] of [
        ['GET', `/messages/${townMessage}`, {}],
        ['GET', `/messages/${townMessage}/history`, {}],
        ['GET', `/messages/${townMessage}/read_receipts`, {}],
        ['POST', `/messages/${townMessage}/reactions`, { emoji_name: 'eyes' }],
        ['PATCH', `/messages/${townMessage}`, { topic: 'taken over' }],
        ['POST', '/messages', { type: 'stream', to: 'town', topic: 'hi', content: 'let me in' }],
      ] as Array<[string, string, Record<string, string>]>) {
        const res = await surface.call(method, path, params);
        expect([surface.name, method, path, refused(res)]).toEqual([
          surface.name,
          method,
          path,
          true,
        ]);
      }
    }
    // A member reads it all (the control), and the guest reads the web-public stream.
    expect((await server.client(member).get(`/messages/${townMessage}`)).status).toBe(200);
    const porch = await server
      .client(guest)
      .get('/messages', narrowOf([{ operator: 'channel', operand: porchId }]));
    expect((porch.body.messages as unknown[]).length).toBe(1);
  });

  it("gets no event of a public stream they are not in, and none of the stream's uploads", async () => {
    const registered = await server.client(guest).post('/register', {});
    expectOk(registered);
    const queueId = registered.body.queue_id as string;
    await sendToStream(server.client(member), 'town', 'later', 'the zebra returns');
    await createStream(server, 'new square', { subscribers: [member] });
    await server.client(member).post('/users/me/subscriptions', {
      subscriptions: [{ name: 'town' }],
      principals: [roommate.id],
    });
    const marker = await sendToStream(server.client(member), 'guest room', 'mark', 'marker');
    const events = await eventually(async () => {
      const res = await server
        .client(guest)
        .get('/events', { queue_id: queueId, last_event_id: -1, dont_block: true });
      expectOk(res);
      const got = res.body.events as Array<Record<string, unknown>>;
      if (!got.some((e) => (e.message as { id?: number } | undefined)?.id === marker)) {
        throw new Error('marker not delivered yet');
      }
      return got;
    });
    const text = JSON.stringify(events);
    expect(text).not.toContain('zebra');
    expect(text).not.toContain('new square');
    expect(events.filter((e) => e.stream_ids !== undefined || e.stream_id === townId)).toEqual([]);

    const session = (guestSurfaces[1] as Surface & { session: { cookies: Map<string, string> } })
      .session;
    const cookie = [...session.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    for (const options of [{ credentials: guest }, { headers: { cookie } }]) {
      const denied = await request(server.url, 'GET', townUpload, options);
      expect(denied.status).toBeGreaterThanOrEqual(400);
      expect(denied.body.toString('utf8')).not.toContain('contents of town-notes');
      const allowed = await request(server.url, 'GET', porchUpload, options);
      expect(allowed.status).toBe(200);
    }
    expect((await request(server.url, 'GET', townUpload, { credentials: member })).status).toBe(
      200,
    );
  });

  it('cannot create streams, bots, invitations or groups, nor join or add anyone', async () => {
    const attempts: Array<[string, string, string, Record<string, unknown>]> = [
      ['create a stream', 'POST', '/users/me/subscriptions', { subscriptions: [{ name: 'mine' }] }],
      [
        'join a public stream',
        'POST',
        '/users/me/subscriptions',
        { subscriptions: [{ name: 'town' }] },
      ],
      [
        'add someone to a stream',
        'POST',
        '/users/me/subscriptions',
        { subscriptions: [{ name: 'guest room' }], principals: [stranger.id] },
      ],
      ['create a bot', 'POST', '/bots', { full_name: 'Guest Bot', short_name: 'guestbot' }],
      [
        'invite someone',
        'POST',
        '/invites',
        // As a guest: a role no higher than their own, so only the guest rule can refuse it.
        { invitee_emails: 'friend@example.com', stream_ids: [roomId], invite_as: Role.Guest },
      ],
      [
        'create a group',
        'POST',
        '/user_groups/create',
        { name: 'guests club', description: 'd', members: [guest.id] },
      ],
    ];
    const problems: string[] = [];
    let n = 0;
    for (const [label, method, path, params] of attempts) {
      for (const surface of guestSurfaces) {
        const res = await surface.call(method, path, params as Record<string, string>);
        if (!refused(res))
          problems.push(`${label} via ${surface.name}: ${JSON.stringify(res.body)}`);
      }
      // The control: a member may, on both surfaces (names made unique per try).
      for (const surface of memberSurfaces) {
        const unique = { ...params } as Record<string, unknown>;
        n++;
        if (label === 'create a stream') unique.subscriptions = [{ name: `mine ${n}` }];
        if (label === 'create a bot')
          Object.assign(unique, { full_name: `Bot ${n}`, short_name: `b${n}` });
        if (label === 'invite someone') unique.invitee_emails = `friend${n}@example.com`;
        // Adding someone already there succeeds without giving the stranger a shared stream.
        if (label === 'add someone to a stream') unique.principals = [member.id];
        if (label === 'create a group') unique.name = `club ${n}`;
        const res = await surface.call(method, path, unique as Record<string, string>);
        if (res.status !== 200)
          problems.push(`control ${label} via ${surface.name}: ${JSON.stringify(res.body)}`);
      }
    }
    expect(problems).toEqual([]);
    const joined = await server.db.rows(
      `SELECT 1 FROM subscriptions WHERE user_id = $1 AND stream_id = $2 AND active`,
      [stranger.id, roomId],
    );
    expect(joined).toEqual([]);
  });

  describe('when the organization limits which users guests can see', () => {
    let everyoneGroup: number;
    let membersGroup: number;

    beforeAll(async () => {
      const groups = await server.client(server.owner).get('/user_groups');
      const id = (name: string) =>
        (groups.body.user_groups as Array<{ id: number; name: string }>).find(
          (g) => g.name === name,
        )!.id;
      everyoneGroup = id('role:everyone');
      membersGroup = id('role:members');
    });

    afterAll(async () => {
      await server
        .client(server.owner)
        .patch('/realm', { can_access_all_users_group: everyoneGroup });
    });

    it('only an administrator may change the setting, and the realm hears of it', async () => {
      const queue = await QueueReader.register(server, member, { event_types: ['realm'] });
      for (const who of [member, guest]) {
        const res = await server
          .client(who)
          .patch('/realm', { can_access_all_users_group: membersGroup });
        expect(refused(res)).toBe(true);
      }
      const bad = await server
        .client(server.owner)
        .patch('/realm', { can_access_all_users_group: 999999 });
      expect(bad.status).toBe(400);
      expectOk(
        await server
          .client(server.owner)
          .patch('/realm', { can_access_all_users_group: membersGroup }),
      );
      const state = await server.client(member).post('/register', { fetch_event_types: ['realm'] });
      expect(state.body.realm_can_access_all_users_group).toBe(membersGroup);
      const events = await eventually(async () => {
        const got = await queue.drain();
        if (got.length === 0) throw new Error('no realm event yet');
        return got;
      });
      expect(events).toEqual([
        expect.objectContaining({
          type: 'realm',
          op: 'update_dict',
          property: 'default',
          data: { can_access_all_users_group: membersGroup },
        }),
      ]);
    });

    it('a guest sees only the users they share a stream or a conversation with', async () => {
      expectOk(
        await server
          .client(server.owner)
          .patch('/realm', { can_access_all_users_group: membersGroup }),
      );
      // A direct message from the owner makes the owner known to the guest.
      expectOk(
        await server.client(server.owner).post('/messages', {
          type: 'direct',
          to: [guest.id],
          content: 'welcome aboard',
        }),
      );
      // Bots are always visible (their messages must render for everyone).
      const bots = await server.db.rows<{ id: number }>(
        'SELECT id FROM users WHERE realm_id = $1 AND is_bot',
        [server.realm.id],
      );
      const known = [
        guest.id,
        member.id,
        roommate.id,
        server.owner.id,
        ...bots.map((b) => b.id),
      ].sort((x, y) => x - y);
      for (const surface of guestSurfaces) {
        const list = await surface.call('GET', '/users');
        expectOk(list);
        const ids = (list.body.members as Array<{ user_id: number }>)
          .map((u) => u.user_id)
          .sort((x, y) => x - y);
        expect([surface.name, ids]).toEqual([surface.name, known]);
        const state = await surface.call('POST', '/register', {
          fetch_event_types: ['realm_user'],
        });
        const stateIds = (state.body.realm_users as Array<{ user_id: number }>)
          .map((u) => u.user_id)
          .sort((x, y) => x - y);
        expect([surface.name, stateIds]).toEqual([surface.name, known]);
        for (const path of [
          `/users/${stranger.id}`,
          `/users/${stranger.email}`,
          `/users/${stranger.id}/presence`,
          `/users/${stranger.id}/status`,
        ]) {
          const res = await surface.call('GET', path);
          expect([surface.name, path, refused(res)]).toEqual([surface.name, path, true]);
        }
        expectOk(await surface.call('GET', `/users/${roommate.id}`));
      }
      // Members still see everyone.
      const all = await server.client(member).get('/users');
      expect((all.body.members as Array<{ user_id: number }>).map((u) => u.user_id)).toContain(
        stranger.id,
      );
    });

    it("a guest's queue hears nothing of the users they cannot see", async () => {
      expectOk(
        await server
          .client(server.owner)
          .patch('/realm', { can_access_all_users_group: membersGroup }),
      );
      const queue = await QueueReader.register(server, guest, {
        event_types: ['realm_user', 'presence', 'user_status'],
      });
      expectOk(await server.client(stranger).post('/users/me/presence', { status: 'active' }));
      expectOk(await server.client(stranger).post('/users/me/status', { status_text: 'away' }));
      expectOk(
        await server.client(server.owner).patch(`/users/${stranger.id}`, { full_name: 'Stan S.' }),
      );
      // Then one change of a user the guest does see, so we know the queue is caught up.
      expectOk(await server.client(roommate).post('/users/me/status', { status_text: 'here' }));
      const events = await eventually(async () => {
        const got = await queue.drain();
        if (!got.some((e) => e.user_id === roommate.id)) throw new Error('not caught up yet');
        return got;
      });
      const about = (e: Record<string, unknown>) =>
        e.user_id ?? (e.person as { user_id?: number } | undefined)?.user_id;
      expect(events.filter((e) => about(e) === stranger.id)).toEqual([]);
      // A member hears of the stranger as before.
      const memberState = await server.client(member).get(`/users/${stranger.id}`);
      expect(memberState.body.user).toMatchObject({ full_name: 'Stan S.' });
    });

    it('by default (everyone), a guest sees every user', async () => {
      expectOk(
        await server
          .client(server.owner)
          .patch('/realm', { can_access_all_users_group: everyoneGroup }),
      );
      const list = await server.client(guest).get('/users');
      expect((list.body.members as Array<{ user_id: number }>).map((u) => u.user_id)).toContain(
        stranger.id,
      );
      expectOk(await server.client(guest).get(`/users/${stranger.id}`));
    });
  });
});
