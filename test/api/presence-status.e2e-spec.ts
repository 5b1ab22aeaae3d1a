import { eventually, QueueReader, WireEvent } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

describe('presence and user status', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let quiet: TestUser;
  let outsider: TestUser;
  const OUTSIDE_HOST = 'zephyr.localhost';

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice' });
    bob = await server.createUser({ fullName: 'Bob' });
    quiet = await server.createUser({ fullName: 'Quiet' });
    const zephyr = await server.createRealm('zephyr');
    outsider = await server.createUser({ realm: zephyr });
  });
  afterAll(() => server.stop());

  describe('GET /users/{user_id_or_email}/presence', () => {
    it("answers a user's presence by id or email, per client and aggregated", async () => {
      const ping = await server
        .client(alice)
        .post('/users/me/presence', { status: 'active', client: 'ZulipMobile' });
      expect(ping.status).toBe(200);
      for (const who of [String(alice.id), alice.email]) {
        const res = await server.client(bob).get(`/users/${encodeURIComponent(who)}/presence`);
        expect(res.status).toBe(200);
        expect(res.body.presence).toEqual({
          ZulipMobile: { status: 'active', timestamp: expect.any(Number) },
          aggregated: { status: 'active', timestamp: expect.any(Number) },
        });
        const { timestamp } = (res.body.presence as { aggregated: { timestamp: number } })
          .aggregated;
        expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(120);
      }
    });

    it('says offline once the user has not been heard from for a while', async () => {
      await server.client(bob).post('/users/me/presence', { status: 'idle' });
      await server.db.execute(
        `UPDATE user_presence SET last_connected_time = now() - interval '10 minutes',
           last_active_time = now() - interval '1 hour' WHERE user_id = $1`,
        [bob.id],
      );
      const res = await server.client(alice).get(`/users/${bob.id}/presence`);
      expect(res.body.presence).toMatchObject({
        website: { status: 'idle' },
        aggregated: { status: 'offline' },
      });
    });

    it('refuses users without presence, bots, unknown users and other realms’ users', async () => {
      const none = await server.client(alice).get(`/users/${quiet.id}/presence`);
      expect(none.status).toBe(400);
      expect(none.body.msg).toBe(`No presence data for ${quiet.email}`);
      const bot = await server
        .client(alice)
        .post('/bots', { full_name: 'Helper', short_name: 'helper' });
      expect(bot.status).toBe(200);
      const botRes = await server
        .client(alice)
        .get(`/users/${bot.body.user_id as number}/presence`);
      expect(botRes.status).toBe(400);
      expect(botRes.body.msg).toBe('Presence is not supported for bot users.');
      await server.client(outsider, OUTSIDE_HOST).post('/users/me/presence', { status: 'active' });
      for (const who of [String(outsider.id), outsider.email, 'nobody@example.com', '99999']) {
        const res = await server.client(alice).get(`/users/${encodeURIComponent(who)}/presence`);
        expect([who, res.status, res.body.msg]).toEqual([who, 400, 'No such user']);
      }
      const anonymous = await server.client().get(`/users/${alice.id}/presence`);
      expect(anonymous.status).toBe(401);
    });

    it('lists the realm’s presence, not other realms’', async () => {
      const res = await server.client(bob).get('/realm/presence');
      expect(res.status).toBe(200);
      const presences = res.body.presences as Record<string, unknown>;
      expect(Object.keys(presences)).toEqual(expect.arrayContaining([alice.email, bob.email]));
      expect(Object.keys(presences)).not.toContain(outsider.email);
    });
  });

  describe('POST /users/me/status', () => {
    const statusQueue = (user: TestUser, host?: string) =>
      host
        ? server
            .client(user, host)
            .post('/register', { event_types: ['user_status'] })
            .then((res) => new QueueReader(server, user, res.body.queue_id as string))
        : QueueReader.register(server, user, { event_types: ['user_status'] });

    async function statusesSeenBy(user: TestUser): Promise<Record<string, unknown>> {
      const res = await server
        .client(user)
        .post('/register', { fetch_event_types: ['user_status'] });
      expect(res.status).toBe(200);
      return res.body.user_status as Record<string, unknown>;
    }

    it('sets text and emoji, tells the realm, and shows in register and GET status', async () => {
      const bobQ = await statusQueue(bob);
      const res = await server.client(alice).post('/users/me/status', {
        status_text: '  In a meeting  ',
        emoji_name: 'calendar',
      });
      expect(res.status).toBe(200);
      const events: WireEvent[] = [];
      await eventually(async () => {
        events.push(...(await bobQ.drain()));
        expect(events.length).toBe(1);
      });
      expect(events[0]).toEqual({
        id: expect.any(Number),
        type: 'user_status',
        user_id: alice.id,
        status_text: 'In a meeting',
        emoji_name: 'calendar',
        emoji_code: '1f4c5',
        reaction_type: 'unicode_emoji',
      });
      const expected = {
        status_text: 'In a meeting',
        emoji_name: 'calendar',
        emoji_code: '1f4c5',
        reaction_type: 'unicode_emoji',
      };
      expect((await statusesSeenBy(bob))[String(alice.id)]).toEqual(expected);
      const got = await server.client(bob).get(`/users/${alice.id}/status`);
      expect(got.body.status).toEqual(expected);
    });

    it('sends only what changed, including away, to the realm and nobody outside it', async () => {
      const [bobQ, outsiderQ] = await Promise.all([
        statusQueue(bob),
        statusQueue(outsider, OUTSIDE_HOST),
      ]);
      expect((await server.client(alice).post('/users/me/status', { away: true })).status).toBe(
        200,
      );
      const events: WireEvent[] = [];
      await eventually(async () => {
        events.push(...(await bobQ.drain()));
        expect(events.length).toBe(1);
      });
      expect(events[0]).toEqual({
        id: expect.any(Number),
        type: 'user_status',
        user_id: alice.id,
        away: true,
      });
      expect((await statusesSeenBy(bob))[String(alice.id)]).toMatchObject({
        away: true,
        status_text: 'In a meeting',
      });
      const outside = await server
        .client(outsider, OUTSIDE_HOST)
        .get('/events', { queue_id: outsiderQ.queueId, last_event_id: -1, dont_block: true });
      expect(outside.body.events).toEqual([]);
    });

    it('clears a status: empty text and emoji name, away false', async () => {
      const res = await server
        .client(alice)
        .post('/users/me/status', { status_text: '', emoji_name: '', away: false });
      expect(res.status).toBe(200);
      expect((await statusesSeenBy(bob))[String(alice.id)]).toBeUndefined();
      expect((await server.client(bob).get(`/users/${alice.id}/status`)).body.status).toEqual({});
    });

    it('refuses bad input and changes nothing', async () => {
      await server.client(bob).post('/users/me/status', { status_text: 'Lunch' });
      const cases: Array<[Record<string, string | boolean>, string]> = [
        [{}, 'Client did not pass any new values.'],
        [{ status_text: 'x'.repeat(61) }, 'status_text is too long (limit: 60 characters)'],
        [
          { status_text: 'x', emoji_code: '1f4c5' },
          'Client must pass emoji_name if they pass either emoji_code or reaction_type.',
        ],
        [{ emoji_name: 'not_an_emoji_at_all' }, 'Invalid emoji name.'],
        [{ emoji_name: 'calendar', emoji_code: '1f44d' }, 'Invalid emoji name.'],
        [{ away: 'maybe' }, 'Argument "away" is not valid JSON.'],
        [{ status_text: 'nul\u0000' }, 'Invalid characters in parameter "status_text"'],
      ];
      for (const [params, msg] of cases) {
        const res = await server.client(bob).post('/users/me/status', params);
        expect([params, res.status, res.body.msg]).toEqual([params, 400, msg]);
      }
      expect((await statusesSeenBy(alice))[String(bob.id)]).toEqual({ status_text: 'Lunch' });
    });

    it('does not show statuses of other realms’ users', async () => {
      await server.client(outsider, OUTSIDE_HOST).post('/users/me/status', { status_text: 'far' });
      expect((await statusesSeenBy(alice))[String(outsider.id)]).toBeUndefined();
      const res = await server.client(alice).get(`/users/${outsider.id}/status`);
      expect(res.status).toBe(400);
      expect(res.body.msg).toBe('No such user');
    });
  });
});
