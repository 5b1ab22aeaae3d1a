import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { eventually, makeStream, Params, QueueReader, WireEvent } from './event-fixtures';

type MessageEvent = WireEvent & {
  message: Record<string, unknown> & { id: number; content: string };
  flags: string[];
};

describe('message events through the API, and who may see them', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let dave: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Anders' });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    carol = await server.createUser({ fullName: 'Carol Cruz' });
    dave = await server.createUser({ fullName: 'Dave Dune' });
    await makeStream(server, 'town', [alice, bob]);
    await makeStream(server, 'secret', [alice], true);
  });
  afterAll(() => server.stop());

  const send = async (user: TestUser, params: Params) => {
    const res = await server.client(user).post('/messages', params);
    expect(res.status).toBe(200);
    return res.body.id as number;
  };
  // Events may arrive over several reads: keep everything each queue has delivered so far.
  const seen = new Map<QueueReader, MessageEvent[]>();
  const messages = async (reader: QueueReader) => {
    const fresh = (await reader.drain()).filter((e): e is MessageEvent => e.type === 'message');
    const all = [...(seen.get(reader) ?? []), ...fresh];
    seen.set(reader, all);
    return all;
  };

  it('delivers each message only to the queues allowed to see it', async () => {
    const aliceQ = await QueueReader.register(server, alice, {
      event_types: ['message'],
      apply_markdown: true,
    });
    const bobQ = await QueueReader.register(server, bob, { event_types: ['message'] });
    const carolAll = await QueueReader.register(server, carol, {
      event_types: ['message'],
      all_public_streams: true,
    });
    const daveQ = await QueueReader.register(server, dave, { event_types: ['message'] });

    const publicId = await send(alice, {
      type: 'stream',
      to: 'town',
      topic: 'hi',
      content: 'hello **town**',
    });
    const secretId = await send(alice, {
      type: 'stream',
      to: 'secret',
      topic: 'psst',
      content: 'hush',
    });

    const aliceGot = await eventually(async () => {
      const got = await messages(aliceQ);
      expect(got.map((e) => e.message.id)).toEqual([publicId, secretId]);
      return got;
    });
    expect(aliceGot[0].message).toMatchObject({
      content: '<p>hello <strong>town</strong></p>',
      content_type: 'text/html',
      display_recipient: 'town',
      subject: 'hi',
      sender_id: alice.id,
      type: 'stream',
    });
    expect(aliceGot[0].message).not.toHaveProperty('flags');

    // Bob asked for raw Markdown (apply_markdown defaults to false) and is not in "secret".
    const bobGot = await eventually(async () => {
      const got = await messages(bobQ);
      expect(got.map((e) => e.message.id)).toEqual([publicId]);
      return got;
    });
    expect(bobGot[0].message).toMatchObject({
      content: 'hello **town**',
      content_type: 'text/x-markdown',
    });
    expect(bobGot[0].flags).not.toContain('read');

    // all_public_streams sees the public stream only, never the private one.
    await eventually(async () =>
      expect((await messages(carolAll)).map((e) => e.message.id)).toEqual([publicId]),
    );
    // Dave is subscribed to nothing.
    await new Promise((r) => setTimeout(r, 200));
    expect(await messages(daveQ)).toEqual([]);
    // Nothing more arrived for Carol: still only the public message.
    expect((await messages(carolAll)).map((e) => e.message.id)).toEqual([publicId]);
  });

  it('gives each recipient their own flags, with mentioned for @-mentions', async () => {
    const bobQ = await QueueReader.register(server, bob, { event_types: ['message'] });
    const aliceQ = await QueueReader.register(server, alice, { event_types: ['message'] });
    const id = await send(alice, {
      type: 'stream',
      to: 'town',
      topic: 'ping',
      content: 'hey @**Bob Brown** look',
    });
    await eventually(async () => {
      const [event] = await messages(bobQ);
      expect(event.message.id).toBe(id);
      expect(event.flags).toContain('mentioned');
    });
    const [own] = await messages(aliceQ);
    expect(own.flags).not.toContain('mentioned');
  });

  it('applies a register narrow to message events', async () => {
    const onlyTown = await QueueReader.register(server, bob, {
      event_types: ['message'],
      narrow: [['stream', 'town']],
    });
    const onlyDms = await QueueReader.register(server, bob, {
      event_types: ['message'],
      narrow: [['is', 'dm']],
    });
    const dmId = await send(alice, { type: 'direct', to: [bob.id], content: 'just us' });
    const streamId = await send(alice, { type: 'stream', to: 'town', topic: 't', content: 'all' });
    await eventually(async () =>
      expect((await messages(onlyTown)).map((e) => e.message.id)).toEqual([streamId]),
    );
    const dms = await eventually(async () => {
      const got = await messages(onlyDms);
      expect(got.map((e) => e.message.id)).toEqual([dmId]);
      return got;
    });
    expect(dms[0].message.display_recipient).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: alice.id, email: alice.email }),
        expect.objectContaining({ id: bob.id, email: bob.email }),
      ]),
    );
  });

  it('publishes edits, reactions, flag changes and deletions to the message’s recipients', async () => {
    const bobQ = await QueueReader.register(server, bob, {});
    const daveQ = await QueueReader.register(server, dave, {});
    const id = await send(alice, { type: 'stream', to: 'town', topic: 'edit me', content: 'v1' });
    expect((await server.client(alice).patch(`/messages/${id}`, { content: 'v2' })).status).toBe(
      200,
    );
    expect(
      (await server.client(bob).post(`/messages/${id}/reactions`, { emoji_name: 'tada' })).status,
    ).toBe(200);
    expect(
      (
        await server
          .client(bob)
          .post('/messages/flags', { messages: [id], op: 'add', flag: 'starred' })
      ).status,
    ).toBe(200);
    expect((await server.client(server.owner).delete(`/messages/${id}`)).status).toBe(200);

    const types = await eventually(async () => {
      const got = await bobQ.drain();
      const relevant = got.filter((e) => e.type !== 'presence');
      expect(relevant.map((e) => e.type)).toEqual([
        'message',
        'update_message',
        'reaction',
        'update_message_flags',
        'delete_message',
      ]);
      return relevant;
    });
    expect(types[1]).toMatchObject({ message_id: id, content: 'v2', orig_content: 'v1' });
    expect(types[2]).toMatchObject({
      op: 'add',
      message_id: id,
      emoji_name: 'tada',
      user: { user_id: bob.id, email: bob.email },
    });
    expect(types[3]).toMatchObject({ op: 'add', flag: 'starred', messages: [id] });
    // No bulk_message_deletion capability: the single-id form.
    expect(types[4]).toMatchObject({ message_id: id, message_type: 'stream' });
    expect(await daveQ.drain()).toEqual([]);
  });

  it("update_message carries each receiver's own flags, a new mention included", async () => {
    const bobQ = await QueueReader.register(server, bob, {});
    const aliceQ = await QueueReader.register(server, alice, {});
    const id = await send(alice, { type: 'stream', to: 'town', topic: 'flags', content: 'plain' });
    const edited = await server
      .client(alice)
      .patch(`/messages/${id}`, { content: `now for @**${bob.fullName}**` });
    expect(edited.status).toBe(200);
    const bobEdit = await eventually(async () => {
      const got = (await bobQ.drain()).filter((e) => e.type === 'update_message');
      expect(got).toHaveLength(1);
      return got[0];
    });
    expect(bobEdit.flags).toEqual(['mentioned']);
    const aliceEdit = await eventually(async () => {
      const got = (await aliceQ.drain()).filter((e) => e.type === 'update_message');
      expect(got).toHaveLength(1);
      return got[0];
    });
    // The sender's own message is read, and she did not mention herself.
    expect(aliceEdit.flags).toEqual(['read']);
  });
});
