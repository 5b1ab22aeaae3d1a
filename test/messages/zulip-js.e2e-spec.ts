import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createStream } from './message-fixtures';

interface ZulipResult {
  result: string;
  msg: string;
  [key: string]: unknown;
}

type Call = (params: Record<string, unknown>) => Promise<ZulipResult>;

/** The parts of the zulip-js client this suite drives (the package ships no types). */
interface ZulipJsClient {
  messages: {
    send: Call;
    retrieve: Call;
    update: Call;
    getById: Call;
    getHistoryById: Call;
    flags: { add: Call; remove: Call };
  };
  reactions: { add: Call; remove: Call };
}

// zulip-js is CommonJS without type declarations: this is the untyped boundary.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zulipInit = require('zulip-js') as (config: {
  username: string;
  apiKey: string;
  realm: string;
}) => Promise<ZulipJsClient>;

describe('the real zulip-js client', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let aliceClient: ZulipJsClient;
  let bobClient: ZulipJsClient;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Anders' });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    await createStream(server, 'js land', { subscribers: [alice, bob] });
    aliceClient = await zulipInit({
      username: alice.email,
      apiKey: alice.apiKey,
      realm: server.url,
    });
    bobClient = await zulipInit({ username: bob.email, apiKey: bob.apiKey, realm: server.url });
  });
  afterAll(() => server.stop());

  it('sends, retrieves with a narrow, updates, flags and reacts', async () => {
    const sent = await aliceClient.messages.send({
      to: 'js land',
      type: 'stream',
      topic: 'from zulip-js',
      content: 'Hello from **zulip-js**',
    });
    expect(sent).toMatchObject({ result: 'success', id: expect.any(Number) });
    const id = sent.id as number;

    const dm = await aliceClient.messages.send({
      to: [bob.id],
      type: 'direct',
      content: 'a direct hello',
    });
    expect(dm.result).toBe('success');

    const retrieved = await bobClient.messages.retrieve({
      anchor: 'newest',
      num_before: 10,
      num_after: 0,
      narrow: [
        { operator: 'stream', operand: 'js land' },
        { operator: 'topic', operand: 'from zulip-js' },
      ],
    });
    expect(retrieved.result).toBe('success');
    const messages = retrieved.messages as Array<{ id: number; subject: string }>;
    expect(messages.map((m) => m.id)).toEqual([id]);

    const updated = await aliceClient.messages.update({
      message_id: id,
      content: 'Edited by zulip-js',
    });
    expect(updated.result).toBe('success');
    const byId = await bobClient.messages.getById({ message_id: id });
    expect(byId).toMatchObject({ result: 'success', raw_content: 'Edited by zulip-js' });
    const history = await bobClient.messages.getHistoryById({ message_id: id });
    expect((history.message_history as unknown[]).length).toBe(2);

    const starred = await bobClient.messages.flags.add({ messages: [id], flag: 'starred' });
    expect(starred).toMatchObject({ result: 'success', messages: [id] });
    const read = await bobClient.messages.flags.add({ messages: [id], flag: 'read' });
    expect(read.result).toBe('success');

    const reacted = await bobClient.reactions.add({ message_id: id, emoji_name: 'octopus' });
    expect(reacted.result).toBe('success');
    const after = await aliceClient.messages.getById({ message_id: id });
    const message = after.message as { reactions: Array<{ emoji_name: string; user_id: number }> };
    expect(message.reactions).toEqual([
      expect.objectContaining({ emoji_name: 'octopus', user_id: bob.id }),
    ]);
    const removed = await bobClient.reactions.remove({ message_id: id, emoji_name: 'octopus' });
    expect(removed.result).toBe('success');

    const flagged = await bobClient.messages.retrieve({
      anchor: 'newest',
      num_before: 10,
      num_after: 0,
      narrow: [{ operator: 'is', operand: 'starred' }],
    });
    const mine = flagged.messages as Array<{ id: number; flags: string[] }>;
    expect(mine.map((m) => m.id)).toEqual([id]);
    expect(mine[0].flags).toEqual(expect.arrayContaining(['read', 'starred']));
  });
});
