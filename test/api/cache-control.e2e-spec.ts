import { rawRequest } from '../helpers/api-client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { CookieSession } from '../web/cookie-session';

describe('API answers are never cacheable', () => {
  let server: TestServer;
  let alice: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
  });
  afterAll(() => server.stop());

  const NO_STORE = 'private, no-store';

  it('marks successful reads and writes', async () => {
    const api = server.client(alice);
    const me = await api.get('/users/me');
    expect(me.status).toBe(200);
    expect(me.headers.get('cache-control')).toBe(NO_STORE);
    const sent = await api.post('/messages', {
      type: 'private',
      to: [server.owner.id],
      content: 'hello',
    });
    expect(sent.status).toBe(200);
    expect(sent.headers.get('cache-control')).toBe(NO_STORE);
  });

  it('marks errors: failed authentication, bad input, unknown endpoints, unparseable bodies', async () => {
    const wrongKey = await server
      .client({ email: alice.email, apiKey: 'x'.repeat(32) })
      .get('/users/me');
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.headers.get('cache-control')).toBe(NO_STORE);
    const bad = await server.client(alice).get('/messages', { num_before: 'many' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('cache-control')).toBe(NO_STORE);
    const missing = await server.client(alice).get('/no/such/endpoint');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe(NO_STORE);
    const url = new URL('/api/v1/messages', server.url);
    const broken = await rawRequest(
      url,
      'POST',
      { host: url.host, 'content-type': 'application/json' },
      Buffer.from('{not json'),
    );
    expect(broken.status).toBe(400);
    expect(broken.headers.get('cache-control')).toBe(NO_STORE);
  });

  it('marks event polls answered by the long-poll fast path', async () => {
    const api = server.client(alice);
    const reg = await api.post('/register', { event_types: ['message'] });
    expect(reg.headers.get('cache-control')).toBe(NO_STORE);
    const poll = await api.get('/events', {
      queue_id: reg.body.queue_id as string,
      last_event_id: -1,
      dont_block: true,
    });
    expect(poll.status).toBe(200);
    expect(poll.headers.get('cache-control')).toBe(NO_STORE);
  });

  it('marks /json/ answers to the web client', async () => {
    const browser = new CookieSession(server.url);
    await browser.login(alice.email, alice.password);
    const res = await browser.request('GET', '/json/users/me');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe(NO_STORE);
  });
});
