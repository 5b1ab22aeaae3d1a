import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { Role } from '../../apps/server/src/identity/user.types';
import { mailsTo } from '../accounts/mail-helper';
import { CookieSession, PageResponse } from '../web/cookie-session';

const LIMIT = 3;

/** A server whose sign-in endpoints allow `LIMIT` attempts a minute (and invitations a day). */
function limitedServer(): Promise<TestServer> {
  return startTestServer({
    env: {
      AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT),
      INVITE_LIMIT_PER_DAY: String(LIMIT),
      PASSWORD_HASH_ITERATIONS: '1000',
    },
  });
}

/** A server-rendered page's text with what legitimately differs per request taken out. */
function comparable(page: PageResponse, email: string): string {
  return page.text
    .replaceAll(email, '<email>')
    .replace(/name="csrfmiddlewaretoken" value="[^"]*"/g, '');
}

/**
 * Security class "authentication": guessing passwords, fishing for API keys and flooding people
 * with mail is rate limited on every route that takes a password or sends a mail, and no answer
 * tells whether an address has an account.
 */
describe('security: authentication, rate limits', () => {
  let server: TestServer;
  afterEach(() => server?.stop());

  it('limits password attempts on fetch_api_key, even with the right password after the limit', async () => {
    server = await limitedServer();
    const alice = await server.createUser();
    const client = server.client();
    for (let i = 0; i < LIMIT; i++) {
      const res = await client.post('/fetch_api_key', { username: alice.email, password: 'nope' });
      expect(res.status).toBe(401);
    }
    const limited = await client.post('/fetch_api_key', {
      username: alice.email,
      password: alice.password,
    });
    expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMIT_HIT' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.api_key).toBeUndefined();
  });

  it('limits password attempts on the login form', async () => {
    server = await limitedServer();
    const alice = await server.createUser();
    const browser = new CookieSession(server.url);
    for (let i = 0; i < LIMIT; i++) {
      expect((await browser.login(alice.email, 'nope')).status).toBe(401);
    }
    const limited = await browser.login(alice.email, alice.password);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    expect(browser.cookies.has('sessionid')).toBe(false);
  });

  it('limits guesses of the old password when changing it', async () => {
    server = await limitedServer();
    const alice = await server.createUser();
    const change = (old: string) =>
      server.client(alice).patch('/settings', {
        old_password: old,
        new_password: 'a brand new password for alice 77',
      });
    for (let i = 0; i < LIMIT; i++) expect((await change('nope')).status).toBe(400);
    const limited = await change(alice.password);
    expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMIT_HIT' } });
    const stillOld = await server
      .client()
      .post('/fetch_api_key', { username: alice.email, password: alice.password });
    expect(stillOld.status).toBe(429);
  });

  it('limits password-reset requests', async () => {
    server = await limitedServer();
    const alice = await server.createUser();
    const browser = new CookieSession(server.url);
    const reset = () => browser.submit('/accounts/password/reset/', { email: alice.email });
    for (let i = 0; i < LIMIT; i++) expect((await reset()).status).toBe(200);
    expect((await reset()).status).toBe(429);
    expect(mailsTo(server.config.dataDir, alice.email)).toHaveLength(LIMIT);
  });

  it('limits sign-up requests', async () => {
    server = await limitedServer();
    await server.updateRealm({ invite_required: false });
    const client = server.client();
    for (let i = 0; i < LIMIT; i++) {
      expect((await client.post('/signup', { email: `new${i}@example.com` })).status).toBe(200);
    }
    const limited = await client.post('/signup', { email: 'one-more@example.com' });
    expect(limited).toMatchObject({ status: 429, body: { code: 'RATE_LIMIT_HIT' } });
    expect(mailsTo(server.config.dataDir, 'one-more@example.com')).toHaveLength(0);
  });

  it('limits invitations an organization sends a day, whoever sends them', async () => {
    server = await limitedServer();
    const admin = await server.createUser({ role: Role.Administrator });
    const member = await server.createUser();
    const first = await server
      .client(admin)
      .post('/invites', { invitee_emails: 'a@example.com, b@example.com', stream_ids: [] });
    expect(first.status).toBe(200);
    const second = await server
      .client(member)
      .post('/invites', { invitee_emails: 'c@example.com', stream_ids: [] });
    expect(second.status).toBe(200);
    const over = await server
      .client(admin)
      .post('/invites', { invitee_emails: 'd@example.com', stream_ids: [] });
    expect(over).toMatchObject({
      status: 400,
      body: { code: 'INVITATION_FAILED', daily_limit_reached: true },
    });
    expect(mailsTo(server.config.dataDir, 'd@example.com')).toHaveLength(0);
  });
});

describe('security: authentication, no answer tells who has an account', () => {
  let server: TestServer;
  let alice: TestUser;

  beforeAll(async () => {
    server = await startTestServer({ env: { PASSWORD_HASH_ITERATIONS: '1000' } });
    alice = await server.createUser();
  });
  afterAll(() => server.stop());

  it('answers sign-up alike for an existing and an unknown address where an invitation is needed', async () => {
    await server.updateRealm({ invite_required: true });
    const client = server.client();
    const existing = await client.post('/signup', { email: alice.email });
    const unknown = await client.post('/signup', { email: 'uninvited@example.com' });
    expect(existing.status).toBe(400);
    expect(JSON.stringify(existing.body).replaceAll(alice.email, '<email>')).toBe(
      JSON.stringify(unknown.body).replaceAll('uninvited@example.com', '<email>'),
    );
  });

  it('answers sign-up alike for an existing and an unknown address, each mailed once', async () => {
    await server.updateRealm({ invite_required: false });
    const unknown = 'not-yet@example.com';
    const client = server.client();
    const existing = await client.post('/signup', { email: alice.email });
    const fresh = await client.post('/signup', { email: unknown });
    expect(existing.status).toBe(fresh.status);
    expect(JSON.stringify(existing.body).replaceAll(alice.email, '<email>')).toBe(
      JSON.stringify(fresh.body).replaceAll(unknown, '<email>'),
    );
    expect(mailsTo(server.config.dataDir, alice.email)).toHaveLength(1);
    expect(mailsTo(server.config.dataDir, unknown)).toHaveLength(1);

    const page = new CookieSession(server.url);
    const existingPage = await page.submit('/register/', { email: alice.email });
    const freshPage = await page.submit('/register/', { email: 'also-new@example.com' });
    expect(existingPage.status).toBe(freshPage.status);
    expect(comparable(existingPage, alice.email)).toBe(
      comparable(freshPage, 'also-new@example.com'),
    );
  });

  it('answers a password reset alike for an existing and an unknown address, each mailed once', async () => {
    const unknown = 'nobody@example.com';
    const page = new CookieSession(server.url);
    const before = mailsTo(server.config.dataDir, alice.email).length;
    const existing = await page.submit('/accounts/password/reset/', { email: alice.email });
    const fresh = await page.submit('/accounts/password/reset/', { email: unknown });
    expect(existing.status).toBe(200);
    expect(fresh.status).toBe(200);
    expect(comparable(existing, alice.email)).toBe(comparable(fresh, unknown));
    expect(mailsTo(server.config.dataDir, alice.email)).toHaveLength(before + 1);
    expect(mailsTo(server.config.dataDir, unknown)).toHaveLength(1);
  });
});
