import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

type Reply = Record<string, unknown> & { result: string; msg: string };
type Call = (params?: Record<string, unknown> | string) => Promise<Reply>;

/** The parts of zulip-js (an untyped CommonJS package) this suite drives. */
interface ZulipJsClient {
  streams: {
    retrieve: Call;
    getStreamId: Call;
    deleteById: Call;
    subscriptions: { retrieve: Call };
  };
  users: { me: { subscriptions: { add: Call; remove: Call } } };
  filters: { retrieve: Call };
}
type ZulipJs = (config: Record<string, string>) => Promise<ZulipJsClient>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const zulip = require('zulip-js') as ZulipJs;

describe('the real zulip-js package: streams, subscriptions and filters', () => {
  let server: TestServer;
  let admin: TestUser;
  let client: ZulipJsClient;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    client = await zulip({ username: admin.email, apiKey: admin.apiKey, realm: server.url });
  });
  afterAll(() => server.stop());

  it('subscribes (multipart), lists, finds, unsubscribes (query) and deletes a stream', async () => {
    const added = await client.users.me.subscriptions.add({
      subscriptions: JSON.stringify([{ name: 'js land', description: 'from zulip-js' }]),
    });
    expect(added).toMatchObject({ result: 'success', subscribed: { [admin.email]: ['js land'] } });

    const streams = await client.streams.retrieve();
    expect(streams.result).toBe('success');
    const listed = (streams.streams as Array<{ name: string; description: string }>).find(
      (s) => s.name === 'js land',
    );
    expect(listed?.description).toBe('from zulip-js');

    const found = await client.streams.getStreamId('js land');
    expect(found).toMatchObject({ result: 'success', stream_id: expect.any(Number) });
    const missing = await client.streams.getStreamId({ stream: 'nowhere' });
    expect(missing).toMatchObject({ result: 'error', msg: "Invalid channel name 'nowhere'" });

    const subs = await client.streams.subscriptions.retrieve({ include_subscribers: true });
    const sub = (subs.subscriptions as Array<{ name: string; subscribers: number[] }>).find(
      (s) => s.name === 'js land',
    );
    expect(sub?.subscribers).toEqual([admin.id]);

    const removed = await client.users.me.subscriptions.remove({
      subscriptions: JSON.stringify(['js land']),
    });
    expect(removed).toMatchObject({ result: 'success', removed: ['js land'], not_removed: [] });

    const deleted = await client.streams.deleteById({ stream_id: found.stream_id });
    expect(deleted).toMatchObject({ result: 'success' });
    expect(deleted).not.toHaveProperty('ignored_parameters_unsupported');
    const after = await client.streams.retrieve();
    expect((after.streams as Array<{ name: string }>).map((s) => s.name)).not.toContain('js land');
  });

  it('reads linkifiers through filters.retrieve', async () => {
    const res = await server.client(admin).post('/realm/filters', {
      pattern: '#(?P<id>[0-9]+)',
      url_template: 'https://github.com/zulip/zulip/issues/{id}',
    });
    const filters = await client.filters.retrieve();
    expect(filters).toMatchObject({
      result: 'success',
      filters: [['#(?P<id>[0-9]+)', 'https://github.com/zulip/zulip/issues/{id}', res.body.id]],
    });
  });
});
