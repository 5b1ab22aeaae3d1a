import { RealmsRepository } from '../../apps/server/src/identity/realms.repository';
import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { requestWithHost } from '../helpers/host-request';

describe('API authentication failures', () => {
  let server: TestServer;
  let member: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    member = await server.createUser();
  });
  afterAll(() => server.stop());

  const rawGet = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/v1/users/me`, { headers });

  it('accepts a good key', async () => {
    const res = await server.client(member).get('/users/me');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user_id: member.id, email: member.email });
  });

  it('answers 401 UNAUTHORIZED with a Basic challenge when credentials are missing', async () => {
    const res = await server.client().get('/users/me');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ result: 'error', code: 'UNAUTHORIZED' });
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="zulip"');
  });

  it('answers 401 for a malformed Authorization header', async () => {
    for (const header of ['Bearer abc', 'Basic !!!not-base64!!!', `Basic ${btoa('no-colon')}`]) {
      const res = await rawGet({ authorization: header });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ result: 'error', code: 'UNAUTHORIZED' });
    }
  });

  it('answers 401 "Malformed API key" for a key of the wrong shape', async () => {
    const res = await server.client({ email: member.email, apiKey: 'short' }).get('/users/me');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'INVALID_API_KEY', msg: 'Malformed API key' });
  });

  it('answers 401 INVALID_API_KEY for a wrong key or a key paired with another email', async () => {
    const wrong = await server
      .client({ email: member.email, apiKey: 'A'.repeat(32) })
      .get('/users/me');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: 'INVALID_API_KEY', msg: 'Invalid API key' });
    const swapped = await server
      .client({ email: server.owner.email, apiKey: member.apiKey })
      .get('/users/me');
    expect(swapped.status).toBe(401);
    expect(swapped.body.code).toBe('INVALID_API_KEY');
  });

  it('refuses a key of another realm', async () => {
    const other = await server.createRealm('other', 'Other Org');
    const stranger = await server.createUser({ realm: other });
    const home = await requestWithHost(server.url, 'other.localhost', 'GET', '/users/me', {
      credentials: stranger,
    });
    expect(home.status).toBe(200);
    expect(home.body.email).toBe(stranger.email);
    const res = await server.client(stranger).get('/users/me');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      code: 'INVALID_API_KEY',
      msg: 'Account is not associated with this subdomain',
    });
    const unknownRealm = await requestWithHost(
      server.url,
      'nowhere.localhost',
      'GET',
      '/users/me',
      {
        credentials: member,
      },
    );
    expect(unknownRealm.status).toBe(404);
    expect(unknownRealm.body.code).toBe('NONEXISTENT_SUBDOMAIN');
  });

  it('answers 401 USER_DEACTIVATED for a deactivated user and their bot', async () => {
    const person = await server.createUser();
    const bot = await server
      .client(person)
      .post('/bots', { full_name: 'Doomed Bot', short_name: 'doomed' });
    expect(bot.status).toBe(200);
    const botCreds = { email: String(bot.body.email), apiKey: String(bot.body.api_key) };
    expect((await server.client(botCreds).get('/users/me')).status).toBe(200);

    const res = await server.client(server.owner).delete(`/users/${person.id}`);
    expect(res.status).toBe(200);
    for (const creds of [person, botCreds]) {
      const after = await server.client(creds).get('/users/me');
      expect(after.status).toBe(401);
      expect(after.body).toMatchObject({ code: 'USER_DEACTIVATED', msg: 'Account is deactivated' });
    }
    const login = await server
      .client()
      .post('/fetch_api_key', { username: person.email, password: person.password });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('USER_DEACTIVATED');
  });

  it('answers 401 USER_DEACTIVATED for a deactivated bot whose owner is active', async () => {
    const created = await server
      .client(member)
      .post('/bots', { full_name: 'Retired Bot', short_name: 'retired' });
    const botCreds = { email: String(created.body.email), apiKey: String(created.body.api_key) };
    expect((await server.client(member).delete(`/bots/${created.body.user_id}`)).status).toBe(200);
    const res = await server.client(botCreds).get('/users/me');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('USER_DEACTIVATED');
    expect((await server.client(member).get('/users/me')).status).toBe(200);
  });

  it('answers 401 REALM_DEACTIVATED once the organization is deactivated', async () => {
    const realm = await server.createRealm('closing', 'Closing Org');
    const admin = await server.createUser({ realm, role: Role.Administrator });
    const get = () =>
      requestWithHost(server.url, 'closing.localhost', 'GET', '/users/me', { credentials: admin });
    expect((await get()).status).toBe(200);
    await server.app.get(RealmsRepository).update(realm.id, { deactivated: true });
    const res = await get();
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('REALM_DEACTIVATED');
  });
});
