import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

describe.each([
  ['in-process', false],
  ['Redis', true],
])('rate limits (%s counters)', (_kind, redis) => {
  let server: TestServer;
  let user: TestUser;
  beforeAll(async () => {
    server = await startTestServer({
      redis,
      env: { RATE_LIMIT_PER_MINUTE: '5', AUTH_RATE_LIMIT_PER_MINUTE: '3' },
    });
    user = await server.createUser();
  });
  afterAll(() => server.stop());

  it('counts API requests per user in X-RateLimit-* headers, then answers 429', async () => {
    const client = server.client(user);
    const first = await client.get('/users/me');
    expect(first.headers.get('x-ratelimit-limit')).toBe('5');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
    const reset = Number(first.headers.get('x-ratelimit-reset'));
    expect(reset).toBeGreaterThan(Date.now() / 1000);
    expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 61);
    for (let i = 0; i < 4; i++) expect((await client.get('/users/me')).status).toBe(200);
    const limited = await client.get('/users/me');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      result: 'error',
      code: 'RATE_LIMIT_HIT',
      msg: 'API usage exceeded rate limit',
      'retry-after': expect.any(Number),
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    // Another user has a budget of their own.
    expect((await server.client(server.owner).get('/users/me')).status).toBe(200);
  });

  it("keeps a webhook bot's delivery-history reports out of its API limit", async () => {
    const created = await server.client(server.owner).post('/bots', {
      full_name: 'Hook Bot',
      short_name: `hook${redis ? 'r' : 'm'}`,
      bot_type: 2,
    });
    expect(created.status).toBe(200);
    const row = await server.db.one<{ email: string }>('SELECT email FROM users WHERE id = $1', [
      created.body.user_id,
    ]);
    const hook = server.client({ email: row!.email, apiKey: created.body.api_key as string });
    for (let i = 0; i < 6; i++) {
      const report = await hook.post('/webhooks/deliveries', {
        uuid: `0000000${i}-aaaa-bbbb-cccc-000000000000`,
        integration: 'github',
        outcome: 'queued',
        event: 'push',
      });
      expect(report.status).toBe(200);
    }
    const sent = await hook.post('/messages', {
      type: 'private',
      to: server.owner.id,
      content: 'hi',
    });
    expect(sent.status).toBe(200);
    expect(sent.headers.get('x-ratelimit-remaining')).toBe('4');
  });

  it('limits password attempts per email, even with the right password afterwards', async () => {
    const target = await server.createUser();
    for (let i = 0; i < 3; i++) {
      const res = await server
        .client()
        .post('/fetch_api_key', { username: target.email, password: `guess ${i}` });
      expect(res.status).toBe(401);
    }
    const blocked = await server
      .client()
      .post('/fetch_api_key', { username: target.email, password: target.password });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMIT_HIT');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits password attempts per client address across emails', async () => {
    // Fresh server: the IP budget of the previous test must not leak into this one.
    const fresh = await startTestServer({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await fresh
          .client()
          .post('/fetch_api_key', { username: `nobody${i}@example.com`, password: 'x' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await fresh.stop();
    }
  });

  it('limits sign-up requests per client address, so nobody can flood a mailbox', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (await server.client().post('/signup', { email: 'victim@example.com' })).status,
      );
    }
    expect(statuses).toEqual([400, 400, 400, 429]);
  });
});
