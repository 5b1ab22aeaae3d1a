import { ZulipApiError, ZulipClient } from '@hub/client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

/** The parts of zulip-js (an untyped CommonJS package) this suite drives. */
interface ZulipJsClient {
  users: {
    me: { getProfile(): Promise<Record<string, unknown>> };
    retrieve(params?: Record<string, unknown>): Promise<Record<string, unknown>>;
  };
  server: { settings(): Promise<Record<string, unknown>> };
  callEndpoint(path: string, method: string, params?: object): Promise<Record<string, unknown>>;
}
type ZulipJs = (config: Record<string, string>) => Promise<ZulipJsClient>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const zulip = require('zulip-js') as ZulipJs;

describe('libs/client and the real zulip-js agree on what the server returns', () => {
  let server: TestServer;
  let member: TestUser;
  let ours: ZulipClient;
  let theirs: ZulipJsClient;

  beforeAll(async () => {
    server = await startTestServer();
    member = await server.createUser({ fullName: 'Parity Person' });
    ours = new ZulipClient({
      email: member.email,
      apiKey: member.apiKey,
      site: server.url,
      env: { HOME: '/nonexistent' },
      logger: null,
    });
    theirs = await zulip({ username: member.email, apiKey: member.apiKey, realm: server.url });
  });
  afterAll(async () => {
    ours.close();
    await server.stop();
  });

  it('users.me, users.list and server settings give identical bodies', async () => {
    expect(await ours.users.me()).toEqual(await theirs.users.me.getProfile());
    expect(await ours.users.list({ client_gravatar: true })).toEqual(
      await theirs.users.retrieve({ client_gravatar: true }),
    );
    expect(await ours.serverSettings()).toEqual(await theirs.server.settings());
  });

  it('an error body from zulip-js is the ZulipApiError our client throws', async () => {
    const theirError = await theirs.callEndpoint('/no/such/endpoint', 'GET');
    const ourError = await ours.call('GET', 'no/such/endpoint').catch((e: unknown) => e);
    expect(ourError).toBeInstanceOf(ZulipApiError);
    const { result, msg, code, ...extra } = theirError;
    expect(result).toBe('error');
    expect(ourError).toMatchObject({ msg, code, extra });
  });
});
