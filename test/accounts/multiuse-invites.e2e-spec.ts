import { Role } from '../../apps/server/src/identity/user.types';
import { createBot, expectNothing, fails, ok, queues, receive } from '../api/api-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { lastConfirmationKey, mailsTo, submitConfirmForm } from './mail-helper';

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

describe('reusable invitation links (POST/DELETE /invites/multiuse, /join/<key>/, the mailed link)', () => {
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
  const PASSWORD = 'seven orange kites drift east';
  /** Joins through the link with `email`, follows the mailed link and fills in its form. */
  const signUp = async (key: string, email: string, password = PASSWORD) => {
    await ok(join(key, { email }));
    const confirmKey = lastConfirmationKey(server.config.dataDir, email);
    return { confirmKey, res: await submitConfirmForm(server.url, confirmKey, fullForm(password)) };
  };
  const fullForm = (password = PASSWORD) => ({ full_name: 'Link Joiner', password });
  const accounts = (...emails: string[]) =>
    server.db.rows('SELECT 1 FROM users WHERE email = ANY($1::text[])', [emails]);

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

  it('tells clients in /register who may create links: the administrators group', async () => {
    const groups = (await ok(server.client(member).get('/user_groups'))).user_groups as Array<{
      id: number;
      name: string;
    }>;
    const admins = groups.find((g) => g.name === 'role:administrators');
    const state = await ok(
      server.client(member).post('/register', { fetch_event_types: ['realm'] }),
    );
    expect(state.realm_create_multiuse_invite_group).toBe(admins?.id);
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

  it('mails a confirmation link; following it creates the account with the link’s role and streams, signed in', async () => {
    const created = await ok(
      server.client(admin).post('/invites/multiuse', {
        invite_as: Role.Guest,
        stream_ids: [streamId],
      }),
    );
    const key = keyOf(created.invite_link as string);
    const info = await ok(server.client().get(`/join/${key}`));
    expect(info).toMatchObject({ realm_name: 'Test Org', invite_as: Role.Guest });

    // The link only mails the address: no account until its owner follows the mailed link.
    const asked = await join(key, { email: 'first-joiner@example.com' });
    expect(asked).toMatchObject({
      status: 200,
      body: { result: 'success', msg: 'Check first-joiner@example.com for a confirmation link.' },
    });
    expect(asked.headers.get('set-cookie') ?? '').not.toMatch(/sessionid=/);
    expect(await accounts('first-joiner@example.com')).toEqual([]);
    const [mail] = mailsTo(server.config.dataDir, 'first-joiner@example.com');
    expect(mail).toMatch(/Subject: Activate your account on Test Org/);
    expect(mail).toMatch(/within 24 hours/);
    const confirmKey = lastConfirmationKey(server.config.dataDir, 'first-joiner@example.com');

    const page = await fetch(`${server.url}/accounts/do_confirm/${confirmKey}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Create the account for <strong>first-joiner@example.com');

    const [adminQ] = await queues(server, ['realm_user'], admin);
    const res = await submitConfirmForm(server.url, confirmKey, fullForm());
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/is ready, and you are logged in/);
    expect(res.headers.get('set-cookie') ?? '').toMatch(/sessionid=/);
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
    await ok(
      server.client().post('/fetch_api_key', {
        username: 'first-joiner@example.com',
        password: PASSWORD,
      }),
    );

    // The mailed link works once; the invitation link itself is reusable.
    const again = await submitConfirmForm(server.url, confirmKey, fullForm()).catch(
      (err: Error) => err,
    );
    expect(String(again)).toMatch(/no confirmation form/);
    const reused = await fetch(`${server.url}/accounts/do_confirm/${confirmKey}`);
    expect(reused.status).toBe(400);
    expect(await reused.text()).toMatch(/already been used/);
    expect((await signUp(key, 'second-joiner@example.com')).res.status).toBe(200);
  });

  it('answers an address with an account exactly like a new one, and mails its owner the log-in links', async () => {
    const created = await ok(server.client(admin).post('/invites/multiuse', {}));
    const key = keyOf(created.invite_link as string);
    const fresh = await join(key, { email: 'never-seen@example.com' });
    const taken = await join(key, { email: member.email });
    expect(taken.status).toBe(fresh.status);
    expect(JSON.stringify(taken.body).replace(member.email, 'X')).toBe(
      JSON.stringify(fresh.body).replace('never-seen@example.com', 'X'),
    );
    const [note] = mailsTo(server.config.dataDir, member.email);
    expect(note).toMatch(/Subject: You already have an account on Test Org/);
    expect(note).toMatch(/\/login\//);
    expect(note).toMatch(/\/accounts\/password\/reset\//);
    expect(note).not.toMatch(/do_confirm/);
    expect(mailsTo(server.config.dataDir, 'never-seen@example.com').join()).toMatch(/do_confirm/);
  });

  it('adds the default streams when the link says so', async () => {
    const created = await ok(
      server.client(admin).post('/invites/multiuse', {
        stream_ids: [streamId],
        include_realm_default_subscriptions: true,
      }),
    );
    const { res } = await signUp(keyOf(created.invite_link as string), 'with-defaults@example.com');
    expect(res.status).toBe(200);
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

  it('refuses weak passwords, bad addresses, other domains, and requests without the page’s CSRF token', async () => {
    const created = await ok(server.client(admin).post('/invites/multiuse', {}));
    const key = keyOf(created.invite_link as string);
    const weak = await signUp(key, 'weak@example.com', 'password1');
    expect(weak.res.status).toBe(400);
    expect(await weak.res.text()).toMatch(/password/i);
    await fails(join(key, { email: 'not an address' }), 400, /email/i);
    await fails(join(key, { email: 'nocsrf@example.com' }, null), 403, /CSRF/);
    const crossed = await server
      .client()
      .call('POST', `/join/${key}`, { email: 'crossed@example.com' }, 'form', {
        cookie: `csrftoken=${CSRF}`,
        'x-csrftoken': `${CSRF}-other`,
      });
    expect(crossed).toMatchObject({ status: 403, body: { code: 'CSRF_FAILED' } });
    expect(mailsTo(server.config.dataDir, 'nocsrf@example.com')).toEqual([]);
    expect(mailsTo(server.config.dataDir, 'crossed@example.com')).toEqual([]);

    // The mailed link's form also wants its page's CSRF token.
    await ok(join(key, { email: 'forged@example.com' }));
    const forgedKey = lastConfirmationKey(server.config.dataDir, 'forged@example.com');
    const forged = await fetch(`${server.url}/accounts/do_confirm/${forgedKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fullForm()).toString(),
    });
    expect(forged.status).toBe(403);

    // The organization's allowed domains apply to the link too.
    await server.updateRealm({ restricted_to_domain: true });
    await ok(
      server
        .client(server.owner)
        .post('/realm/domains', { domain: 'corp.test', allow_subdomains: false }),
    );
    try {
      await fails(join(key, { email: 'outsider@example.com' }), 400, /.+/);
      expect(mailsTo(server.config.dataDir, 'outsider@example.com')).toEqual([]);
    } finally {
      await server.updateRealm({ restricted_to_domain: false });
    }
    expect(
      await accounts(
        'weak@example.com',
        'nocsrf@example.com',
        'crossed@example.com',
        'forged@example.com',
        'outsider@example.com',
      ),
    ).toEqual([]);
  });

  it('limits the confirmation mails one address gets', async () => {
    const created = await ok(server.client(admin).post('/invites/multiuse', {}));
    const key = keyOf(created.invite_link as string);
    for (let i = 0; i < 5; i++) await ok(join(key, { email: 'flooded@example.com' }));
    const limited = await join(key, { email: 'flooded@example.com' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(mailsTo(server.config.dataDir, 'flooded@example.com')).toHaveLength(5);
    // Someone else's address is not held up by it.
    await ok(join(key, { email: 'not-flooded@example.com' }));
  });

  it('a mailed link fails once it has expired, or once its invitation is revoked or expired', async () => {
    const created = await ok(server.client(admin).post('/invites/multiuse', {}));
    const key = keyOf(created.invite_link as string);
    const id = ((await ok(server.client(admin).get('/invites'))).invites as ListedInvite[]).find(
      (i) => i.link_url === created.invite_link,
    )?.id as number;

    await ok(join(key, { email: 'slow-reader@example.com' }));
    const slowKey = lastConfirmationKey(server.config.dataDir, 'slow-reader@example.com');
    await server.db.execute(
      `UPDATE confirmations SET expires_at = now() - interval '1 minute' WHERE key = $1`,
      [slowKey],
    );
    const stale = await fetch(`${server.url}/accounts/do_confirm/${slowKey}`);
    expect(stale.status).toBe(400);
    expect(await stale.text()).toMatch(/This confirmation link has expired/);

    await ok(join(key, { email: 'after-revoke@example.com' }));
    const revokedKey = lastConfirmationKey(server.config.dataDir, 'after-revoke@example.com');
    const form = await fetch(`${server.url}/accounts/do_confirm/${revokedKey}`);
    const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
    const cookie = /csrftoken=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')?.[1] ?? '';
    await ok(server.client(admin).delete(`/invites/multiuse/${id}`));
    const page = await fetch(`${server.url}/accounts/do_confirm/${revokedKey}`);
    expect(page.status).toBe(400);
    expect(await page.text()).toMatch(/This invitation link has been revoked/);
    // A form opened before the revocation cannot finish either.
    const late = await fetch(`${server.url}/accounts/do_confirm/${revokedKey}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `csrftoken=${cookie}`,
      },
      body: new URLSearchParams({ ...fullForm(), csrfmiddlewaretoken: token }).toString(),
    });
    expect(late.status).toBe(400);
    expect(await late.text()).toMatch(/has been revoked/);
    const api = await server.client().post('/signup/complete', { key: revokedKey, ...fullForm() });
    expect(api.status).toBe(400);

    const expiring = await ok(server.client(admin).post('/invites/multiuse', {}));
    const expiringKey = keyOf(expiring.invite_link as string);
    await ok(join(expiringKey, { email: 'lapsed-invite@example.com' }));
    const boundKey = lastConfirmationKey(server.config.dataDir, 'lapsed-invite@example.com');
    await server.db.execute(
      `UPDATE multiuse_invites SET expires_at = now() - interval '1 minute' WHERE key = $1`,
      [expiringKey],
    );
    const expiredPage = await fetch(`${server.url}/accounts/do_confirm/${boundKey}`);
    expect(expiredPage.status).toBe(400);
    expect(await expiredPage.text()).toMatch(/This invitation link has expired/);
    expect(
      await accounts(
        'slow-reader@example.com',
        'after-revoke@example.com',
        'lapsed-invite@example.com',
      ),
    ).toEqual([]);
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

    await fails(join(key, { email: 'too-late@example.com' }), 400, /has been revoked/);
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
    await fails(join(expiredKey, { email: 'expired@example.com' }), 400, /has expired/);
    const expiredPage = await fetch(`${server.url}/join/${expiredKey}/`);
    expect(expiredPage.status).toBe(400);
    expect(await expiredPage.text()).toMatch(/This invitation link has expired/);
    const unknown = await fetch(`${server.url}/join/${'x'.repeat(24)}/`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/not valid/);
    expect(mailsTo(server.config.dataDir, 'too-late@example.com')).toEqual([]);
    expect(mailsTo(server.config.dataDir, 'expired@example.com')).toEqual([]);
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
