import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { CookieSession } from '../web/cookie-session';

/**
 * Security class "authentication": a way of signing in that this server has not enabled cannot be
 * used through any route. Today the server's configuration decides the backends (DEV_MODE for the
 * development backend, OIDC_* for OpenID Connect, SSO_REMOTE_USER_HEADER for remote-user single
 * sign-on); the realm has no setting that turns the password backend off, so that one is not
 * tested here.
 */
describe('security: authentication, a disabled backend is refused on every route', () => {
  let server: TestServer;
  let alice: TestUser;
  let browser: CookieSession;

  beforeAll(async () => {
    server = await startTestServer({
      env: { DEV_MODE: 'false', PASSWORD_HASH_ITERATIONS: '1000' },
    });
    alice = await server.createUser();
    browser = new CookieSession(server.url);
    expect((await browser.login(alice.email, alice.password)).status).toBe(302);
  });
  afterAll(() => server.stop());

  it('says which backends are enabled', async () => {
    const settings = await server.client().get('/server_settings');
    expect(settings.body.authentication_methods).toMatchObject({
      dev: false,
      'openid connect': false,
      remoteuser: false,
    });
  });

  it('refuses the development backend by the API and by /json, with a session or without', async () => {
    const api = await server.client().post('/dev_fetch_api_key', { username: alice.email });
    expect(api.status).toBe(400);
    expect(api.body.api_key).toBeUndefined();
    const json = await browser.json('POST', '/dev_fetch_api_key', { username: alice.email });
    expect(json.status).toBe(400);
    expect(json.body.api_key).toBeUndefined();
    const anonymous = new CookieSession(server.url);
    const noSession = await anonymous.json('POST', '/dev_fetch_api_key', { username: alice.email });
    expect(noSession.status).toBe(401);
    expect(noSession.body.api_key).toBeUndefined();
  });

  it('refuses OpenID Connect and remote-user sign-in, starting a session on neither', async () => {
    const anonymous = new CookieSession(server.url);
    for (const path of [
      '/accounts/login/oidc/',
      '/accounts/login/oidc/callback?code=abc&state=def',
    ]) {
      const res = await anonymous.get(path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.location).toBeUndefined();
    }
    const sso = await anonymous.get('/accounts/login/sso/', {
      'remote-user': alice.email,
      'x-remote-user': alice.email,
    });
    expect(sso.status).toBe(404);
    expect(anonymous.cookies.has('sessionid')).toBe(false);
  });
});
