import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createStream, expectOk, fetchNarrow, sendToStream, WireMessage } from './message-fixtures';

describe('editing, moving and deleting messages', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let admin: TestUser;

  const age = (id: number, seconds: number) =>
    server.db.execute(
      `UPDATE messages SET date_sent = now() - ($2 || ' seconds')::interval WHERE id = $1`,
      [id, String(seconds)],
    );
  const raw = async (id: number) => {
    const res = await server.client(alice).get(`/messages/${id}`);
    expectOk(res);
    return { raw: res.body.raw_content as string, message: res.body.message as WireMessage };
  };

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Anders' });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    admin = await server.createUser({ fullName: 'Ada Admin', role: Role.Administrator });
    await createStream(server, 'work', { subscribers: [alice, bob, admin] });
    await createStream(server, 'elsewhere', { subscribers: [alice, bob, admin] });
    await createStream(server, 'vault', { inviteOnly: true, subscribers: [bob] });
  });
  afterAll(() => server.stop());

  describe('default policy: own content within 10 minutes, own topics any time', () => {
    it('lets the sender edit content and keeps every version', async () => {
      const id = await sendToStream(server.client(alice), 'work', 'notes', 'first draft');
      expectOk(
        await server.client(alice).patch(`/messages/${id}`, { content: 'second draft' }, 'query'),
      );
      expectOk(
        await server.client(alice).patch(`/messages/${id}`, { content: 'final', topic: 'Notes!' }),
      );
      const { raw: content, message } = await raw(id);
      expect(content).toBe('final');
      expect(message.subject).toBe('Notes!');
      expect(message.edit_history).toHaveLength(2);
      const history = await server.client(bob).get(`/messages/${id}/history`);
      expectOk(history);
      const versions = history.body.message_history as Array<Record<string, unknown>>;
      expect(versions.map((v) => v.content)).toEqual(['first draft', 'second draft', 'final']);
      expect(versions[0]).toMatchObject({
        topic: 'notes',
        user_id: alice.id,
        rendered_content: '<p>first draft</p>',
      });
      expect(versions[1]).toMatchObject({
        prev_content: 'first draft',
        prev_rendered_content: '<p>first draft</p>',
      });
      expect(versions[2]).toMatchObject({
        prev_content: 'second draft',
        prev_topic: 'notes',
        topic: 'Notes!',
      });
    });

    it("refuses someone else's content and late content edits, allows late topic edits", async () => {
      const id = await sendToStream(server.client(alice), 'work', 'old', 'written long ago');
      const other = await server.client(bob).patch(`/messages/${id}`, { content: 'hijack' });
      expect(other.body.msg).toBe("You don't have permission to edit this message");
      const byAdmin = await server
        .client(admin)
        .patch(`/messages/${id}`, { content: 'admin rewrite' });
      expect(byAdmin.body.msg).toBe("You don't have permission to edit this message");
      await age(id, 700);
      const late = await server.client(alice).patch(`/messages/${id}`, { content: 'too late' });
      expect(late.status).toBe(400);
      expect(late.body.msg).toBe('The time limit for editing this message has past');
      expectOk(await server.client(alice).patch(`/messages/${id}`, { topic: 'renamed' }));
      const topicByOther = await server.client(bob).patch(`/messages/${id}`, { topic: 'mine now' });
      expect(topicByOther.body.msg).toBe("You don't have permission to edit this message");
      expectOk(await server.client(admin).patch(`/messages/${id}`, { topic: 'admin topic' }));
      expect((await raw(id)).message.subject).toBe('admin topic');
    });

    it('lets anyone give a topic to a message without one', async () => {
      const id = await sendToStream(server.client(alice), 'work', '', 'topicless');
      expect((await raw(id)).message.subject).toBe('(no topic)');
      expectOk(await server.client(bob).patch(`/messages/${id}`, { topic: 'found a home' }));
      expect((await raw(id)).message.subject).toBe('found a home');
    });

    it('turns an edit to empty content into "(deleted)"', async () => {
      const id = await sendToStream(server.client(alice), 'work', 'oops', 'regrettable');
      expectOk(await server.client(alice).patch(`/messages/${id}`, { content: '' }));
      expect((await raw(id)).raw).toBe('(deleted)');
    });

    it('refuses empty edits and bad combinations', async () => {
      const id = await sendToStream(server.client(alice), 'work', 'x', 'y');
      expect((await server.client(alice).patch(`/messages/${id}`, {})).body.msg).toBe(
        'Nothing to change',
      );
      const both = await server
        .client(alice)
        .patch(`/messages/${id}`, { content: 'z', stream_id: 1 });
      expect(both.body.msg).toBe('Cannot change message content while changing channel');
      const mode = await server
        .client(alice)
        .patch(`/messages/${id}`, { topic: 'z', propagate_mode: 'change_some' });
      expect(mode.status).toBe(400);
      const missing = await server.client(alice).patch('/messages/987654321', { content: 'z' });
      expect(missing.body.msg).toBe('Invalid message(s)');
    });
  });

  describe('the other two policies', () => {
    afterEach(() =>
      server.updateRealm({ allow_message_editing: true, message_content_edit_limit_seconds: 600 }),
    );

    it('no edits: nobody edits, but admins may still fix topics', async () => {
      const id = await sendToStream(server.client(alice), 'work', 'frozen', 'cannot change');
      await server.updateRealm({ allow_message_editing: false });
      const content = await server.client(alice).patch(`/messages/${id}`, { content: 'changed' });
      expect(content.body.msg).toBe('Your organization has turned off message editing');
      const topic = await server.client(alice).patch(`/messages/${id}`, { topic: 'changed' });
      expect(topic.body.msg).toBe('Your organization has turned off message editing');
      expectOk(await server.client(admin).patch(`/messages/${id}`, { topic: 'admin fixed' }));
    });

    it('no time limit: the sender edits content any time', async () => {
      const id = await sendToStream(server.client(alice), 'work', 'timeless', 'v1');
      await age(id, 86400 * 30);
      await server.updateRealm({ message_content_edit_limit_seconds: null });
      expectOk(await server.client(alice).patch(`/messages/${id}`, { content: 'v2' }));
      expect((await raw(id)).raw).toBe('v2');
    });
  });

  describe('propagate modes and moves', () => {
    const topicOf = async (ids: number[]) => {
      const res = await server.client(alice).get('/messages', { message_ids: JSON.stringify(ids) });
      return (res.body.messages as WireMessage[]).map((m) => m.subject);
    };

    it('change_one, change_later and change_all', async () => {
      const a = server.client(alice);
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) ids.push(await sendToStream(a, 'work', 'thread', `m${i}`));
      expectOk(
        await a.patch(`/messages/${ids[2]}`, { topic: 'one', propagate_mode: 'change_one' }),
      );
      expect(await topicOf(ids)).toEqual(['thread', 'thread', 'one', 'thread', 'thread']);
      expectOk(
        await a.patch(`/messages/${ids[1]}`, { topic: 'later', propagate_mode: 'change_later' }),
      );
      expect(await topicOf(ids)).toEqual(['thread', 'later', 'one', 'later', 'later']);
      expectOk(
        await a.patch(`/messages/${ids[3]}`, { topic: 'all', propagate_mode: 'change_all' }),
      );
      expect(await topicOf(ids)).toEqual(['thread', 'all', 'one', 'all', 'all']);
      const moved = await fetchNarrow(server.client(bob), [
        ['stream', 'work'],
        ['topic', 'all'],
      ]);
      expect(moved.map((m) => m.id)).toEqual([ids[1], ids[3], ids[4]]);
    });

    it('moves a topic to another stream the user may post to', async () => {
      const a = server.client(alice);
      const ids = [
        await sendToStream(a, 'work', 'migrate', 'p1'),
        await sendToStream(a, 'work', 'migrate', 'p2'),
      ];
      const target = await server.db.one<{ id: number }>(
        "SELECT id FROM streams WHERE name = 'elsewhere'",
      );
      expectOk(
        await a.patch(`/messages/${ids[0]}`, {
          stream_id: target?.id ?? 0,
          propagate_mode: 'change_all',
        }),
      );
      const there = await fetchNarrow(server.client(bob), [
        ['stream', 'elsewhere'],
        ['topic', 'migrate'],
      ]);
      expect(there.map((m) => m.id)).toEqual(ids);
      const vault = await server.db.one<{ id: number }>(
        "SELECT id FROM streams WHERE name = 'vault'",
      );
      const refused = await a.patch(`/messages/${ids[0]}`, { stream_id: vault?.id ?? 0 });
      expect(refused.status).toBe(400);
      expect(refused.body.result).toBe('error');
      const history = await a.get(`/messages/${ids[1]}/history`);
      const last = (history.body.message_history as Array<Record<string, unknown>>).at(-1);
      expect(last).toMatchObject({ prev_stream: expect.any(Number), stream: target?.id });
    });
  });

  describe('deleting', () => {
    afterAll(() => server.updateRealm({ allow_message_deleting: false }));

    it('admins always; senders only where the realm allows it', async () => {
      const own = await sendToStream(server.client(alice), 'work', 'bye', 'delete me');
      const refused = await server.client(alice).delete(`/messages/${own}`);
      expect(refused.body.msg).toBe("You don't have permission to delete this message");
      await server.updateRealm({ allow_message_deleting: true });
      expectOk(await server.client(alice).delete(`/messages/${own}`));
      expect((await server.client(alice).get(`/messages/${own}`)).body.msg).toBe(
        'Invalid message(s)',
      );
      const others = await sendToStream(server.client(bob), 'work', 'bye', 'not yours');
      expect((await server.client(alice).delete(`/messages/${others}`)).body.result).toBe('error');
      expectOk(await server.client(admin).delete(`/messages/${others}`, {}, 'query'));
    });
  });
});
