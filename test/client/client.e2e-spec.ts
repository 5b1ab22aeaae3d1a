import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ZulipApiError, ZulipClient } from '@hub/client';
import { startTestServer, TestServer } from '../helpers/test-server';

describe('libs/client against the real server', () => {
  let server: TestServer;
  const clients: ZulipClient[] = [];
  const connect = (email: string, apiKey: string): ZulipClient => {
    const client = new ZulipClient({
      email,
      apiKey,
      site: server.url,
      env: { HOME: '/nonexistent' },
      logger: null,
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await server.stop();
  });

  it('reads the server settings', async () => {
    const settings = await connect(server.owner.email, server.owner.apiKey).serverSettings();
    expect(settings.result).toBe('success');
    expect(typeof settings.zulip_version).toBe('string');
    expect(settings.zulip_feature_level).toEqual(expect.any(Number));
  });

  it('fetches its own profile', async () => {
    const me = await connect(server.owner.email, server.owner.apiKey).users.me();
    expect(me).toMatchObject({
      user_id: server.owner.id,
      email: server.owner.email,
      full_name: server.owner.fullName,
      is_owner: true,
      is_bot: false,
    });
  });

  it('rejects a bad API key with ZulipApiError INVALID_API_KEY and status 401', async () => {
    const wrongKey = 'x'.repeat(server.owner.apiKey.length);
    const error = await connect(server.owner.email, wrongKey)
      .users.me()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZulipApiError);
    expect(error).toMatchObject({ code: 'INVALID_API_KEY', status: 401 });
  });

  it('calls any endpoint through call(), with errors in the same shape', async () => {
    const member = await server.createUser();
    const client = connect(member.email, member.apiKey);
    const me = await client.call<{ user_id: number }>('GET', '/users/me');
    expect(me.user_id).toBe(member.id);
    const key = await client.call<{ api_key: string }>('POST', 'fetch_api_key', {
      username: member.email,
      password: member.password,
    });
    expect(key.api_key).toBe(member.apiKey);
    const missing = await client.call('GET', 'no/such/endpoint').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ZulipApiError);
    expect(missing).toMatchObject({ status: 404 });
  });

  it('connects from a .zuliprc the way bots and bridges are configured', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zuliprc-e2e-'));
    try {
      const file = path.join(dir, '.zuliprc');
      const site = `${server.url}/api/`;
      fs.writeFileSync(
        file,
        `[api]\nemail=${server.owner.email}\nkey=${server.owner.apiKey}\nsite=${site}\n`,
      );
      const client = new ZulipClient({ env: { ZULIP_CONFIG: file, HOME: dir }, logger: null });
      clients.push(client);
      expect((await client.users.me()).email).toBe(server.owner.email);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
