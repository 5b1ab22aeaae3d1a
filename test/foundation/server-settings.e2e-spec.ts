import { startTestServer, TestServer } from '../helpers/test-server';

describe('server settings and API key login', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('serves server_settings without authentication, with the Zulip version', async () => {
    const res = await server.client().get('/server_settings');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: 'success', zulip_feature_level: expect.any(Number) });
    expect(typeof res.body.zulip_version).toBe('string');
  });

  it('hands out the API key for the right password, by form and by multipart', async () => {
    for (const encoding of ['form', 'multipart'] as const) {
      const res = await server
        .client()
        .post(
          '/fetch_api_key',
          { username: server.owner.email, password: server.owner.password },
          encoding,
        );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        api_key: server.owner.apiKey,
        email: server.owner.email,
        user_id: server.owner.id,
      });
    }
  });

  it('refuses a wrong password with 401', async () => {
    const res = await server
      .client()
      .post('/fetch_api_key', { username: server.owner.email, password: 'nope' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ result: 'error', code: 'AUTHENTICATION_FAILED' });
  });

  it('answers unknown endpoints and malformed bodies in the JSON envelope', async () => {
    const missing = await server.client().get('/no/such/endpoint');
    expect(missing.status).toBe(404);
    expect(missing.body.result).toBe('error');
    const res = await fetch(`${server.url}/api/v1/fetch_api_key`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ result: 'error', code: 'INVALID_JSON' });
  });

  it('runs on the database the suite asked for', () => {
    expect(['postgres', 'embedded']).toContain(server.databaseKind);
  });
});
