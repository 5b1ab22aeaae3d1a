import { Role } from '../../apps/server/src/identity/user.types';
import { createBot, expectNothing, fails, ok, queues, receive } from '../api/api-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

const CSRF = 'join-page-csrf-token-0123456789';

interface ListedInvite {
  id: number;
  is_multiuse: boolean;
  link_url?: string;
  email?: string;
  invited_as: number;
  stream_ids: number[];
  expiry_date: number | null;
  invited_by_user_id: number;
}

describe('reusable invitation links (POST/DELETE /invites/multiuse, /join/<key>/)', () => {
  let server: TestServer;
  let admin: TestUser;
  let member: TestUser;
  let guest: TestUser;
  let streamId: number;
  let defaultStreamId: number;

  beforeAll(async () => {
    server = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100' } });
    admin = await server.createUser({ role: Role.Administrator });
    member = await server.createUser();
    guest = await server.createUser({ role: Role.Guest });
    const stream = async (name: string) => {
      await ok(server.client(admin).post('/users/me/subscriptions', { subscriptions: [{ name }] }));
      return (await server.client(admin).get('/get_stream_id', { stream: name })).body
        .stream_id as number;
    };
    streamId = await stream('newcomers');
    defaultStreamId = await stream('everyone-default');
    await ok(server.client(admin).post('/default_streams', { stream_id: defaultStreamId }));
  });
  afterAll(() => server.stop());

  const keyOf = (link: string) => /\/join\/([a-z0-9]+)\/$/.exec(link)?.[1] ?? '';
  const join = (key: string, params: Record<string, string>, csrf: string | null = CSRF) =>
    server
      .client()
      .call(
        'POST',
        `/join/${key}`,
        params,
        'form',
        csrf === null ? {} : { cookie: `csrftoken=${csrf}`, 'x-csrftoken': csrf },
      );
  const person = (email: string) => ({
    email,
    full_name: 'Link Joiner',
    password: 'seven orange kites drift east',
  });

  it('lets administrators create a link (listed, with invites_changed); members and guests get 403', async () => {
    const [adminQ, ownerQ, memberQ] = await queues(
      server,
      ['invites_changed'],
      admin,
      server.owner,
      member,
    );
    const created = await ok(
      server.client(admin).post('/invites/multiuse', {
        invite_as: Role.Moderator,
        stream_ids: [streamId],
        invite_expires_in_minutes: 60,
      }),
    );
    expect(created.invite_link).toMatch(/^https?:\/\/[^/]+\/join\/[a-z0-9]{24}\/$/);
    expect(await receive(adminQ, 1)).toEqual([{ type: 'invites_changed', id: expect.any(Number) }]);
    expect(await receive(ownerQ, 1)).toEqual([{ type: 'invites_changed', id: expect.any(Number) }]);
    await expectNothing(memberQ);

    const listed = (await ok(server.client(admin).get('/invites'))).invites as ListedInvite[];
    const link = listed.find((i) => i.link_url === created.invite_link);
    expect(link).toMatchObject({
      is_multiuse: true,
      invited_as: Role.Moderator,
      stream_ids: [streamId],
      invited_by_user_id: admin.id,
    });
    expect(link).not.toHaveProperty('email');
    expect(link?.expiry_date).toBeGreaterThan(Date.now() / 1000 + 50 * 60);
    // Members see only their own invitations, so not this link.
    const theirs = (await ok(server.client(member).get('/invites'))).invites as ListedInvite[];
    expect(theirs.filter((i) => i.is_multiuse)).toEqual([]);

    await fails(
      server.client(member).post('/invites/multiuse', {}),
      403,
      'Insufficient permission',
    );
    await fails(server.client(guest).post('/invites/multiuse', {}), 403, 'Insufficient permission');
    await expectNothing(adminQ);
  });

  it('keeps roles above the inviter and unknown streams out', async () => {
    await fails(
      server.client(admin).post('/invites/multiuse', { invite_as: Role.Owner }),
      403,
      'You cannot invite someone with a role higher than your own.',
    );
    const owned = await ok(
      server.client(server.owner).post('/invites/multiuse', {
        invite_as: Role.Owner,
        invite_expires_in_minutes: null,
      }),
    );
    const listed = (await ok(server.client(admin).get('/invites'))).invites as ListedInvite[];
    expect(listed.find((i) => i.link_url === owned.invite_link)?.expiry_date).toBeNull();
    await fails(
      server.client(admin).post('/invites/multiuse', { stream_ids: [999999] }),
      400,
      /999999/,
    );
    await fails(server.client(admin).post('/invites/multiuse', { invite_as: 7 }), 400, /invite_as/);
    await fails(
      server.client(admin).post('/invites/multiuse', { invite_expires_in_minutes: 0 }),
      400,
      /invite_expires_in_minutes/,
    );
  });

  it('creates accounts with the link’s role and streams, many times, and signs the browser in', async () => {
    const created = await ok(
      server.client(admin).post('/invites/multiuse', {
        invite_as: Role.Guest,
        stream_ids: [streamId],
      }),
    );
    const key = keyOf(created.invite_link as string);
    const info = await ok(server.client().get(`/join/${key}`));
    expect(info).toMatchObject({ realm_name: 'Test Org', invite_as: Role.Guest });

    const [adminQ] = await queues(server, ['realm_user'], admin);
    const res = await join(key, person('first-joiner@example.com'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: 'success', email: 'first-joiner@example.com' });
    const cookies = res.headers.get('set-cookie') ?? '';
    expect(cookies).toMatch(/sessionid=/);
    const added = await receive(adminQ, 1);
    expect(added[0]).toMatchObject({
      type: 'realm_user',
      op: 'add',
      person: { email: 'first-joiner@example.com', role: Role.Guest, full_name: 'Link Joiner' },
    });

    const joined = await server.db.one<{ id: number; role: number }>(
      `SELECT id, role FROM users WHERE email = 'first-joiner@example.com'`,
    );
    expect(joined?.role).toBe(Role.Guest);
    const subs = await server.db.rows<{ stream_id: number }>(
      'SELECT stream_id FROM subscriptions WHERE user_id = $1 AND active ORDER BY stream_id',
      [joined?.id],
    );
    // The link's streams only: it did not ask for the default streams.
    expect(subs.map((s) => s.stream_id)).toEqual([streamId]);

    // The same link works again (it is reusable), but not for an address that has an account.
    expect((await join(key, person('second-joiner@example.com'))).status).toBe(200);
    await fails(join(key, person('first-joiner@example.com')), 400, /already in use/);
  });

  it('adds the default streams when the link says so', async () => {
    const created = await ok(
      server.client(admin).post('/invites/multiuse', {
        stream_ids: [streamId],
        include_realm_default_subscriptions: true,
      }),
    );
    await ok(join(keyOf(created.invite_link as string), person('with-defaults@example.com')));
    const subs = await server.db.rows<{ stream_id: number }>(
      `SELECT s.stream_id FROM subscriptions s JOIN users u ON u.id = s.user_id
       WHERE u.email = 'with-defaults@example.com' AND s.active ORDER BY s.stream_id`,
    );
    const defaults = await server.db.rows<{ stream_id: number }>(
      'SELECT stream_id FROM default_streams WHERE realm_id = $1',
      [server.realm.id],
    );
    expect(defaults.map((d) => d.stream_id)).toContain(defaultStreamId);
    const expected = new Set([streamId, ...defaults.map((d) => d.stream_id)]);
    expect(subs.map((s) => s.stream_id)).toEqual([...expected].sort((a, b) => a - b));
  });

  it('refuses weak passwords, bad addresses, and requests without the page’s CSRF token', async () => {
    const created = await ok(server.client(admin).post('/invites/multiuse', {}));
    const key = keyOf(created.invite_link as string);
    await fails(join(key, { ...person('weak@example.com'), password: 'password1' }), 400, /.+/);
    await fails(join(key, { ...person('not an address') }), 400, /email/i);
    await fails(join(key, { ...person('blank@example.com'), full_name: '  ' }), 400, /Name/);
    await fails(join(key, person('nocsrf@example.com'), null), 403, /CSRF/);
    const crossed = await server
      .client()
      .call('POST', `/join/${key}`, person('crossed@example.com'), 'form', {
        cookie: `csrftoken=${CSRF}`,
        'x-csrftoken': `${CSRF}-other`,
      });
    expect(crossed).toMatchObject({ status: 403, body: { code: 'CSRF_FAILED' } });
    const made = await server.db.rows(
      `SELECT 1 FROM users WHERE email IN ('weak@example.com', 'nocsrf@example.com', 'crossed@example.com')`,
    );
    expect(made).toEqual([]);
  });

  it('revokes (admins and the link’s creator); a revoked or expired link says so', async () => {
    const created = await ok(server.client(admin).post('/invites/multiuse', {}));
    const key = keyOf(created.invite_link as string);
    const id = ((await ok(server.client(admin).get('/invites'))).invites as ListedInvite[]).find(
      (i) => i.link_url === created.invite_link,
    )?.id as number;

    const [adminQ] = await queues(server, ['invites_changed'], admin);
    await fails(
      server.client(member).delete(`/invites/multiuse/${id}`),
      403,
      'Must be an organization administrator',
    );
    await ok(server.client(server.owner).delete(`/invites/multiuse/${id}`));
    expect(await receive(adminQ, 1)).toEqual([{ type: 'invites_changed', id: expect.any(Number) }]);
    await fails(
      server.client(admin).delete(`/invites/multiuse/${id}`),
      400,
      'Invitation has already been revoked',
    );
    await fails(server.client(admin).delete('/invites/multiuse/987654'), 404, 'No such invitation');
    const listed = (await ok(server.client(admin).get('/invites'))).invites as ListedInvite[];
    expect(listed.map((i) => i.link_url)).not.toContain(created.invite_link);

    await fails(join(key, person('too-late@example.com')), 400, /has been revoked/);
    const page = await fetch(`${server.url}/join/${key}/`);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/This invitation link has been revoked/);

    const expiring = await ok(server.client(admin).post('/invites/multiuse', {}));
    const expiredKey = keyOf(expiring.invite_link as string);
    await server.db.execute(
      `UPDATE multiuse_invites SET expires_at = now() - interval '1 minute' WHERE key = $1`,
      [expiredKey],
    );
    await fails(join(expiredKey, person('expired@example.com')), 400, /has expired/);
    const expiredPage = await fetch(`${server.url}/join/${expiredKey}/`);
    expect(expiredPage.status).toBe(400);
    expect(await expiredPage.text()).toMatch(/This invitation link has expired/);
    const unknown = await fetch(`${server.url}/join/${'x'.repeat(24)}/`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/not valid/);
    expect(
      await server.db.rows(
        `SELECT 1 FROM users WHERE email IN ('too-late@example.com', 'expired@example.com')`,
      ),
    ).toEqual([]);
  });

  it('refuses bots (even with an administrator’s role) and guests, announcing nothing', async () => {
    const created = await ok(server.client(admin).post('/invites/multiuse', {}));
    const id = ((await ok(server.client(admin).get('/invites'))).invites as ListedInvite[]).find(
      (i) => i.link_url === created.invite_link,
    )?.id as number;
    const [adminQ] = await queues(server, ['invites_changed'], admin);
    const bot = await createBot(server, admin, 'inviter');
    const botTries = async () => {
      await fails(
        server.client(bot).post('/invites/multiuse', {}),
        400,
        'This endpoint does not accept bot requests.',
      );
      await fails(
        server.client(bot).delete(`/invites/multiuse/${id}`),
        400,
        'This endpoint does not accept bot requests.',
      );
    };
    await botTries();
    await ok(server.client(server.owner).patch(`/users/${bot.id}`, { role: Role.Administrator }));
    await botTries();
    await fails(
      server.client(guest).delete(`/invites/multiuse/${id}`),
      403,
      'Must be an organization administrator',
    );
    await expectNothing(adminQ);
    const listed = (await ok(server.client(admin).get('/invites'))).invites as ListedInvite[];
    expect(listed.map((i) => i.link_url)).toContain(created.invite_link);
    const made = await server.db.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM multiuse_invites WHERE referred_by_id = $1',
      [bot.id],
    );
    expect(made?.n).toBe(0);
  });

  it('a member may revoke a link they made before losing the right to make them', async () => {
    // Links outlive a demotion; their creator can still take theirs back.
    const promoted = await server.createUser({ role: Role.Administrator });
    const created = await ok(server.client(promoted).post('/invites/multiuse', {}));
    await ok(server.client(server.owner).patch(`/users/${promoted.id}`, { role: Role.Member }));
    const id = ((await ok(server.client(promoted).get('/invites'))).invites as ListedInvite[]).find(
      (i) => i.link_url === created.invite_link,
    )?.id as number;
    expect(id).toEqual(expect.any(Number));
    await ok(server.client(promoted).delete(`/invites/multiuse/${id}`));
  });
});
