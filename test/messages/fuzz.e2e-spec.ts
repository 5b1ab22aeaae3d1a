import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createStream, sendToStream } from './message-fixtures';

/** Every endpoint of the messages module answers bad input with a 4xx envelope, never a 500. */
describe('messages API under hostile input', () => {
  let server: TestServer;
  let alice: TestUser;
  let messageId: number;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
    await createStream(server, 'fuzz', { subscribers: [alice] });
    messageId = await sendToStream(server.client(alice), 'fuzz', 'f', 'target');
  });
  afterAll(() => server.stop());

  const values = [
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    'null',
    'true',
    '[]',
    '{}',
    '[1]',
    '[-1]',
    '[1e20]',
    '1e20',
    '-5',
    '99999999999',
    '9999999999999999999999',
    '"x"',
    '[["stream","fuzz"]]',
    '[["stream",99999999999]]',
    '[["sender",99999999999]]',
    '[["dm",[99999999999]]]',
    '[{"operator":"topic","operand":"a\\u0000"}]',
    '[{"operator":"search","operand":"\\u0000"}]',
    '[["search","\'\\" & | ! ( ) :* <->"]]',
    '[{"operator":"is","operand":{"x":1}}]',
    'newest',
    'fuzz',
    '✔ done',
    'x'.repeat(5000),
  ];
  const endpoints: Array<[string, string, string[]]> = [
    ['POST', '/messages', ['type', 'to', 'topic', 'content', 'sender', 'forged', 'time', 'client']],
    [
      'GET',
      '/messages',
      ['anchor', 'num_before', 'num_after', 'narrow', 'message_ids', 'include_anchor'],
    ],
    ['GET', '/messages/matches_narrow', ['msg_ids', 'narrow']],
    ['GET', '/messages/:id', ['apply_markdown']],
    ['PATCH', '/messages/:id', ['content', 'topic', 'stream_id', 'propagate_mode']],
    ['GET', '/messages/:id/history', []],
    ['POST', '/messages/:id/reactions', ['emoji_name', 'emoji_code', 'reaction_type']],
    ['DELETE', '/messages/:id/reactions', ['emoji_name', 'emoji_code', 'reaction_type']],
    ['POST', '/messages/flags', ['messages', 'op', 'flag']],
    [
      'POST',
      '/messages/flags/narrow',
      ['anchor', 'num_before', 'num_after', 'narrow', 'op', 'flag'],
    ],
    ['POST', '/mark_stream_as_read', ['stream_id']],
    ['POST', '/mark_topic_as_read', ['stream_id', 'topic_name']],
    ['POST', '/messages/render', ['content']],
  ];

  it('never answers 5xx', async () => {
    let seed = 7;
    const pick = <T>(list: T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return list[seed % list.length];
    };
    const client = server.client(alice);
    const failures: string[] = [];
    for (const [method, path, names] of endpoints) {
      for (let round = 0; round < 25; round++) {
        const params: Record<string, string> = {};
        for (const name of names) if (pick([true, true, false])) params[name] = pick(values);
        const id = pick([String(messageId), '0', '99999999999999', 'abc', '-1']);
        const res = await client.call(
          method,
          path.replace(':id', id),
          params,
          method === 'GET' ? 'query' : 'form',
        );
        if (res.status >= 500 || typeof res.body.result !== 'string') {
          failures.push(
            `${method} ${path} ${JSON.stringify(params)} -> ${res.status} ${JSON.stringify(res.body)}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
