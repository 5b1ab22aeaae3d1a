import * as fs from 'node:fs';
import * as path from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import { WEB_DIST_DIR } from '../../apps/server/src/web/web-assets';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { multipartBody, request, uploadFile } from '../uploads/upload-client';
import { CookieSession } from '../web/cookie-session';

const NO_STORE = 'private, no-store';

/** The request headers a shared cache must key an answer on (Vary), lower-cased. */
function varyOf(headers: IncomingHttpHeaders | Headers): string[] {
  const value = headers instanceof Headers ? headers.get('vary') : headers.vary;
  return String(value ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
}

/** What a shared cache must not keep, as one comparable record. */
function caching(headers: IncomingHttpHeaders | Headers) {
  const cacheControl =
    headers instanceof Headers ? headers.get('cache-control') : headers['cache-control'];
  const vary = varyOf(headers);
  return {
    cacheControl,
    variesOnCredentials: vary.includes('authorization') && vary.includes('cookie'),
  };
}

/** Every script element of an HTML page: its attributes and its inline text. */
function scripts(html: string): Array<{ attributes: string; body: string }> {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].map((m) => ({
    attributes: m[1],
    body: m[2].trim(),
  }));
}

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

/*
 * Security class "caching and headers": nothing a signed-in person receives (API answers through
 * /api/v1 or /json, uploaded files) may be kept by a shared cache, and the web client's pages run
 * no inline script: the policy forbids it and the built client has none.
 */
describe('security: caching and headers', () => {
  let server: TestServer;
  let alice: TestUser;
  let browser: CookieSession;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Cached' });
    browser = new CookieSession(server.url);
    const login = await browser.login(alice.email, alice.password);
    expect(login.status).toBeLessThan(400);
    cookie = [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  });
  afterAll(() => server.stop());

  it('API answers through /api/v1, reads, writes and errors, are private, no-store and vary on credentials', async () => {
    const api = server.client(alice);
    const answers = {
      'GET /users/me': await api.get('/users/me'),
      'GET /messages': await api.get('/messages', {
        anchor: 'newest',
        num_before: 5,
        num_after: 0,
      }),
      'GET /streams': await api.get('/streams'),
      'POST /register': await api.post('/register', { event_types: ['message'] }),
      'POST /messages': await api.post('/messages', {
        type: 'private',
        to: [alice.id],
        content: 'note to self',
      }),
      'GET /server_settings (no credentials)': await server.client().get('/server_settings'),
      'GET /users/me (wrong key)': await server
        .client({ email: alice.email, apiKey: 'x'.repeat(32) })
        .get('/users/me'),
    };
    for (const [what, res] of Object.entries(answers)) {
      expect({ what, ...caching(res.headers) }).toEqual({
        what,
        cacheControl: NO_STORE,
        variesOnCredentials: true,
      });
    }
  });

  it('/json answers to the browser session are private, no-store and vary on credentials', async () => {
    const read = await browser.request('GET', '/json/users/me');
    expect(read.status).toBe(200);
    const write = await browser.request('POST', '/json/messages', {
      form: { type: 'private', to: JSON.stringify([alice.id]), content: 'from the browser' },
      headers: { 'x-csrftoken': browser.csrfToken },
    });
    expect(write.status).toBe(200);
    for (const res of [read, write]) {
      expect(caching(res.headers)).toEqual({ cacheControl: NO_STORE, variesOnCredentials: true });
    }
  });

  it('uploaded files, fetched with a key, a session or a signed URL, are private, no-store', async () => {
    const uploaded = await uploadFile(server.url, alice, {
      name: 'private-notes.txt',
      type: 'text/plain',
      data: Buffer.from('only for alice'),
    });
    expect(uploaded.status).toBe(200);
    const url = uploaded.json().url as string;
    const withKey = await request(server.url, 'GET', url, { credentials: alice });
    const withSession = await request(server.url, 'GET', url, { headers: { cookie } });
    const signed = await server.client(alice).get(url);
    expect(signed.status).toBe(200);
    const withSignedUrl = await request(server.url, 'GET', signed.body.url as string);
    const { body, contentType } = multipartBody({ name: 'web.txt', data: Buffer.from('web') });
    const postedFromWeb = await request(server.url, 'POST', '/json/user_uploads', {
      body,
      headers: { 'content-type': contentType, cookie, 'x-csrftoken': browser.csrfToken },
    });
    for (const [what, res] of Object.entries({ withKey, withSession, withSignedUrl })) {
      expect({ what, status: res.status, ...caching(res.headers) }).toEqual({
        what,
        status: 200,
        cacheControl: NO_STORE,
        variesOnCredentials: true,
      });
    }
    expect(postedFromWeb.status).toBe(200);
    expect(caching(postedFromWeb.headers)).toEqual({
      cacheControl: NO_STORE,
      variesOnCredentials: true,
    });
  });

  it('the web client is never cached and its policy forbids inline script, which it has none of', async () => {
    const home = await browser.get('/');
    expect(home.status).toBe(200);
    expect(home.headers['cache-control']).toMatch(/(^|,\s*)no-store(\s*,|$)/);
    expect(varyOf(home.headers)).toContain('cookie');
    const csp = directives(String(home.headers['content-security-policy']));
    const scriptSrc = csp.get('script-src') ?? csp.get('default-src') ?? [];
    expect(scriptSrc).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);

    // What is served is the build (npm run build:web), and neither has an inline script.
    const built = fs.readFileSync(path.join(WEB_DIST_DIR, 'index.html'), 'utf8');
    expect(home.text).toBe(built);
    const login = await new CookieSession(server.url).get('/login/');
    for (const html of [built, login.text]) {
      const found = scripts(html);
      expect(found.every((s) => /\bsrc=/.test(s.attributes) && s.body === '')).toBe(true);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
    }
    expect(scripts(built).length).toBeGreaterThan(0);
  });
});
