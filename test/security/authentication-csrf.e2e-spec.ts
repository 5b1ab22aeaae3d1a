import { registeredRoutes } from '../helpers/routes';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { CookieSession } from '../web/cookie-session';

const STATE_CHANGING = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Every state-changing API route as the running server registered it (so a route added later is
 * covered without editing this test), with its path parameters filled in.
 */
function stateChangingApiRoutes(server: TestServer): { method: string; path: string }[] {
  const routes = new Map<string, { method: string; path: string }>();
  for (const { method, path: raw } of registeredRoutes(server)) {
    if (!raw.startsWith('/api/v1/') || !STATE_CHANGING.includes(method)) continue;
    const path = raw
      .slice('/api/v1'.length)
      .replace(/\{\*[^}]+\}|\*[A-Za-z_]*/g, 'x')
      .replace(/:[A-Za-z_]+/g, '1')
      .replace(/[{}]/g, '');
    routes.set(`${method} ${path}`, { method, path });
  }
  return [...routes.values()];
}

/**
 * Security class "authentication": a page on another site can make a signed-in browser send any
 * request, with its cookies. So every state-changing `/json/` route (enumerated from the running
 * application) refuses a request without the session's CSRF token, or with another one, before
 * it does anything: public routes (sign-up, `fetch_api_key`, webhooks) included.
 */
describe('security: authentication, CSRF on every state-changing /json route', () => {
  let server: TestServer;
  let alice: TestUser;
  let browser: CookieSession;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice' });
    browser = new CookieSession(server.url);
    const login = await browser.login(alice.email, alice.password);
    expect(login.status).toBe(302);
  });

  afterAll(() => server.stop());

  it('finds the routes, and the session works with its token', async () => {
    const routes = stateChangingApiRoutes(server);
    expect(routes.length).toBeGreaterThan(60);
    for (const expected of ['POST /messages', 'PATCH /settings', 'POST /fetch_api_key']) {
      expect(routes.map((r) => `${r.method} ${r.path}`)).toContain(expected);
    }
    const withToken = await browser.json('POST', '/users/me/status', { status_text: 'here' });
    expect(withToken).toMatchObject({ status: 200, body: { result: 'success' } });
  });

  it('refuses each of them without the CSRF token and with a wrong one', async () => {
    const routes = stateChangingApiRoutes(server);
    const wrong = 'x'.repeat(browser.csrfToken.length || 32);
    const leaks: string[] = [];
    for (const { method, path } of routes) {
      for (const csrf of [null, wrong]) {
        const res = await browser.json(method, path, {}, { csrf });
        if (res.status !== 403 || res.body.code !== 'CSRF_FAILED') {
          leaks.push(`${method} /json${path} (${csrf ? 'wrong' : 'no'} token): ${res.status}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // Nothing changed: the status set above is still there.
    const me = await server.client(alice).get(`/users/${alice.id}/status`);
    expect(me.body).toMatchObject({ status: { status_text: 'here' } });
  });
});
