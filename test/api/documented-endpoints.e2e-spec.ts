import { Role } from '../../apps/server/src/identity/user.types';
import type { ApiClient } from '../helpers/api-client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import {
  DOCUMENTED_ENDPOINTS,
  DocumentedEndpoint,
  NOT_YET_IMPLEMENTED,
} from './zulip-documented-endpoints';

/** Path parameter values that name nothing, so no request here changes real data. */
const NOTHING: Record<string, string> = {
  email: 'nobody@example.com',
  user_id_or_email: 'nobody@example.com',
  emoji_name: 'no_such_emoji',
  realm_id_str: '1',
  filename: 'no/such/file.txt',
};

function fillPath(path: string): string {
  return path.replace(/\{([a-z_]+)\}/g, (_m, name: string) => NOTHING[name] ?? '987654');
}

function call(api: ApiClient, endpoint: DocumentedEndpoint) {
  const path = fillPath(endpoint.path);
  // No parameters: each endpoint answers with its own error (or does nothing harmful).
  if (endpoint.method === 'GET' && endpoint.path === '/events') {
    return api.get(path, { dont_block: true });
  }
  return api.call(endpoint.method, path, {}, endpoint.method === 'GET' ? 'query' : 'form');
}

describe("Zulip's documented endpoints all exist", () => {
  let server: TestServer;
  let admin: TestUser;
  let leaving: TestUser;
  beforeAll(async () => {
    server = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    admin = await server.createUser({ role: Role.Administrator });
    leaving = await server.createUser();
  });
  afterAll(() => server.stop());

  it('answers each (but the known gaps) with something other than "Endpoint does not exist"', async () => {
    const missing: string[] = [];
    const crashed: string[] = [];
    for (const endpoint of DOCUMENTED_ENDPOINTS) {
      // Deactivating one's own account is the one call that cannot be made harmless.
      const caller =
        endpoint.path === '/users/me' && endpoint.method === 'DELETE' ? leaving : admin;
      const res = await call(server.client(caller), endpoint);
      const name = `${endpoint.method} ${endpoint.path}`;
      if (res.status === 404 && res.body.msg === 'Endpoint does not exist') missing.push(name);
      if (res.status >= 500) crashed.push(`${name}: ${res.status} ${res.body.msg}`);
      expect(['success', 'error']).toContain(res.body.result);
    }
    expect(crashed).toEqual([]);
    expect(missing.sort()).toEqual(Object.keys(NOT_YET_IMPLEMENTED).sort());
  });

  it('still answers an endpoint Zulip does not have with 404 "Endpoint does not exist"', async () => {
    const res = await server.client(admin).get('/no_such_endpoint');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ result: 'error', msg: 'Endpoint does not exist' });
  });
});
