import { FlagsService } from '../../apps/server/src/messages/flags.service';
import { UsersRepository } from '../../apps/server/src/identity/users.repository';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createStream, expectOk, fetchNarrow, sendToStream, WireMessage } from './message-fixtures';

describe('flags, unread counts and reactions', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let workId: number;

  const unread = async (user: TestUser) => {
    const row = await server.app.get(UsersRepository).findById(user.id);
    if (!row) throw new Error('no such user');
    return server.app.get(FlagsService).unreadSummary(row);
  };

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Anders' });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    carol = await server.createUser({ fullName: 'Carol Clark' });
    workId = await createStream(server, 'work', { subscribers: [alice, bob] });
    await createStream(server, 'play', { subscribers: [alice, bob] });
  });
  afterAll(() => server.stop());

  it('counts unread messages per stream and topic, per DM, and mentions', async () => {
    const a = server.client(alice);
    const w1 = await sendToStream(a, 'work', 'alpha', 'one');
    const w2 = await sendToStream(a, 'work', 'Alpha', 'two @**Bob Brown**');
    const w3 = await sendToStream(a, 'work', 'beta', 'three');
    const p1 = await sendToStream(a, 'play', 'games', 'four @**all**');
    const dm = (
      await a.post('/messages', { type: 'private', to: JSON.stringify([bob.id]), content: 'psst' })
    ).body.id as number;
    const group = (
      await server.client(carol).post('/messages', {
        type: 'private',
        to: JSON.stringify([alice.id, bob.id]),
        content: 'hi',
      })
    ).body.id as number;
    const summary = await unread(bob);
    expect(summary.count).toBe(6);
    expect(summary.streams).toEqual([
      { stream_id: workId, topic: 'alpha', unread_message_ids: [w1, w2] },
      { stream_id: workId, topic: 'beta', unread_message_ids: [w3] },
      { stream_id: expect.any(Number), topic: 'games', unread_message_ids: [p1] },
    ]);
    expect(summary.pms).toEqual([
      { other_user_id: alice.id, sender_id: alice.id, unread_message_ids: [dm] },
    ]);
    expect(summary.huddles).toEqual([
      {
        user_ids_string: [alice.id, bob.id, carol.id].sort((x, y) => x - y).join(','),
        unread_message_ids: [group],
      },
    ]);
    expect(summary.mentions).toEqual([w2, p1]);
    const flags = await fetchNarrow(server.client(bob), [['stream', 'work']]);
    expect(flags.find((m) => m.id === w2)?.flags).toEqual(['mentioned']);
    const all = await fetchNarrow(server.client(bob), [['stream', 'play']]);
    expect(all[0].flags).toEqual(['wildcard_mentioned']);
    expect((await fetchNarrow(server.client(bob), [['is', 'mentioned']])).map((m) => m.id)).toEqual(
      [w2, p1],
    );
    expect((await unread(alice)).streams).toEqual([]);
  });

  it('marks a topic, a stream, then everything as read', async () => {
    const b = server.client(bob);
    expectOk(await b.post('/mark_topic_as_read', { stream_id: workId, topic_name: 'ALPHA' }));
    expect((await unread(bob)).streams.map((s) => s.topic)).toEqual(['beta', 'games']);
    expectOk(await b.post('/mark_stream_as_read', { stream_id: workId }));
    expect((await unread(bob)).streams.map((s) => s.topic)).toEqual(['games']);
    const all = await b.post('/mark_all_as_read');
    expectOk(all);
    expect(all.body.complete).toBe(true);
    expect((await unread(bob)).count).toBe(0);
    const bad = await b.post('/mark_stream_as_read', { stream_id: 99999 });
    expect(bad.status).toBe(400);
  });

  it('flags alert words, group mentions and topic wildcards for the right people', async () => {
    await server.db.execute(`INSERT INTO alert_words (user_id, word) VALUES ($1, 'Deploy.Now')`, [
      bob.id,
    ]);
    const group = await server.db.one<{ id: number }>(
      `INSERT INTO user_groups (realm_id, name) VALUES ($1, 'backend') RETURNING id`,
      [server.realm.id],
    );
    await server.db.execute('INSERT INTO user_group_members (group_id, user_id) VALUES ($1, $2)', [
      group?.id,
      bob.id,
    ]);
    const a = server.client(alice);
    const alerted = await sendToStream(a, 'work', 'ops', 'time to deploy.now, team');
    const notAlerted = await sendToStream(a, 'work', 'ops', 'redeploy.nowhere');
    const grouped = await sendToStream(a, 'work', 'ops', 'ping @*backend*');
    await createStream(server, 'talk', { subscribers: [alice, bob, carol] });
    await sendToStream(server.client(bob), 'talk', 'chat', 'I was here');
    const topicWide = await sendToStream(a, 'talk', 'chat', 'hey @**topic**');
    const flagsOf = async (user: TestUser, id: number) =>
      (await fetchNarrow(server.client(user), [['id', id]]))[0].flags;
    expect(await flagsOf(bob, alerted)).toEqual(['has_alert_word']);
    expect(await flagsOf(bob, notAlerted)).toEqual([]);
    expect((await fetchNarrow(server.client(bob), [['is', 'alerted']])).map((m) => m.id)).toEqual([
      alerted,
    ]);
    expect(await flagsOf(bob, grouped)).toEqual(['mentioned']);
    expect(await flagsOf(bob, topicWide)).toEqual(['wildcard_mentioned']);
    expect(await flagsOf(carol, topicWide)).toEqual([]);
    expectOk(await server.client(bob).post('/mark_all_as_read'));
  });

  it('renders Markdown for previews', async () => {
    const res = await server
      .client(alice)
      .post('/messages/render', { content: '**bold** @**Bob Brown**' });
    expectOk(res);
    expect(res.body.rendered).toContain('<strong>bold</strong>');
    expect(res.body.rendered).toContain(`data-user-id="${bob.id}"`);
    const xss = await server
      .client(alice)
      .post('/messages/render', { content: '<script>alert(1)</script>' });
    expect(xss.body.rendered).not.toContain('<script');
  });

  it('adds and removes user flags, returning what changed', async () => {
    const b = server.client(bob);
    const ids = [
      await sendToStream(server.client(alice), 'work', 'f', 'x'),
      await sendToStream(server.client(alice), 'work', 'f', 'y'),
    ];
    const star = await b.post('/messages/flags', { messages: ids, op: 'add', flag: 'starred' });
    expectOk(star);
    expect(star.body.messages).toEqual(ids);
    const again = await b.post('/messages/flags', { messages: ids, op: 'add', flag: 'starred' });
    expect(again.body.messages).toEqual([]);
    expect((await fetchNarrow(b, [['is', 'starred']])).map((m) => m.id)).toEqual(ids);
    const unstar = await b.post('/messages/flags', {
      messages: [ids[0]],
      op: 'remove',
      flag: 'starred',
    });
    expect(unstar.body.messages).toEqual([ids[0]]);
    expectOk(await b.post('/messages/flags', { messages: ids, op: 'add', flag: 'read' }));
    expect((await fetchNarrow(b, [['is', 'unread']])).map((m) => m.id)).toEqual([]);
    for (const [params, msg] of [
      [{ messages: ids, op: 'add', flag: 'mentioned' }, "Flag not editable: 'mentioned'"],
      [{ messages: ids, op: 'add', flag: 'nonsense' }, "Invalid flag: 'nonsense'"],
      [{ messages: ids, op: 'toggle', flag: 'read' }, "Invalid message flag operation: 'toggle'"],
      [{ messages: [999999], op: 'add', flag: 'read' }, 'Invalid message(s)'],
    ] as const) {
      const res = await b.post('/messages/flags', params);
      expect(res.status).toBe(400);
      expect(res.body.msg).toBe(msg);
    }
  });

  it('changes flags over a narrow page with /messages/flags/narrow', async () => {
    const a = server.client(alice);
    const ids = [
      await sendToStream(a, 'play', 'bulk', 'b1'),
      await sendToStream(a, 'play', 'bulk', 'b2'),
      await sendToStream(a, 'play', 'bulk', 'b3'),
    ];
    const res = await server.client(bob).post('/messages/flags/narrow', {
      anchor: 'oldest',
      num_before: 0,
      num_after: 1000,
      narrow: JSON.stringify([
        ['stream', 'play'],
        ['topic', 'bulk'],
      ]),
      op: 'add',
      flag: 'read',
    });
    expectOk(res);
    expect(res.body).toMatchObject({
      processed_count: 3,
      updated_count: 3,
      first_processed_id: ids[0],
      last_processed_id: ids[2],
      found_oldest: true,
      found_newest: true,
    });
    expect(
      await fetchNarrow(server.client(bob), [
        ['topic', 'bulk'],
        ['is', 'unread'],
      ]),
    ).toEqual([]);
  });

  it('stars public history one never received, as a historical row', async () => {
    const id = await sendToStream(server.client(alice), 'work', 'history', 'before carol');
    const res = await server
      .client(carol)
      .post('/messages/flags', { messages: [id], op: 'add', flag: 'starred' });
    expectOk(res);
    expect(res.body.messages).toEqual([id]);
    const starred = await fetchNarrow(server.client(carol), [['is', 'starred']]);
    expect(starred.map((m) => m.id)).toEqual([id]);
    expect(starred[0].flags).toEqual(['read', 'starred', 'historical']);
  });

  describe('reactions', () => {
    let id: number;
    beforeAll(async () => {
      id = await sendToStream(server.client(alice), 'work', 'react', 'react to me');
    });

    const reactionsOf = async () => {
      const res = await server.client(alice).get(`/messages/${id}`);
      return (res.body.message as WireMessage).reactions;
    };

    it('adds Unicode, realm and Zulip emoji, and refuses duplicates', async () => {
      const b = server.client(bob);
      expectOk(
        await b.post(`/messages/${id}/reactions`, {
          emoji_name: '+1',
          emoji_code: '1f44d',
          reaction_type: 'unicode_emoji',
        }),
      );
      expectOk(await b.post(`/messages/${id}/reactions`, { emoji_name: 'tada' }));
      expectOk(
        await b.post(`/messages/${id}/reactions`, {
          emoji_name: 'zulip',
          reaction_type: 'zulip_extra_emoji',
        }),
      );
      const emoji = await server.db.one<{ id: number }>(
        `INSERT INTO realm_emoji (realm_id, name, file_name) VALUES ($1, 'partyparrot', 'p.gif') RETURNING id`,
        [server.realm.id],
      );
      expectOk(
        await server.client(alice).post(`/messages/${id}/reactions`, { emoji_name: 'partyparrot' }),
      );
      const dup = await b.post(`/messages/${id}/reactions`, { emoji_name: 'tada' });
      expect(dup.status).toBe(400);
      expect(dup.body.code).toBe('REACTION_ALREADY_EXISTS');
      const reactions = await reactionsOf();
      expect(reactions).toEqual(
        expect.arrayContaining([
          {
            emoji_name: 'tada',
            emoji_code: '1f389',
            reaction_type: 'unicode_emoji',
            user_id: bob.id,
          },
          {
            emoji_name: 'zulip',
            emoji_code: 'zulip',
            reaction_type: 'zulip_extra_emoji',
            user_id: bob.id,
          },
          {
            emoji_name: 'partyparrot',
            emoji_code: String(emoji?.id),
            reaction_type: 'realm_emoji',
            user_id: alice.id,
          },
        ]),
      );
      expect(reactions).toHaveLength(4);
    });

    it('refuses unknown emoji and mismatched codes', async () => {
      const b = server.client(bob);
      const attempts: Array<Record<string, string>> = [
        { emoji_name: 'not_an_emoji_at_all' },
        { emoji_name: 'tada', emoji_code: '1f44d' },
        { emoji_name: 'tada', emoji_code: 'zzzz' },
        { emoji_name: 'tada', reaction_type: 'sticker' },
      ];
      for (const params of attempts) {
        const res = await b.post(`/messages/${id}/reactions`, params);
        expect(res.status).toBe(400);
        expect(res.body.result).toBe('error');
      }
    });

    it('removes by name or code, and says when there is nothing to remove', async () => {
      const b = server.client(bob);
      expectOk(await b.delete(`/messages/${id}/reactions`, { emoji_name: 'tada' }, 'query'));
      expectOk(
        await b.delete(`/messages/${id}/reactions`, {
          emoji_code: 'zulip',
          reaction_type: 'zulip_extra_emoji',
        }),
      );
      const gone = await b.delete(`/messages/${id}/reactions`, { emoji_name: 'tada' });
      expect(gone.status).toBe(400);
      expect(gone.body.code).toBe('REACTION_DOES_NOT_EXIST');
      expect((await reactionsOf()).map((r) => r.emoji_name).sort()).toEqual(
        ['+1', 'partyparrot'].sort(),
      );
    });

    it('lets a mirror bridge react for the remote people it mirrors, and no one else', async () => {
      const bridge = await server.createUser({ fullName: 'Mirror Bridge' });
      await server.app.get(UsersRepository).update(bridge.id, { is_api_super_user: true });
      await createStream(server, 'xmpp', { subscribers: [bridge, alice] });
      const target = await sendToStream(server.client(alice), 'xmpp', 'r', 'react for me');
      const asMirror = { client: 'jabber_mirror', emoji_name: 'tada' };

      const added = await server
        .client(bridge)
        .post(`/messages/${target}/reactions`, { ...asMirror, sender: 'dave@xmpp.example.net' });
      expectOk(added);
      const dave = await server.db.one<{ id: number; is_mirror_dummy: boolean }>(
        `SELECT id, is_mirror_dummy FROM users WHERE email = 'dave@xmpp.example.net'`,
      );
      expect(dave?.is_mirror_dummy).toBe(true);
      const message = (await server.client(alice).get(`/messages/${target}`)).body
        .message as WireMessage;
      expect(message.reactions).toEqual([
        expect.objectContaining({ emoji_name: 'tada', user_id: dave?.id }),
      ]);
      expectOk(
        await server.client(bridge).delete(`/messages/${target}/reactions`, {
          ...asMirror,
          sender: 'dave@xmpp.example.net',
        }),
      );

      // Not for a real member, not without a mirror client, not for someone not a super user.
      const refused = [
        server.client(bridge).post(`/messages/${target}/reactions`, {
          ...asMirror,
          sender: alice.email,
        }),
        server.client(bridge).post(`/messages/${target}/reactions`, {
          emoji_name: 'tada',
          sender: 'erin@xmpp.example.net',
        }),
        server.client(alice).post(`/messages/${target}/reactions`, {
          ...asMirror,
          sender: 'frank@xmpp.example.net',
        }),
      ];
      for (const res of await Promise.all(refused)) {
        expect(res.status).toBe(400);
        expect(res.body.result).toBe('error');
      }
      const after = (await server.client(alice).get(`/messages/${target}`)).body
        .message as WireMessage;
      expect(after.reactions).toEqual([]);
    });

    it('requires being able to read the message', async () => {
      await createStream(server, 'hidden', { inviteOnly: true, subscribers: [alice] });
      const secret = await sendToStream(server.client(alice), 'hidden', 's', 'secret');
      const res = await server
        .client(bob)
        .post(`/messages/${secret}/reactions`, { emoji_name: 'tada' });
      expect(res.status).toBe(400);
      expect(res.body.msg).toBe('Invalid message(s)');
    });
  });
});
