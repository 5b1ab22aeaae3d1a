import { ZulipClient } from './client';
import { ZulipAbortError, ZulipApiError, ZulipNetworkError } from './errors';
import {
  ok,
  ScriptedReply,
  ScriptedServer,
  SeenRequest,
  zulipError,
} from './testing/scripted-server';

const credentials = {
  email: 'bot@example.com',
  apiKey: 'secretkey123',
  env: { HOME: '/nonexistent' },
};

describe('ZulipClient requests', () => {
  let server: ScriptedServer;
  let reply: (request: SeenRequest) => ScriptedReply;
  let client: ZulipClient;

  beforeAll(async () => {
    server = await ScriptedServer.start((request) => reply(request));
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    server.requests.length = 0;
    reply = () => ok();
    client = new ZulipClient({ ...credentials, site: server.url, logger: null });
  });
  afterEach(() => client.close());

  const last = (): SeenRequest => server.requests[server.requests.length - 1];

  it('sends Basic auth and the default User-Agent to <site>/api/v1/<path>', async () => {
    reply = () => ok({ zulip_version: '8.0', zulip_feature_level: 237 });
    const settings = await client.serverSettings();
    expect(settings.zulip_version).toBe('8.0');
    expect(last().path).toBe('/api/v1/server_settings');
    const auth = Buffer.from('bot@example.com:secretkey123').toString('base64');
    expect(last().headers.authorization).toBe(`Basic ${auth}`);
    expect(last().headers['user-agent']).toMatch(/^ZulipHubClient\/\d+\.\d+\.\d+ \(.+\)$/);
  });

  it('lets bridges choose the client name the server sees', async () => {
    const irc = new ZulipClient({ ...credentials, site: server.url, clientName: 'irc_mirror' });
    await irc.users.me();
    expect(last().headers['user-agent']).toMatch(/^irc_mirror \(/);
    irc.close();
    const jabber = new ZulipClient({
      ...credentials,
      site: server.url,
      userAgent: 'JabberMirror/1.1',
    });
    await jabber.users.me();
    expect(last().headers['user-agent']).toBe('JabberMirror/1.1');
    jabber.close();
  });

  it('does not add /api twice when the site already ends with it', async () => {
    const withApi = new ZulipClient({ ...credentials, site: `${server.url}/api/` });
    await withApi.call('GET', '/users/me');
    expect(last().path).toBe('/api/v1/users/me');
    withApi.close();
  });

  describe('puts each method on the wire as python-zulip-api does', () => {
    type Case = [string, () => Promise<unknown>, string, string, Record<string, string>];
    const cases: Case[] = [
      [
        'messages.send (mirror)',
        () =>
          client.messages.send({
            type: 'stream',
            to: 'general',
            subject: 'greetings',
            content: 'hi',
            sender: 'nick@irc.example.com',
            forged: 'yes',
          }),
        'POST',
        '/api/v1/messages',
        {
          type: 'stream',
          to: 'general',
          subject: 'greetings',
          content: 'hi',
          sender: 'nick@irc.example.com',
          forged: 'yes',
        },
      ],
      [
        'messages.send (direct to ids)',
        () => client.messages.send({ type: 'direct', to: [9, 10], content: 'yo' }),
        'POST',
        '/api/v1/messages',
        { type: 'direct', to: '[9,10]', content: 'yo' },
      ],
      [
        'messages.get',
        () =>
          client.messages.get({
            anchor: 'newest',
            num_before: 5,
            num_after: 0,
            narrow: [{ operator: 'stream', operand: 'general' }],
            apply_markdown: false,
          }),
        'GET',
        '/api/v1/messages',
        {
          anchor: 'newest',
          num_before: '5',
          num_after: '0',
          narrow: '[{"operator":"stream","operand":"general"}]',
          apply_markdown: 'false',
        },
      ],
      [
        'messages.getById',
        () => client.messages.getById(42, { apply_markdown: false }),
        'GET',
        '/api/v1/messages/42',
        { apply_markdown: 'false' },
      ],
      [
        'messages.update',
        () =>
          client.messages.update({
            message_id: 42,
            content: 'edited',
            propagate_mode: 'change_all',
          }),
        'PATCH',
        '/api/v1/messages/42',
        { message_id: '42', content: 'edited', propagate_mode: 'change_all' },
      ],
      ['messages.delete', () => client.messages.delete(42), 'DELETE', '/api/v1/messages/42', {}],
      [
        'messages.render',
        () => client.messages.render('**bold**'),
        'POST',
        '/api/v1/messages/render',
        { content: '**bold**' },
      ],
      [
        'messages.updateFlags',
        () => client.messages.updateFlags({ messages: [1, 2], op: 'add', flag: 'read' }),
        'POST',
        '/api/v1/messages/flags',
        { messages: '[1,2]', op: 'add', flag: 'read' },
      ],
      [
        'messages.markAllAsRead',
        () => client.messages.markAllAsRead(),
        'POST',
        '/api/v1/mark_all_as_read',
        {},
      ],
      [
        'messages.markStreamAsRead',
        () => client.messages.markStreamAsRead(7),
        'POST',
        '/api/v1/mark_stream_as_read',
        { stream_id: '7' },
      ],
      [
        'messages.markTopicAsRead',
        () => client.messages.markTopicAsRead(7, 'lunch'),
        'POST',
        '/api/v1/mark_topic_as_read',
        { stream_id: '7', topic_name: 'lunch' },
      ],
      [
        'messages.addReaction',
        () =>
          client.messages.addReaction({
            message_id: 1,
            emoji_name: 'wave',
            reaction_type: 'unicode_emoji',
          }),
        'POST',
        '/api/v1/messages/1/reactions',
        { message_id: '1', emoji_name: 'wave', reaction_type: 'unicode_emoji' },
      ],
      [
        'messages.removeReaction',
        () => client.messages.removeReaction({ message_id: 1, emoji_name: 'wave' }),
        'DELETE',
        '/api/v1/messages/1/reactions',
        { message_id: '1', emoji_name: 'wave' },
      ],
      [
        'messages.getHistory',
        () => client.messages.getHistory(42),
        'GET',
        '/api/v1/messages/42/history',
        {},
      ],
      [
        'messages.matchesNarrow',
        () => client.messages.matchesNarrow({ msg_ids: [1, 2], narrow: [['search', 'x']] }),
        'GET',
        '/api/v1/messages/matches_narrow',
        { msg_ids: '[1,2]', narrow: '[["search","x"]]' },
      ],
      [
        'register',
        () => client.register({ event_types: ['message'], narrow: [], all_public_streams: true }),
        'POST',
        '/api/v1/register',
        { event_types: '["message"]', narrow: '[]', all_public_streams: 'true' },
      ],
      [
        'getEvents',
        () => client.getEvents({ queue_id: 'q1', last_event_id: -1 }),
        'GET',
        '/api/v1/events',
        { queue_id: 'q1', last_event_id: '-1' },
      ],
      ['deregister', () => client.deregister('q1'), 'DELETE', '/api/v1/events', { queue_id: 'q1' }],
      ['users.me', () => client.users.me(), 'GET', '/api/v1/users/me', {}],
      [
        'users.list',
        () => client.users.list({ client_gravatar: false }),
        'GET',
        '/api/v1/users',
        { client_gravatar: 'false' },
      ],
      ['users.get', () => client.users.get(5), 'GET', '/api/v1/users/5', {}],
      [
        'users.create',
        () => client.users.create({ email: 'n@x.com', password: 'pw', full_name: 'New' }),
        'POST',
        '/api/v1/users',
        { email: 'n@x.com', password: 'pw', full_name: 'New' },
      ],
      [
        'users.update',
        () => client.users.update(5, { role: 200 }),
        'PATCH',
        '/api/v1/users/5',
        { role: '200' },
      ],
      ['users.deactivate', () => client.users.deactivate(5), 'DELETE', '/api/v1/users/5', {}],
      [
        'users.reactivate',
        () => client.users.reactivate(5),
        'POST',
        '/api/v1/users/5/reactivate',
        {},
      ],
      [
        'streams.list',
        () => client.streams.list({ include_public: true }),
        'GET',
        '/api/v1/streams',
        { include_public: 'true' },
      ],
      [
        'streams.getId',
        () => client.streams.getId('my stream'),
        'GET',
        '/api/v1/get_stream_id',
        { stream: 'my stream' },
      ],
      [
        'streams.update',
        () => client.streams.update(3, { description: 'new' }),
        'PATCH',
        '/api/v1/streams/3',
        { description: 'new' },
      ],
      ['streams.delete', () => client.streams.delete(3), 'DELETE', '/api/v1/streams/3', {}],
      ['streams.members', () => client.streams.members(3), 'GET', '/api/v1/streams/3/members', {}],
      ['streams.topics', () => client.streams.topics(3), 'GET', '/api/v1/users/me/3/topics', {}],
      [
        'subscriptions.list',
        () => client.subscriptions.list({ include_subscribers: true }),
        'GET',
        '/api/v1/users/me/subscriptions',
        { include_subscribers: 'true' },
      ],
      [
        'subscriptions.add',
        () =>
          client.subscriptions.add([{ name: 'general' }], { principals: [4], invite_only: false }),
        'POST',
        '/api/v1/users/me/subscriptions',
        { subscriptions: '[{"name":"general"}]', principals: '[4]', invite_only: 'false' },
      ],
      [
        'subscriptions.remove',
        () => client.subscriptions.remove(['general']),
        'DELETE',
        '/api/v1/users/me/subscriptions',
        { subscriptions: '["general"]' },
      ],
      [
        'subscriptions.updateProperties',
        () =>
          client.subscriptions.updateProperties([
            { stream_id: 3, property: 'pin_to_top', value: true },
          ]),
        'POST',
        '/api/v1/users/me/subscriptions/properties',
        { subscription_data: '[{"stream_id":3,"property":"pin_to_top","value":true}]' },
      ],
      [
        'botStorage.get',
        () => client.botStorage.get(['k']),
        'GET',
        '/api/v1/bot_storage',
        { keys: '["k"]' },
      ],
      ['botStorage.get (all)', () => client.botStorage.get(), 'GET', '/api/v1/bot_storage', {}],
      [
        'botStorage.put',
        () => client.botStorage.put({ k: '1' }),
        'PUT',
        '/api/v1/bot_storage',
        { storage: '{"k":"1"}' },
      ],
      [
        'botStorage.remove',
        () => client.botStorage.remove(['k']),
        'DELETE',
        '/api/v1/bot_storage',
        { keys: '["k"]' },
      ],
      ['linkifiers', () => client.linkifiers(), 'GET', '/api/v1/realm/linkifiers', {}],
      [
        'call',
        () => client.call('POST', '/typing', { op: 'start', to: [9] }),
        'POST',
        '/api/v1/typing',
        { op: 'start', to: '[9]' },
      ],
    ];

    it.each(cases)('%s', async (_name, invoke, method, path, params) => {
      await invoke();
      const seen = last();
      expect(seen.method).toBe(method);
      expect(seen.path).toBe(path);
      const sent = method === 'GET' ? seen.query : seen.form;
      expect(Object.fromEntries(sent)).toEqual(params);
      if (method !== 'GET') {
        expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
        expect([...seen.query]).toEqual([]);
      }
    });
  });

  it('refuses nonsensical timeouts at construction', () => {
    expect(
      () => new ZulipClient({ ...credentials, site: server.url, timeouts: { requestMs: 0 } }),
    ).toThrow('timeouts.requestMs must be a positive number of milliseconds, got 0');
  });

  it('refuses a non-integer id before sending anything', async () => {
    expect(() => client.messages.delete(Number.NaN)).toThrow('expected an integer id');
    expect(server.requests).toHaveLength(0);
  });

  it('uploads a file as multipart and returns its URL', async () => {
    reply = () => ok({ uri: '/user_uploads/1/ab/notes.txt', url: '/user_uploads/1/ab/notes.txt' });
    const result = await client.uploadFile({
      data: Buffer.from('file body'),
      filename: 'notes.txt',
      contentType: 'text/plain',
    });
    expect(result.url).toBe('/user_uploads/1/ab/notes.txt');
    expect(last().path).toBe('/api/v1/user_uploads');
    expect(last().headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(last().body).toContain('filename="notes.txt"');
    expect(last().body).toContain('file body');
  });

  describe('errors', () => {
    const failure = async (promise: Promise<unknown>): Promise<unknown> =>
      promise.then(
        () => {
          throw new Error('expected a failure');
        },
        (error: unknown) => error,
      );

    it('carries the code, msg, status and extra fields of a Zulip error', async () => {
      reply = () =>
        zulipError(400, 'BAD_EVENT_QUEUE_ID', 'Bad event queue ID: q9', { queue_id: 'q9' });
      const error = await failure(client.getEvents({ queue_id: 'q9', last_event_id: 3 }));
      expect(error).toBeInstanceOf(ZulipApiError);
      expect(error).toMatchObject({
        code: 'BAD_EVENT_QUEUE_ID',
        msg: 'Bad event queue ID: q9',
        status: 400,
        isBadEventQueue: true,
      });
      expect((error as ZulipApiError).extra).toEqual({ queue_id: 'q9' });
    });

    it('recognizes an old server that only says "Bad event queue id" in msg', async () => {
      reply = () => ({ status: 400, json: { result: 'error', msg: 'Bad event queue id: 12:3' } });
      const error = await failure(client.getEvents({ queue_id: '12:3', last_event_id: 3 }));
      expect(error).toMatchObject({ code: 'BAD_REQUEST', isBadEventQueue: true });
    });

    it('reads Retry-After from the header, else from the body', async () => {
      reply = () =>
        zulipError(
          429,
          'RATE_LIMIT_HIT',
          'API usage exceeded rate limit',
          { 'retry-after': 28.7 },
          { 'retry-after': '29' },
        );
      expect(await failure(client.users.me())).toMatchObject({
        status: 429,
        code: 'RATE_LIMIT_HIT',
        retryAfter: 29,
      });
      reply = () =>
        zulipError(429, 'RATE_LIMIT_HIT', 'API usage exceeded rate limit', { 'retry-after': 1.5 });
      expect(await failure(client.users.me())).toMatchObject({ retryAfter: 1.5 });
    });

    it('maps a non-JSON answer (a proxy HTML page) to HTTP_ERROR with the status', async () => {
      reply = () => ({ status: 502, text: '<html><body>Bad Gateway</body></html>' });
      const error = await failure(client.users.me());
      expect(error).toBeInstanceOf(ZulipApiError);
      expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 502 });
      expect((error as ZulipApiError).extra.body).toContain('Bad Gateway');
    });

    it('treats a 200 that is not a success envelope as an error', async () => {
      reply = () => ({ status: 200, text: 'OK' });
      expect(await failure(client.users.me())).toMatchObject({ code: 'HTTP_ERROR', status: 200 });
      reply = () => ({ status: 200, json: { result: 'error', msg: 'nope', code: 'X' } });
      expect(await failure(client.users.me())).toMatchObject({ code: 'X', status: 200 });
    });

    it('maps a connection reset and a refused connection to ZulipNetworkError', async () => {
      reply = () => ({ reset: true });
      const reset = await failure(client.users.me());
      expect(reset).toBeInstanceOf(ZulipNetworkError);
      expect(reset).toMatchObject({ code: 'ECONNRESET' });
      const closed = new ZulipClient({ ...credentials, site: 'http://127.0.0.1:1' });
      expect(await failure(closed.users.me())).toMatchObject({
        name: 'ZulipNetworkError',
        code: 'ECONNREFUSED',
      });
      closed.close();
    });

    it('times out a request that gets no answer', async () => {
      reply = () => ({ hang: true });
      const quick = new ZulipClient({
        ...credentials,
        site: server.url,
        timeouts: { requestMs: 200 },
      });
      const error = await failure(quick.users.me());
      expect(error).toBeInstanceOf(ZulipNetworkError);
      expect(error).toMatchObject({ code: 'ETIMEDOUT' });
      quick.close();
    });

    it('rejects with ZulipAbortError as soon as the signal fires', async () => {
      reply = () => ({ hang: true });
      const controller = new AbortController();
      const pending = failure(
        client.getEvents({ queue_id: 'q', last_event_id: -1 }, { signal: controller.signal }),
      );
      setTimeout(() => controller.abort(), 50);
      // The long-poll timeout is 90 s: only the abort can end the request within the test.
      expect(await pending).toBeInstanceOf(ZulipAbortError);
    });
  });
});
