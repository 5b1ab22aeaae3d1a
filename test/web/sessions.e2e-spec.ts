import WebSocket from 'ws';
import { mailsTo } from '../accounts/mail-helper';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { CookieSession } from './cookie-session';

/** Sign-in pages, server-side sessions and CSRF for `/json/`, without a browser. */
describe('web sessions', () => {
  let server: TestServer;
  let alice: TestUser;

  beforeAll(async () => {
    server = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '50' } });
    alice = await server.createUser({ fullName: 'Alice Liddell' });
  });
  afterAll(() => server.stop());

  function browser(host?: string): CookieSession {
    return new CookieSession(server.url, host);
  }

  it('shows a labelled login form under a strict policy, never cached', async () => {
    const page = await browser().get('/login/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<label for="email">Email</label>');
    expect(page.text).toContain('<label for="password">Password</label>');
    expect(page.text).toMatch(/<button type="submit">Log in<\/button>/);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('sends a visitor without a session from / to the login page', async () => {
    const page = await browser().get('/');
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe('/login/');
  });

  it('refuses a wrong password with the same answer as an unknown address, and opens no session', async () => {
    const wrong = browser();
    const res = await wrong.login(alice.email, 'not the password at all');
    expect(res.status).toBe(401);
    expect(res.text).toContain('role="alert"');
    expect(res.text).toContain('Your username or password is incorrect');
    expect(wrong.cookies.has('sessionid')).toBe(false);
    const unknown = await browser().login('nobody-here@example.com', 'not the password at all');
    expect(unknown.status).toBe(401);
    expect(unknown.text).toContain('Your username or password is incorrect');
  });

  it('refuses a login form posted without its CSRF token', async () => {
    const res = await browser().request('POST', '/login/', {
      form: { username: alice.email, password: alice.password },
    });
    expect(res.status).toBe(403);
  });

  it('logs in with a fresh HttpOnly, SameSite=Lax session cookie and serves /json/ by it', async () => {
    const b = browser();
    b.cookies.set('sessionid', 'planted-by-an-attacker');
    const res = await b.login(alice.email, alice.password);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('sessionid='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).not.toMatch(/Domain=/i);
    expect(b.cookies.get('sessionid')).not.toBe('planted-by-an-attacker');
    const me = await b.json('GET', '/users/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(alice.email);
    const home = await b.get('/');
    expect([200, 503]).toContain(home.status);
    expect(home.headers['cache-control']).toBe('no-store');
    expect(String(home.headers['content-security-policy'])).toContain("script-src 'self'");
  });

  it('refuses a state-changing /json/ request without the CSRF token, or with a wrong one', async () => {
    const b = browser();
    await b.login(alice.email, alice.password);
    const send = { type: 'stream', to: 'general', topic: 'csrf', content: 'hello' };
    await server.client(server.owner).post('/users/me/subscriptions', {
      subscriptions: [{ name: 'general' }],
      principals: [alice.id],
    });
    const missing = await b.json('POST', '/messages', send, { csrf: null });
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ result: 'error', code: 'CSRF_FAILED' });
    const wrong = await b.json('POST', '/messages', send, { csrf: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('CSRF_FAILED');
    const right = await b.json('POST', '/messages', send);
    expect(right.status).toBe(200);
    expect(typeof right.body.id).toBe('number');
    // The API itself (HTTP Basic) needs no CSRF token, and Basic credentials do not work under /json/.
    expect((await server.client(alice).get('/users/me')).status).toBe(200);
    const basicOnJson = await server.client(alice).call('GET', '/../../json/users/me');
    expect(basicOnJson.status).toBe(401);
  });

  it('answers /json/ without a session with 401 and no Basic challenge', async () => {
    const res = await browser().json('GET', '/users/me');
    expect(res.status).toBe(401);
    expect(res.body.result).toBe('error');
  });

  it('ends the session on the server at logout (a replayed cookie stops working)', async () => {
    const b = browser();
    await b.login(alice.email, alice.password);
    const stolen = new Map(b.cookies);
    const without = await b.request('POST', '/logout/', { form: {} });
    expect(without.status).toBe(403);
    const out = await b.request('POST', '/logout/', { headers: { 'x-csrftoken': b.csrfToken } });
    expect(out.status).toBe(302);
    expect(b.cookies.has('sessionid')).toBe(false);
    const replay = browser();
    for (const [k, v] of stolen) replay.cookies.set(k, v);
    expect((await replay.json('GET', '/users/me')).status).toBe(401);
  });

  it('keeps a session to its realm: the same cookie means nothing on another realm host', async () => {
    await server.createRealm('elsewhere', 'Elsewhere');
    const b = browser();
    await b.login(alice.email, alice.password);
    const other = browser('elsewhere.localhost');
    for (const [k, v] of b.cookies) other.cookies.set(k, v);
    expect((await other.json('GET', '/users/me')).status).toBe(401);
    expect((await b.json('GET', '/users/me')).status).toBe(200);
  });

  it('ends the other sessions when the password changes, keeping the one that changed it', async () => {
    const bob = await server.createUser();
    const phone = browser();
    const laptop = browser();
    await phone.login(bob.email, bob.password);
    await laptop.login(bob.email, bob.password);
    const newPassword = 'a brand new passphrase for bob 7319';
    const change = await laptop.json('PATCH', '/settings', {
      old_password: bob.password,
      new_password: newPassword,
    });
    expect(change.status).toBe(200);
    expect((await laptop.json('GET', '/users/me')).status).toBe(200);
    expect((await phone.json('GET', '/users/me')).status).toBe(401);
  });

  it('ends every session of a deactivated user', async () => {
    const carol = await server.createUser();
    const b = browser();
    await b.login(carol.email, carol.password);
    expect((await b.json('GET', '/users/me')).status).toBe(200);
    expect((await server.client(server.owner).delete(`/users/${carol.id}`)).status).toBe(200);
    expect((await b.json('GET', '/users/me')).status).toBe(401);
    const rows = await server.db.rows('SELECT 1 FROM web_sessions WHERE user_id = $1', [carol.id]);
    expect(rows).toHaveLength(0);
  });

  it('does not let bots log in to the web application', async () => {
    const bot = await server.client(alice).post('/bots', {
      full_name: 'Helper Bot',
      short_name: 'helper-web',
    });
    expect(bot.status).toBe(200);
    const res = await browser().login(
      String(bot.body.bot_email ?? 'helper-web-bot@localhost'),
      'x',
    );
    expect(res.status).toBe(401);
  });

  it('opens the event socket for the session, but not for a page on another origin', async () => {
    const b = browser();
    await b.login(alice.email, alice.password);
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const socketUrl = server.url.replace('http', 'ws') + '/api/v1/events/socket';
    const first = (origin: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const ws = new WebSocket(socketUrl, { headers: { cookie, origin } });
        ws.once('message', (data) => {
          resolve(JSON.parse(String(data)) as Record<string, unknown>);
          ws.close();
        });
        ws.once('error', reject);
      });
    expect(await first(server.url)).toMatchObject({
      type: 'auth',
      result: 'success',
      user_id: alice.id,
    });
    expect(await first('http://evil.example')).toMatchObject({
      type: 'error',
      code: 'UNAUTHORIZED',
    });
  });

  describe('password reset', () => {
    it('answers alike for any address and mails a one-time link that ends every session', async () => {
      const dave = await server.createUser();
      const oldSession = browser();
      await oldSession.login(dave.email, dave.password);

      const known = await browser().submit('/accounts/password/reset/', { email: dave.email });
      const unknown = await browser().submit('/accounts/password/reset/', {
        email: 'no-account@example.com',
      });
      expect(known.status).toBe(200);
      expect(unknown.status).toBe(200);
      expect(known.text.replace(dave.email, 'X')).toBe(
        unknown.text.replace('no-account@example.com', 'X'),
      );
      expect(mailsTo(server.config.dataDir, 'no-account@example.com').join()).toMatch(
        /no active account/,
      );
      const mail = mailsTo(server.config.dataDir, dave.email).pop() ?? '';
      const link = /\/accounts\/password\/reset\/([a-z0-9]+)\//.exec(mail);
      expect(link).not.toBeNull();
      const path = link![0];

      const b = browser();
      const mismatch = await b.submit(path, {
        new_password: 'a fresh passphrase for dave 88',
        confirm_password: 'something else entirely 88',
      });
      expect(mismatch.status).toBe(400);
      expect(mismatch.text).toContain('do not match');
      const done = await b.submit(path, {
        new_password: 'a fresh passphrase for dave 88',
        confirm_password: 'a fresh passphrase for dave 88',
      });
      expect(done.status).toBe(200);
      expect((await oldSession.json('GET', '/users/me')).status).toBe(401);
      expect((await browser().login(dave.email, 'a fresh passphrase for dave 88')).status).toBe(
        302,
      );
      const again = await browser().get(path);
      expect(again.status).toBe(400);
      expect(again.text).toContain('already been used');
    });

    it('refuses an expired link', async () => {
      const erin = await server.createUser();
      await browser().submit('/accounts/password/reset/', { email: erin.email });
      const mail = mailsTo(server.config.dataDir, erin.email).pop() ?? '';
      const key = /\/accounts\/password\/reset\/([a-z0-9]+)\//.exec(mail)![1];
      await server.db.execute(
        "UPDATE confirmations SET expires_at = now() - interval '1 minute' WHERE key = $1",
        [key],
      );
      const page = await browser().get(`/accounts/password/reset/${key}/`);
      expect(page.status).toBe(400);
      expect(page.text).toContain('expired');
    });
  });

  it('gives the sign-up page the same answer for a new address and one with an account', async () => {
    await server.updateRealm({ invite_required: false });
    try {
      const fresh = await browser().submit('/register/', { email: 'newcomer@example.com' });
      const taken = await browser().submit('/register/', { email: alice.email });
      expect(fresh.status).toBe(200);
      expect(taken.status).toBe(200);
      expect(fresh.text.replace('newcomer@example.com', 'X')).toBe(
        taken.text.replace(alice.email, 'X'),
      );
      expect(mailsTo(server.config.dataDir, 'newcomer@example.com').join()).toMatch(/do_confirm/);
      expect(mailsTo(server.config.dataDir, alice.email).join()).toMatch(/already have an account/);
    } finally {
      await server.updateRealm({ invite_required: true });
    }
  });

  // Last in this suite: it spends the loopback address's login budget for the minute.
  it('rate limits the login form as fetch_api_key is, even for the right password', async () => {
    const target = await server.createUser();
    let res = await browser().login(target.email, 'a wrong guess');
    for (let i = 0; i < 60 && res.status !== 429; i++)
      res = await browser().login(target.email, 'a wrong guess');
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.text).toContain('role="alert"');
    const right = browser();
    expect((await right.login(target.email, target.password)).status).toBe(429);
    expect(right.cookies.has('sessionid')).toBe(false);
  });
});

describe('remote-user SSO', () => {
  const header = 'x-remote-user';

  it('logs in the user a trusted front server names, creating the account when the realm allows', async () => {
    const server = await startTestServer({
      env: {
        TRUSTED_PROXIES: '127.0.0.1,::1',
        SSO_REMOTE_USER_HEADER: 'X-Remote-User',
        SSO_APPEND_DOMAIN: 'example.com',
      },
    });
    try {
      const existing = await server.createUser({ email: 'frank@example.com' });
      const b = new CookieSession(server.url, undefined, { [header]: 'frank' });
      const res = await b.get('/accounts/login/sso/?next=/%23narrow/is/starred');
      expect(res.status).toBe(302);
      expect(res.headers.location).toBe('/#narrow/is/starred');
      expect((await b.json('GET', '/users/me')).body.user_id).toBe(existing.id);
      const plain = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('sessionid='));
      expect(plain).not.toMatch(/Secure/);

      // Behind the trusted proxy's HTTPS, the cookies are Secure.
      const overTls = new CookieSession(server.url, undefined, {
        [header]: 'frank',
        'x-forwarded-proto': 'https',
      });
      const secure = await overTls.get('/accounts/login/sso/');
      for (const name of ['sessionid=', 'csrftoken=']) {
        const cookie = (secure.headers['set-cookie'] ?? []).find((c) => c.startsWith(name));
        expect(cookie).toMatch(/; Secure/);
      }

      const refused = new CookieSession(server.url, undefined, { [header]: 'grace' });
      // No invitation yet: the organization requires one.
      expect((await refused.get('/accounts/login/sso/')).status).toBe(400);
      await server.updateRealm({ invite_required: false });
      const created = new CookieSession(server.url, undefined, { [header]: 'grace' });
      expect((await created.get('/accounts/login/sso/')).status).toBe(302);
      expect((await created.json('GET', '/users/me')).body.email).toBe('grace@example.com');
    } finally {
      await server.stop();
    }
  });

  it('ignores the header from an address that is not a trusted proxy', async () => {
    const server = await startTestServer({
      env: { TRUSTED_PROXIES: '192.0.2.10', SSO_REMOTE_USER_HEADER: 'X-Remote-User' },
    });
    try {
      const b = new CookieSession(server.url, undefined, { [header]: server.owner.email });
      const res = await b.get('/accounts/login/sso/');
      expect(res.status).toBe(403);
      expect(res.text).toContain('sign-in server');
      expect(b.cookies.has('sessionid')).toBe(false);

      // Nor is its word about HTTPS: a password login's cookie stays without Secure.
      const claimed = new CookieSession(server.url, undefined, { 'x-forwarded-proto': 'https' });
      const login = await claimed.login(server.owner.email, server.owner.password);
      expect(login.status).toBe(302);
      const cookie = (login.headers['set-cookie'] ?? []).find((c) => c.startsWith('sessionid='));
      expect(cookie).not.toMatch(/Secure/);
    } finally {
      await server.stop();
    }
  });
});
