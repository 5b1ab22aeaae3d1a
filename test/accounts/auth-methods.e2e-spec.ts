import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { QueueReader, WireEvent } from '../events/event-fixtures';
import { CookieSession } from '../web/cookie-session';

/**
 * `PATCH /realm` `authentication_methods`: owners turn the server's login methods on and off for
 * their organization, and a method turned off really stops letting people in.
 */
describe('the organization’s authentication methods', () => {
  let server: TestServer;
  let admin: TestUser;
  let member: TestUser;
  const remoteUser = 'x-remote-user';

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        AUTH_RATE_LIMIT_PER_MINUTE: '100',
        DEV_MODE: 'true',
        TRUSTED_PROXIES: '127.0.0.1,::1',
        SSO_REMOTE_USER_HEADER: 'X-Remote-User',
      },
    });
    admin = await server.createUser({ role: Role.Administrator });
    member = await server.createUser();
  });
  afterAll(() => server.stop());

  const setMethods = (user: TestUser, methods: unknown) =>
    server.client(user).patch('/realm', { authentication_methods: JSON.stringify(methods) });
  const passwordLogin = (user: TestUser) =>
    server.client().post('/fetch_api_key', { username: user.email, password: user.password });
  const ssoLogin = (user: TestUser) =>
    new CookieSession(server.url, undefined, { [remoteUser]: user.email }).get(
      '/accounts/login/sso/',
    );

  it('lists the methods the server offers, all on at first', async () => {
    const state = await server.client(member).post('/register', { fetch_event_types: ['realm'] });
    // Zulip's shape since feature level 227: each method's state.
    expect(state.body.realm_authentication_methods).toEqual({
      Email: { enabled: true, available: true },
      Dev: { enabled: true, available: true },
      RemoteUser: { enabled: true, available: true },
      'OpenID Connect': {
        enabled: false,
        available: false,
        unavailable_reason: 'This method is not configured on this server.',
      },
    });
  });

  it('lets only owners change them, and refuses what cannot be', async () => {
    const byMember = await setMethods(member, { Email: false });
    expect(byMember.status).toBe(403);
    const byAdmin = await setMethods(admin, { Email: false });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.msg).toBe('Must be an organization owner');

    const unknown = await setMethods(server.owner, { Carrier: true });
    expect(unknown.status).toBe(400);
    expect(unknown.body.msg).toBe('Invalid authentication method: Carrier');
    const unavailable = await setMethods(server.owner, { 'OpenID Connect': true });
    expect(unavailable.status).toBe(400);
    expect(unavailable.body.msg).toMatch(/not available on this server/);
    expect((await setMethods(server.owner, ['Email'])).status).toBe(400);
    expect((await setMethods(server.owner, { Email: 'no' })).status).toBe(400);
    const none = await setMethods(server.owner, { Email: false, Dev: false, RemoteUser: false });
    expect(none.status).toBe(400);
    expect(none.body.msg).toBe('At least one authentication method must be enabled.');
    // Nothing changed by the refusals.
    expect((await passwordLogin(member)).status).toBe(200);
  });

  it('stops password and single sign-on logins once turned off, and tells every client', async () => {
    const queue = await QueueReader.register(server, member, { event_types: ['realm'] });
    const off = await setMethods(server.owner, { Email: false, RemoteUser: false });
    expect(off.status).toBe(200);
    expect(off.body.authentication_methods).toEqual({
      Email: false,
      Dev: true,
      RemoteUser: false,
      'OpenID Connect': false,
    });
    const events: WireEvent[] = [];
    for (let i = 0; i < 50 && events.length === 0; i++) {
      events.push(...(await queue.drain()));
      if (events.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(events).toEqual([
      expect.objectContaining({
        type: 'realm',
        op: 'update_dict',
        property: 'default',
        data: {
          authentication_methods: expect.objectContaining({
            Email: { enabled: false, available: true },
            Dev: { enabled: true, available: true },
            RemoteUser: { enabled: false, available: true },
          }),
        },
      }),
    ]);

    const refused = await passwordLogin(member);
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({
      code: 'PASSWORD_AUTH_DISABLED',
      msg: 'Password authentication is disabled in this organization',
    });
    // The web login form says the same and starts no session.
    const browser = new CookieSession(server.url);
    const form = await browser.login(member.email, member.password);
    expect(form.status).toBe(401);
    expect(form.text).toContain('Password authentication is disabled in this organization');
    expect(browser.cookies.has('sessionid')).toBe(false);
    // It no longer offers a password field, nor single sign-on, only what is left.
    const page = await new CookieSession(server.url).get('/login/');
    expect(page.text).toContain('This organization does not use passwords to log in.');
    expect(page.text).not.toContain('name="password"');
    expect(page.text).not.toContain('/accounts/login/sso/');
    const sso = await ssoLogin(member);
    expect(sso.status).toBe(401);
    expect(sso.text).toContain('RemoteUser login is disabled');

    const settings = await server.client().get('/server_settings');
    expect(settings.body).toMatchObject({ email_auth_enabled: false });
    expect(settings.body.authentication_methods).toMatchObject({
      password: false,
      email: false,
      dev: true,
      remoteuser: false,
    });
    // The method left on still works.
    expect(
      (await server.client().post('/dev_fetch_api_key', { username: member.email })).status,
    ).toBe(200);

    const on = await setMethods(server.owner, { Email: true, RemoteUser: true });
    expect(on.body.authentication_methods).toMatchObject({ Email: true, RemoteUser: true });
    expect((await passwordLogin(member)).status).toBe(200);
    expect((await ssoLogin(member)).status).toBe(302);
  });
});
