import { Role } from '../../apps/server/src/identity/user.types';
import { eventually, makeStream, QueueReader, WireEvent } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

type Reply = Record<string, unknown> & { result: string; msg: string };
interface ZulipJsClient {
  streams: { topics: { retrieve: (params: { stream_id: number }) => Promise<Reply> } };
}
type ZulipJs = (config: Record<string, string>) => Promise<ZulipJsClient>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zulip = require('zulip-js') as ZulipJs;

describe('topics: listing and deleting', () => {
  let server: TestServer;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let gardenId: number;
  let vaultId: number;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    alice = await server.createUser();
    bob = await server.createUser();
    carol = await server.createUser();
    gardenId = await makeStream(server, 'garden', [admin, alice, bob]);
    vaultId = await makeStream(server, 'vault', [bob], true);
  });
  afterAll(() => server.stop());

  async function send(user: TestUser, stream: string, topic: string): Promise<number> {
    const res = await server.client(user).post('/messages', {
      type: 'stream',
      to: stream,
      topic,
      content: `about ${topic}`,
    });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return res.body.id as number;
  }

  it('lists a stream’s topics newest first, under the latest spelling, with their latest id', async () => {
    await send(alice, 'garden', 'Roses');
    const tulips = await send(bob, 'garden', 'tulips');
    const roses = await send(bob, 'garden', 'roses');
    // Carol never subscribed, but a public stream's history is every member's.
    const res = await server.client(carol).get(`/users/me/${gardenId}/topics`);
    expect(res.status).toBe(200);
    expect(res.body.topics).toEqual([
      { name: 'roses', max_id: roses },
      { name: 'tulips', max_id: tulips },
    ]);
  });

  it('works through zulip-js', async () => {
    const client = await zulip({ username: alice.email, apiKey: alice.apiKey, realm: server.url });
    const res = await client.streams.topics.retrieve({ stream_id: gardenId });
    expect(res).toMatchObject({ result: 'success' });
    expect((res.topics as Array<{ name: string }>).map((t) => t.name)).toEqual(['roses', 'tulips']);
    expect(res.ignored_parameters_unsupported).toBeUndefined();
  });

  it('shows a protected-history private stream’s topics only as far as the reader received them', async () => {
    const before = await send(bob, 'vault', 'before alice');
    const sub = await server.client(bob).post('/users/me/subscriptions', {
      subscriptions: [{ name: 'vault' }],
      principals: [alice.id],
    });
    expect(sub.status).toBe(200);
    const after = await send(bob, 'vault', 'after alice');
    const forBob = await server.client(bob).get(`/users/me/${vaultId}/topics`);
    expect(forBob.body.topics).toEqual([
      { name: 'after alice', max_id: after },
      { name: 'before alice', max_id: before },
    ]);
    const forAlice = await server.client(alice).get(`/users/me/${vaultId}/topics`);
    expect(forAlice.body.topics).toEqual([{ name: 'after alice', max_id: after }]);
  });

  it('refuses a private stream to non-subscribers, admins included, and bad stream ids', async () => {
    for (const user of [carol, admin]) {
      const res = await server.client(user).get(`/users/me/${vaultId}/topics`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ result: 'error', msg: 'Invalid channel ID' });
    }
    for (const id of ['abc', '2147483648', '99999999', '-1']) {
      const res = await server.client(alice).get(`/users/me/${id}/topics`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ result: 'error', msg: 'Invalid channel ID' });
    }
  });

  it('lets only administrators delete a topic', async () => {
    await send(alice, 'garden', 'keep me');
    const res = await server
      .client(alice)
      .post(`/streams/${gardenId}/delete_topic`, { topic_name: 'keep me' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      result: 'error',
      code: 'UNAUTHORIZED_PRINCIPAL',
      msg: 'Must be an organization administrator',
    });
    const topics = await server.client(alice).get(`/users/me/${gardenId}/topics`);
    expect((topics.body.topics as Array<{ name: string }>).map((t) => t.name)).toContain('keep me');
    const missing = await server.client(admin).post(`/streams/${gardenId}/delete_topic`, {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'REQUEST_VARIABLE_MISSING' });
    const hidden = await server
      .client(admin)
      .post(`/streams/${vaultId}/delete_topic`, { topic_name: 'after alice' });
    expect(hidden.status).toBe(400);
    expect(hidden.body.msg).toBe('Invalid channel ID');
  });

  it('deletes every message of a topic (any case), announcing it to those who could see them', async () => {
    const ids = [await send(alice, 'garden', 'Doomed'), await send(bob, 'garden', 'doomed')];
    const survivor = await send(bob, 'garden', 'doomed but other');
    const [aliceQ, carolQ] = await Promise.all([
      QueueReader.register(server, alice, {
        event_types: ['delete_message'],
        client_capabilities: { bulk_message_deletion: true },
      }),
      QueueReader.register(server, carol, { event_types: ['delete_message'] }),
    ]);
    const res = await server
      .client(admin)
      .post(`/streams/${gardenId}/delete_topic`, { topic_name: 'DOOMED' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: 'success', complete: true });
    for (const id of ids) {
      const gone = await server.client(alice).get(`/messages/${id}`);
      expect(gone.status).toBe(400);
    }
    expect((await server.client(alice).get(`/messages/${survivor}`)).status).toBe(200);
    const names = (await server.client(alice).get(`/users/me/${gardenId}/topics`)).body
      .topics as Array<{ name: string }>;
    expect(names.map((t) => t.name)).not.toContain('doomed');
    const events = await eventually(async () => {
      const got = await aliceQ.drain();
      expect(got.length).toBeGreaterThan(0);
      return got;
    });
    expect(events).toEqual([
      {
        id: expect.any(Number),
        type: 'delete_message',
        message_type: 'stream',
        message_ids: ids,
        stream_id: gardenId,
        topic: 'Doomed',
      },
    ]);
    expect(await carolQ.drain()).toEqual([]);
  });

  it('deletes a long topic in batches, one event per batch', async () => {
    const first = await send(alice, 'garden', 'long');
    // 1,200 more messages straight into the table: sending them one by one would only be slow.
    await server.db.execute(
      `INSERT INTO messages (realm_id, sender_id, stream_id, topic, content, rendered_content)
       SELECT $1, $2, $3, 'long', 'bulk', '<p>bulk</p>' FROM generate_series(1, 1200)`,
      [server.realm.id, bob.id, gardenId],
    );
    await server.db.execute(
      `INSERT INTO user_messages (user_id, message_id)
       SELECT $1, id FROM messages WHERE stream_id = $2 AND topic = 'long' AND id <> $3`,
      [alice.id, gardenId, first],
    );
    const aliceQ = await QueueReader.register(server, alice, {
      event_types: ['delete_message'],
      client_capabilities: { bulk_message_deletion: true },
    });
    const res = await server
      .client(admin)
      .post(`/streams/${gardenId}/delete_topic`, { topic_name: 'long' });
    expect(res.body).toMatchObject({ result: 'success', complete: true });
    const left = await server.db.one<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages WHERE stream_id = $1 AND topic = 'long'`,
      [gardenId],
    );
    expect(left?.n).toBe(0);
    const events: WireEvent[] = [];
    await eventually(async () => {
      events.push(...(await aliceQ.drain()));
      expect(events.length).toBe(2);
    });
    const batches = events.map((e) => e.message_ids as number[]);
    expect(batches.map((b) => b.length)).toEqual([1000, 201]);
    expect(batches[0][0]).toBe(first);
  });
});
