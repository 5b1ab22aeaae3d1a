import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { expectNothing, queues, receive } from '../api/api-fixtures';
import { lastConfirmationKey, mailsTo, submitConfirmForm } from './mail-helper';

describe('realm settings, domains, invitations and sign-up', () => {
  let server: TestServer;
  let admin: TestUser;
  let member: TestUser;
  beforeAll(async () => {
    server = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '100' } });
    admin = await server.createUser({ role: Role.Administrator });
    member = await server.createUser();
  });
  afterAll(() => server.stop());

  const patchRealm = (user: TestUser, params: Record<string, string | number | boolean | null>) =>
    server.client(user).patch('/realm', params);
  const signup = (email: string) => server.client().post('/signup', { email });
  const complete = (key: string, password = 'tall purple giraffes sing') =>
    server.client().post('/signup/complete', { key, full_name: 'New Person', password });

  it('lets admins change realm settings and returns what changed; members get 403', async () => {
    const res = await patchRealm(admin, {
      name: 'Renamed Org',
      mandatory_topics: true,
      message_content_edit_limit_seconds: 'unlimited',
      waiting_period_threshold: 3,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Renamed Org',
      mandatory_topics: true,
      message_content_edit_limit_seconds: null,
      waiting_period_threshold: 3,
    });
    const settings = await server.client().get('/server_settings');
    expect(settings.body.realm_name).toBe('Renamed Org');
    const again = await patchRealm(admin, { name: 'Renamed Org' });
    expect(again.body).not.toHaveProperty('name');
    const denied = await patchRealm(member, { name: 'Mine now' });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('UNAUTHORIZED_PRINCIPAL');
    const bad = await patchRealm(admin, { message_content_edit_limit_seconds: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.msg).toMatch(/message_content_edit_limit_seconds/);
    const badBool = await patchRealm(admin, { mandatory_topics: 'perhaps' });
    expect(badBool.status).toBe(400);
    const policy = await patchRealm(admin, { invite_to_realm_policy: 2 });
    expect(policy.body).toMatchObject({ invite_by_admin_only: true, invite_to_realm_policy: 2 });
    await patchRealm(admin, { invite_by_admin_only: false });
  });

  it('manages realm domains (owners change them, everyone reads them)', async () => {
    const owner = server.client(server.owner);
    const added = await owner.post('/realm/domains', {
      domain: 'Example.com',
      allow_subdomains: false,
    });
    expect(added.status).toBe(200);
    expect(added.body.new_domain).toEqual([expect.any(Number), 'example.com']);
    const dup = await owner.post('/realm/domains', { domain: 'example.com' });
    expect(dup.body.msg).toBe('The domain example.com is already a part of your organization.');
    expect((await owner.post('/realm/domains', { domain: 'not a domain' })).status).toBe(400);
    await owner.post('/realm/domains', { domain: 'corp.test', allow_subdomains: true });
    expect((await server.client(admin).post('/realm/domains', { domain: 'x.org' })).status).toBe(
      403,
    );
    const patched = await owner.patch('/realm/domains/corp.test', { allow_subdomains: false });
    expect(patched.status).toBe(200);
    const list = await server.client(member).get('/realm/domains');
    expect(list.body.domains).toEqual([
      { domain: 'corp.test', allow_subdomains: false },
      { domain: 'example.com', allow_subdomains: false },
    ]);
    expect((await owner.delete('/realm/domains/corp.test')).status).toBe(200);
    const gone = await owner.delete('/realm/domains/corp.test');
    expect(gone.status).toBe(404);
    expect(gone.body.msg).toBe('No entry found for domain corp.test.');
  });

  it('refuses sign-up without an invitation while invitations are required', async () => {
    const res = await signup('stranger@example.com');
    expect(res.status).toBe(400);
    expect(res.body.msg).toMatch(/requires an invitation/);
    expect(mailsTo(server.config.dataDir, 'stranger@example.com')).toHaveLength(0);
  });

  it('invites by mail; the link creates the account with the invited role and streams', async () => {
    const stream = await server.db.one<{ id: number }>(
      `INSERT INTO streams (realm_id, name) VALUES ($1, 'newcomers') RETURNING id`,
      [server.realm.id],
    );
    const res = await server.client(member).post('/invites', {
      invitee_emails: 'Invited Person <invitee@example.com>\nsecond@example.com, ',
      stream_ids: [stream?.id],
      invite_as: Role.Member,
    });
    expect(res.status).toBe(200);
    expect(res.body.invited_emails).toEqual(['invitee@example.com', 'second@example.com']);
    const listed = await server.client(admin).get('/invites');
    expect((listed.body.invites as { email: string }[]).map((i) => i.email)).toEqual(
      expect.arrayContaining(['invitee@example.com', 'second@example.com']),
    );
    const mail = mailsTo(server.config.dataDir, 'invitee@example.com')[0];
    expect(mail).toMatch(/Subject: .* invited you to join Renamed Org/);
    const key = lastConfirmationKey(server.config.dataDir, 'invitee@example.com');
    expect(key).toMatch(/^[a-z0-9]{24}$/);

    const page = await fetch(`${server.url}/accounts/do_confirm/${key}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('invitee@example.com');

    // Without the page's CSRF token the form is refused (another site cannot post it).
    const forged = await fetch(`${server.url}/accounts/do_confirm/${key}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        full_name: 'Invited Person',
        password: 'seven lamps in the harbor',
      }).toString(),
    });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toMatch(/This form expired/);

    const weak = await submitConfirmForm(server.url, key, {
      full_name: 'Invited Person',
      password: 'qwerty',
    });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toMatch(/password is too short/);

    const form = await submitConfirmForm(server.url, key, {
      full_name: 'Invited Person',
      password: 'seven lamps in the harbor',
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('is ready');
    const login = await server.client().post('/fetch_api_key', {
      username: 'invitee@example.com',
      password: 'seven lamps in the harbor',
    });
    expect(login.status).toBe(200);
    const streams = await server.db.rows<{ name: string }>(
      `SELECT s.name FROM subscriptions u JOIN streams s ON s.id = u.stream_id
       WHERE u.user_id = $1 AND u.active ORDER BY s.name`,
      [login.body.user_id],
    );
    expect(streams.map((r) => r.name)).toEqual(['general', 'newcomers']);

    const reused = await complete(key);
    expect(reused.status).toBe(400);
    expect(reused.body.msg).toBe('This confirmation link has already been used.');
    const pending = await server.client(admin).get('/invites');
    expect((pending.body.invites as { email: string }[]).map((i) => i.email)).not.toContain(
      'invitee@example.com',
    );
  });

  it('applies the invite role through the API completion and honours revocation', async () => {
    const res = await server.client(admin).post('/invites', {
      invitee_emails: 'future-mod@example.com',
      stream_ids: [],
      invite_as: 300,
    });
    expect(res.status).toBe(200);
    const key = lastConfirmationKey(server.config.dataDir, 'future-mod@example.com');
    const done = await complete(key);
    expect(done.status).toBe(200);
    const me = await server
      .client({ email: String(done.body.email), apiKey: String(done.body.api_key) })
      .get('/users/me');
    expect(me.body.role).toBe(Role.Moderator);

    await server
      .client(admin)
      .post('/invites', { invitee_emails: 'revoked@example.com', stream_ids: [] });
    const invites = (await server.client(admin).get('/invites')).body.invites as {
      id: number;
      email: string;
    }[];
    const invite = invites.find((i) => i.email === 'revoked@example.com');
    expect((await server.client(member).delete(`/invites/${invite?.id}`)).status).toBe(403);
    expect((await server.client(admin).delete(`/invites/${invite?.id}`)).status).toBe(200);
    const revokedKey = lastConfirmationKey(server.config.dataDir, 'revoked@example.com');
    const late = await complete(revokedKey);
    expect(late.status).toBe(404);
    expect(late.body.msg).toMatch(/not valid/);
    expect((await signup('revoked@example.com')).body.msg).toMatch(/requires an invitation/);
  });

  it('resends an invitation (its sender and administrators) and announces invites_changed', async () => {
    const bystander = await server.createUser();
    const [adminQ, memberQ, bystanderQ] = await queues(
      server,
      ['invites_changed'],
      admin,
      member,
      bystander,
    );
    const sent = await server
      .client(member)
      .post('/invites', { invitee_emails: 'twice@example.com', stream_ids: [] });
    expect(sent.status).toBe(200);
    for (const q of [adminQ, memberQ]) {
      expect(await receive(q, 1)).toEqual([{ type: 'invites_changed', id: expect.any(Number) }]);
    }
    const key = lastConfirmationKey(server.config.dataDir, 'twice@example.com');
    const invites = (await server.client(member).get('/invites')).body.invites as {
      id: number;
      email: string;
    }[];
    const id = invites.find((i) => i.email === 'twice@example.com')?.id;

    const refused = await server.client(bystander).post(`/invites/${id}/resend`);
    expect(refused.status).toBe(403);
    expect(refused.body.msg).toBe('Must be an organization administrator');
    expect((await server.client(admin).post('/invites/987654/resend')).status).toBe(404);

    const resent = await server.client(member).post(`/invites/${id}/resend`);
    expect(resent.status).toBe(200);
    const mails = mailsTo(server.config.dataDir, 'twice@example.com');
    expect(mails).toHaveLength(2);
    expect(mails[1]).toContain(`/accounts/do_confirm/${key}`);
    expect((await server.client(admin).post(`/invites/${id}/resend`)).status).toBe(200);
    for (const q of [adminQ, memberQ]) expect(await receive(q, 2)).toHaveLength(2);

    expect((await server.client(admin).delete(`/invites/${id}`)).status).toBe(200);
    for (const q of [adminQ, memberQ]) expect(await receive(q, 1)).toHaveLength(1);
    await expectNothing(bystanderQ);
    expect((await server.client(member).post(`/invites/${id}/resend`)).status).toBe(404);
  });

  it('reports invitations it could not send, as Zulip does', async () => {
    const res = await server
      .client(admin)
      .post('/invites', { invitee_emails: `${member.email}, fresh@example.com`, stream_ids: [] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'INVITATION_FAILED',
      sent_invitations: true,
      errors: [[member.email, 'Already has an account.', false]],
    });
    const noStream = await server
      .client(admin)
      .post('/invites', { invitee_emails: 'x@example.com', stream_ids: [424242] });
    expect(noStream.status).toBe(400);
    const notJson = await server
      .client(admin)
      .post('/invites', { invitee_emails: 'x@example.com', stream_ids: 'general' });
    expect(notJson.status).toBe(400);
  });

  it('honours invite_by_admin_only for members', async () => {
    await patchRealm(admin, { invite_by_admin_only: true });
    const res = await server
      .client(member)
      .post('/invites', { invitee_emails: 'blocked@example.com', stream_ids: [] });
    expect(res.status).toBe(403);
    expect(res.body.msg).toMatch(/Only organization administrators can invite/);
    const byAdmin = await server
      .client(admin)
      .post('/invites', { invitee_emails: 'allowed@example.com', stream_ids: [] });
    expect(byAdmin.status).toBe(200);
    await patchRealm(admin, { invite_by_admin_only: false });
  });

  it('restricts sign-up to the realm domains, subdomains only where allowed', async () => {
    await patchRealm(admin, { invite_required: false, restricted_to_domain: true });
    await server
      .client(server.owner)
      .post('/realm/domains', { domain: 'corp.test', allow_subdomains: true });

    const outside = await signup('someone@elsewhere.org');
    expect(outside.status).toBe(400);
    expect(outside.body.msg).toMatch(/not in a domain allowed in this organization/);
    const sub = await signup('someone@mail.example.com');
    expect(sub.status).toBe(400);
    expect((await signup('dev@eu.corp.test')).status).toBe(200);

    const open = await signup('open@example.com');
    expect(open.status).toBe(200);
    const key = lastConfirmationKey(server.config.dataDir, 'open@example.com');
    const done = await complete(key);
    expect(done.status).toBe(200);
    const me = await server
      .client({ email: 'open@example.com', apiKey: String(done.body.api_key) })
      .get('/users/me');
    expect(me.body).toMatchObject({ role: Role.Member, full_name: 'New Person' });
    // Signing up again answers as for a new address; the account's owner is told by mail.
    const again = await signup('open@example.com');
    expect(again.status).toBe(200);
    expect(mailsTo(server.config.dataDir, 'open@example.com').at(-1)).toMatch(
      /already has an account/,
    );

    const adminOutside = await server.client(admin).post('/users', {
      email: 'outsider@elsewhere.org',
      password: 'tall purple giraffes sing',
      full_name: 'Outsider',
    });
    expect(adminOutside.status).toBe(400);
    const invitedOutside = await server
      .client(admin)
      .post('/invites', { invitee_emails: 'outsider@elsewhere.org', stream_ids: [] });
    expect(invitedOutside.body.code).toBe('INVITATION_FAILED');
    await patchRealm(admin, { invite_required: true, restricted_to_domain: false });
  });

  it('lets admins create accounts without an invitation', async () => {
    const res = await server.client(admin).post('/users', {
      email: 'direct@elsewhere.org',
      password: 'tall purple giraffes sing',
      full_name: 'Direct',
    });
    expect(res.status).toBe(200);
  });

  it('refuses an expired confirmation link', async () => {
    await server
      .client(admin)
      .post('/invites', { invitee_emails: 'slow@example.com', stream_ids: [] });
    const key = lastConfirmationKey(server.config.dataDir, 'slow@example.com');
    await server.db.execute(
      `UPDATE confirmations SET expires_at = now() - interval '1 minute' WHERE key = $1`,
      [key],
    );
    const res = await complete(key);
    expect(res.status).toBe(400);
    expect(res.body.msg).toBe('This confirmation link has expired. Please sign up again.');
  });

  it('answers unknown and malformed confirmation keys clearly', async () => {
    const page = await fetch(`${server.url}/accounts/do_confirm/${'a'.repeat(24)}`);
    expect(page.status).toBe(404);
    expect(await page.text()).toMatch(/not valid/);
    const api = await complete('../../etc/passwd');
    expect(api.status).toBe(404);
  });
});
