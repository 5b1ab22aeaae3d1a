import { apiHeaders, rawRequest } from '../helpers/api-client';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createStream, expectOk, sendToStream } from './message-fixtures';

/**
 * `GET /api/v1/messages` without a body is answered in front of Express and Nest
 * (messages-fast-path.ts); the same request with a (empty) body takes the general way. Both must
 * give the same answer, byte for byte, for every kind of request: pages, narrows, ids, each
 * refusal, bad credentials.
 */
describe('GET /messages: the fast path answers exactly as the general way', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Anders' });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    await createStream(server, 'lobby', { subscribers: [alice, bob] });
    const a = server.client(alice);
    const first = await sendToStream(a, 'lobby', 'deploy', 'hello **world** https://example.com');
    await sendToStream(a, 'lobby', 'deploy', '/me waves');
    await sendToStream(a, 'lobby', 'other https://example.org', 'second topic');
    expectOk(await server.client(bob).post(`/messages/${first}/reactions`, { emoji_name: 'tada' }));
    expectOk(await a.patch(`/messages/${first}`, { content: 'edited' }));
    expectOk(await a.post('/messages', { type: 'direct', to: `[${bob.id}]`, content: 'psst' }));
  });
  afterAll(() => server.stop());

  function auth(user: TestUser): string {
    return `Basic ${Buffer.from(`${user.email}:${user.apiKey}`).toString('base64')}`;
  }

  async function both(query: string, authorization?: string) {
    const url = new URL(`/api/v1/messages${query}`, server.url);
    const headers: Record<string, string> = { host: url.host };
    if (authorization) headers.authorization = authorization;
    const fast = await rawRequest(url, 'GET', headers);
    const general = await rawRequest(url, 'GET', { ...headers, 'content-length': '0' });
    expect({
      query,
      status: fast.status,
      text: fast.text,
      headers: apiHeaders(fast.headers),
    }).toEqual({
      query,
      status: general.status,
      text: general.text,
      headers: apiHeaders(general.headers),
    });
    return fast;
  }

  const q = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;
  const page = { anchor: 'newest', num_before: '100', num_after: '0' };

  it('answers pages, narrows and ids the same', async () => {
    const a = auth(alice);
    const narrows: unknown[] = [
      [],
      [{ operator: 'stream', operand: 'lobby' }],
      [
        { operator: 'stream', operand: 'lobby' },
        { operator: 'topic', operand: 'deploy' },
      ],
      [{ operator: 'dm', operand: [bob.id] }],
      [{ operator: 'dm', operand: [bob.email] }],
      [['is', 'unread']],
      [{ operator: 'search', operand: 'topic' }],
      [{ operator: 'sender', operand: alice.id, negated: true }],
    ];
    for (const narrow of narrows) {
      const extras: Array<Record<string, string>> = [
        {},
        { apply_markdown: 'false', client_gravatar: 'false' },
      ];
      for (const extra of extras) {
        const res = await both(q({ ...page, ...extra, narrow: JSON.stringify(narrow) }), a);
        expect(res.status).toBe(200);
      }
    }
    const ok = await both(q({ anchor: 'oldest', num_before: '0', num_after: '2' }), a);
    expect(JSON.parse(ok.text)).toMatchObject({ result: 'success', found_oldest: true });
    await both(q({ anchor: 'first_unread', num_before: '1', num_after: '1' }), a);
    await both(q({ num_before: '1', num_after: '1', use_first_unread_anchor: 'true' }), a);
    await both(q({ message_ids: '[1,2,3]' }), a);
    const ignored = await both(q({ ...page, unknown_thing: '1', client: 'x' }), a);
    expect(JSON.parse(ignored.text).ignored_parameters_unsupported).toEqual(['unknown_thing']);
    await both('', a);
    await both('?', a);
  });

  it('refuses the same way', async () => {
    const a = auth(alice);
    const refused = [
      q({ ...page, anchor: 'sideways' }),
      q({ ...page, num_before: '-1' }),
      q({ ...page, num_before: '1.5' }),
      q({ ...page, num_after: 'many' }),
      q({ ...page, include_anchor: '"yes"' }),
      q({ ...page, apply_markdown: 'null' }),
      q({ ...page, num_before: '4000', num_after: '1001' }),
      q({ ...page, narrow: '[{"operator":"stream","operand":"nowhere"}]' }),
      q({ ...page, narrow: '[{"operator":"dm","operand":[999999]}]' }),
      q({ ...page, narrow: '[{"operator":"bogus","operand":"x"}]' }),
      q({ ...page, narrow: '{not json' }),
      q({ ...page, narrow: '["\\u0000"]' }),
      q({ ...page, message_ids: '[1]' }),
      q({ message_ids: '[-1]' }),
      q({ anchor: 'newest' }),
      q({ ...page, topic: 'a\u0000b' }),
      `${q(page)}&x=%FF`,
    ];
    for (const query of refused) {
      const res = await both(query, a);
      expect({ query, status: res.status }).not.toEqual({ query, status: 200 });
    }
  });

  it('refuses bad credentials the same way', async () => {
    await both(q(page));
    await both(q(page), 'Basic !!!');
    await both(q(page), `Basic ${Buffer.from(`${alice.email}:nope`).toString('base64')}`);
    const wrongKey = `${alice.email}:${'a'.repeat(alice.apiKey.length)}`;
    await both(q(page), `Basic ${Buffer.from(wrongKey).toString('base64')}`);
    await both(q(page), 'Bearer token');
  });
});
