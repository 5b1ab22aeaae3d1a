import { apiHeaders, rawRequest } from '../helpers/api-client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createStream } from './message-fixtures';

/**
 * `POST /api/v1/messages` is answered by an Express route ahead of Nest's router (send-route.ts);
 * `/api/v1/messages/` (Express routes ignore a trailing slash) still reaches the controller through
 * Nest's guard and interceptors. Both must answer alike for every kind of request: a send in each
 * form, an incoming-webhook bot's, ignored parameters, each refusal, bad credentials.
 */
describe('POST /messages: the API route answers exactly as the controller', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let webhookBot: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Anders' });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    await createStream(server, 'lobby', { subscribers: [alice, bob] });
    const created = await server
      .client(alice)
      .post('/bots', { full_name: 'Hook', short_name: 'hook', bot_type: 2 });
    webhookBot = {
      ...alice,
      id: Number(created.body.user_id),
      email: String(created.body.bot_email ?? created.body.email),
      apiKey: String(created.body.api_key),
    };
  });
  afterAll(() => server.stop());

  function auth(user: TestUser): string {
    return `Basic ${Buffer.from(`${user.email}:${user.apiKey}`).toString('base64')}`;
  }

  /** The answer with the new message's id (different each time) blanked. */
  const sameShape = (text: string) => text.replace(/"id":\d+/, '"id":0');

  async function both(form: Record<string, string>, authorization?: string, query = '') {
    const body = Buffer.from(new URLSearchParams(form).toString());
    const send = async (path: string) => {
      const url = new URL(`${path}${query}`, server.url);
      const headers: Record<string, string> = {
        host: url.host,
        'content-type': 'application/x-www-form-urlencoded',
        'user-agent': 'ZulipMobile/27.0',
      };
      if (authorization) headers.authorization = authorization;
      return rawRequest(url, 'POST', headers, body);
    };
    const route = await send('/api/v1/messages');
    const controller = await send('/api/v1/messages/');
    const seen = (r: typeof route) => ({
      form,
      status: r.status,
      text: sameShape(r.text),
      headers: apiHeaders(r.headers),
    });
    expect(seen(route)).toEqual(seen(controller));
    return route;
  }

  const toLobby = { type: 'stream', to: 'lobby', topic: 'deploy', content: 'hello **world**' };

  it('answers sends in every form alike', async () => {
    expect((await both(toLobby, auth(alice))).status).toBe(200);
    await both({ ...toLobby, type: 'channel', to: 'lobby', topic: 'other' }, auth(alice));
    await both({ type: 'direct', to: `[${bob.id}]`, content: 'psst' }, auth(alice));
    await both({ type: 'private', to: bob.email, content: 'psst' }, auth(alice));
    await both({ ...toLobby, queue_id: 'q1', local_id: '7' }, auth(alice));
    await both({ ...toLobby, unknown_thing: '1', client: 'test' }, auth(alice));
    await both({ ...toLobby, content: 'from the query' }, auth(alice), '?read_by_sender=true');
    expect((await both(toLobby, auth(webhookBot))).status).toBe(200);
  });

  it('refuses alike', async () => {
    await both({ ...toLobby, content: '' }, auth(alice));
    await both({ type: 'stream', to: 'lobby', topic: 'deploy' }, auth(alice));
    await both({ ...toLobby, to: 'nowhere' }, auth(alice));
    await both({ ...toLobby, type: 'nonsense' }, auth(alice));
    await both({ type: 'direct', to: '[999999]', content: 'x' }, auth(alice));
    await both({ ...toLobby, topic: 'x'.repeat(61) }, auth(alice));
    await both({ ...toLobby, sender: 'remote@irc', forged: 'true' }, auth(alice));
    await both(toLobby);
    await both(toLobby, 'Basic bm9ib2R5Om5vcGU=');
    await both(toLobby, 'Bearer token');
    await both(toLobby, `Basic ${Buffer.from(`${alice.email}:wrong`).toString('base64')}`);
  });
});
