import { Database } from '../../apps/server/src/database/database.service';
import { LookupCaches } from '../../apps/server/src/database/lookup-caches';
import { UsersRepository } from '../../apps/server/src/identity/users.repository';
import { BotType, Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { bulkUsers, createStream, expectOk, fetchNarrow, sendToStream } from './message-fixtures';

describe('POST /messages', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let generalId: number;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Anders' });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    carol = await server.createUser({ fullName: 'Carol Clark' });
    generalId = await createStream(server, 'town square', {
      subscribers: [server.owner, alice, bob],
    });
    await createStream(server, 'secret', { inviteOnly: true, subscribers: [alice] });
  });
  afterAll(() => server.stop());

  it('sends to a stream by name and by id, and returns the id', async () => {
    const a = server.client(alice);
    const byName = await a.post('/messages', {
      type: 'stream',
      to: 'town square',
      topic: 'hello',
      content: 'hi all',
    });
    expectOk(byName);
    expect(byName.body.id).toEqual(expect.any(Number));
    const byId = await a.post('/messages', {
      type: 'channel',
      to: generalId,
      subject: 'hello',
      content: 'again',
    });
    expectOk(byId);
    const byList = await a.post('/messages', {
      type: 'stream',
      to: [generalId],
      topic: 'hello',
      content: 'third',
    });
    expectOk(byList);
    const seen = await fetchNarrow(server.client(bob), [
      ['stream', 'town square'],
      ['topic', 'hello'],
    ]);
    expect(seen.map((m) => m.content)).toEqual(['<p>hi all</p>', '<p>again</p>', '<p>third</p>']);
    expect(seen[0]).toMatchObject({
      subject: 'hello',
      display_recipient: 'town square',
      sender_id: alice.id,
    });
    expect(seen[0].flags).toEqual([]);
    const own = await fetchNarrow(a, [['stream', 'town square']]);
    expect(own[own.length - 1].flags).toContain('read');
  });

  it('refuses an unknown stream, and a private stream to non-subscribers', async () => {
    const res = await server.client(bob).post('/messages', {
      type: 'stream',
      to: 'nowhere',
      topic: 't',
      content: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'STREAM_DOES_NOT_EXIST', stream: 'nowhere' });
    const priv = await server
      .client(bob)
      .post('/messages', { type: 'stream', to: 'secret', topic: 't', content: 'x' });
    expect(priv.status).toBe(400);
    expect(priv.body.code).toBe('STREAM_DOES_NOT_EXIST');
    expectOk(
      await server
        .client(alice)
        .post('/messages', { type: 'stream', to: 'secret', topic: 't', content: 'ok' }),
    );
  });

  it('lets a non-subscriber post to a public stream', async () => {
    expectOk(
      await server.client(carol).post('/messages', {
        type: 'stream',
        to: 'town square',
        topic: 'drive-by',
        content: 'hey',
      }),
    );
  });

  it('normalizes topics and content the way Zulip does', async () => {
    const a = server.client(alice);
    const longTopic = 'x'.repeat(80);
    const id1 = await sendToStream(a, 'town square', `  ${longTopic}  `, 'long topic');
    const id2 = await sendToStream(a, 'town square', '', 'no topic');
    const long = 'y'.repeat(10050);
    const id3 = await sendToStream(a, 'town square', 'limits', `\n\n${long}   \n`);
    const res = await a.get('/messages', {
      message_ids: JSON.stringify([id1, id2, id3]),
      apply_markdown: false,
    });
    const [m1, m2, m3] = res.body.messages as Array<{ subject: string; content: string }>;
    expect(m1.subject).toBe(`${'x'.repeat(57)}...`);
    expect(m2.subject).toBe('(no topic)');
    expect(m3.content.length).toBe(10000);
    expect(m3.content.endsWith('\n[message truncated]')).toBe(true);
    expect(m3.content.startsWith('yyy')).toBe(true);
    const empty = await a.post('/messages', {
      type: 'stream',
      to: 'town square',
      topic: 't',
      content: '  \n ',
    });
    expect(empty.status).toBe(400);
    expect(empty.body.msg).toBe('Message must not be empty');
  });

  it('requires topics when the realm says so', async () => {
    await server.updateRealm({ mandatory_topics: true });
    try {
      const res = await server
        .client(alice)
        .post('/messages', { type: 'stream', to: 'town square', topic: ' ', content: 'x' });
      expect(res.status).toBe(400);
      expect(res.body.msg).toBe('Topics are required in this organization');
    } finally {
      await server.updateRealm({ mandatory_topics: false });
    }
  });

  it('sends direct messages in every `to` encoding', async () => {
    const a = server.client(alice);
    const encodings: Array<Record<string, unknown>> = [
      { type: 'private', to: JSON.stringify([bob.id]) },
      { type: 'direct', to: JSON.stringify([bob.email]) },
      { type: 'private', to: bob.email },
      { type: 'direct', to: `${bob.email},${carol.email}` },
      { type: 'direct', to: JSON.stringify([bob.id, carol.id]) },
    ];
    const ids: number[] = [];
    for (const [i, params] of encodings.entries()) {
      const res = await a.post('/messages', { ...params, content: `dm ${i}` } as Record<
        string,
        string
      >);
      expectOk(res);
      ids.push(res.body.id as number);
    }
    const oneToOne = await fetchNarrow(server.client(bob), [
      { operator: 'dm', operand: [alice.email] },
    ]);
    expect(oneToOne.map((m) => m.content)).toEqual(['<p>dm 0</p>', '<p>dm 1</p>', '<p>dm 2</p>']);
    const group = await fetchNarrow(server.client(carol), [['dm', [alice.id, bob.id]]]);
    expect(group.map((m) => m.content)).toEqual(['<p>dm 3</p>', '<p>dm 4</p>']);
    const recipients = group[0].display_recipient as Array<{ id: number }>;
    expect(recipients.map((r) => r.id).sort((x, y) => x - y)).toEqual(
      [alice.id, bob.id, carol.id].sort((x, y) => x - y),
    );
    const bad = await a.post('/messages', {
      type: 'private',
      to: 'nobody@example.com',
      content: 'x',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.msg).toBe("Invalid email 'nobody@example.com'");
  });

  it('sends a DM to oneself', async () => {
    const res = await server.client(alice).post('/messages', {
      type: 'private',
      to: JSON.stringify([alice.id]),
      content: 'note to self',
    });
    expectOk(res);
    const mine = await fetchNarrow(server.client(alice), [['dm', alice.email]]);
    expect(mine.map((m) => m.content)).toContain('<p>note to self</p>');
  });

  it('accepts queue_id and local_id', async () => {
    const res = await server.client(alice).post('/messages', {
      type: 'stream',
      to: 'town square',
      topic: 'echo',
      content: 'local echo',
      queue_id: 'q1',
      local_id: '1.01',
    });
    expectOk(res);
    expect(res.body.ignored_parameters_unsupported).toBeUndefined();
  });

  it('sees a stream rename, a switch to private and an archive at the next send', async () => {
    const id = await createStream(server, 'before rename', { subscribers: [server.owner, bob] });
    const owner = server.client(server.owner);
    const c = server.client(carol);
    const send = (to: string | number) =>
      c.post('/messages', { type: 'stream', to, topic: 'cache', content: 'x' });
    expectOk(await send('before rename'));

    expectOk(await owner.patch(`/streams/${id}`, { new_name: 'after rename' }));
    expect((await send('before rename')).body.code).toBe('STREAM_DOES_NOT_EXIST');
    expectOk(await send('After Rename'));

    // Carol is not subscribed: once the stream is private it does not exist for her.
    expectOk(await owner.patch(`/streams/${id}`, { is_private: true }));
    expect((await send('after rename')).body.code).toBe('STREAM_DOES_NOT_EXIST');
    expectOk(
      await server.client(bob).post('/messages', {
        type: 'stream',
        to: id,
        topic: 'cache',
        content: 'a subscriber still posts',
      }),
    );

    expectOk(await owner.delete(`/streams/${id}`));
    const archived = await server
      .client(bob)
      .post('/messages', { type: 'stream', to: id, topic: 'cache', content: 'y' });
    expect(archived.body).toMatchObject({ result: 'error', msg: 'Invalid channel ID' });
  });

  it('uses a fixed number of queries whatever the number of subscribers', async () => {
    const db = server.app.get(Database);
    const few = await bulkUsers(server, 10, 'few');
    const many = await bulkUsers(server, 100, 'many');
    await createStream(server, 'ten', { subscribers: [alice, ...few] });
    await createStream(server, 'hundred', { subscribers: [alice, ...many] });
    const a = server.client(alice);
    // Late cache invalidations from the setup would otherwise land inside a measured send.
    await server.app.get(LookupCaches).settled();
    await sendToStream(a, 'ten', 'warm', 'up');
    await sendToStream(a, 'hundred', 'warm', 'up');
    const ten = await db.counter.measure(() => sendToStream(a, 'ten', 'count', 'hello ten'));
    const hundred = await db.counter.measure(() =>
      sendToStream(a, 'hundred', 'count', 'hello hundred'),
    );
    expect(hundred.queries).toBe(ten.queries);
    expect(hundred.queries).toBeLessThanOrEqual(12);
    const rows = await db.rows<{ n: number }>(
      'SELECT count(*)::int AS n FROM user_messages WHERE message_id = $1',
      [hundred.result],
    );
    expect(rows[0].n).toBe(101);
  });

  describe('mirror semantics', () => {
    let superBot: TestUser;
    let plainBot: { email: string; apiKey: string; id: number };

    beforeAll(async () => {
      superBot = await server.createUser({ fullName: 'Bridge Bot' });
      await server.app.get(UsersRepository).update(superBot.id, { is_api_super_user: true });
      const bot = await server.app.get(UsersRepository).create({
        realm_id: server.realm.id,
        email: 'plain-bot@example.com',
        full_name: 'Plain Bot',
        is_bot: true,
        bot_type: BotType.Generic,
        bot_owner_id: alice.id,
      });
      plainBot = { email: bot.email, apiKey: bot.api_key, id: bot.id };
      await createStream(server, 'irc', { subscribers: [superBot, plainBot, alice] });
    });

    it('lets an API super user send as a remote user, creating a mirror dummy', async () => {
      const res = await server.client(superBot).post('/messages', {
        type: 'stream',
        to: 'irc',
        subject: 'IRC',
        content: 'hello from irc',
        sender: 'nick@irc.example.com',
        client: 'irc_mirror',
      });
      expectOk(res);
      const dummy = await server.app
        .get(UsersRepository)
        .findByEmail(server.realm.id, 'nick@irc.example.com');
      expect(dummy).toMatchObject({
        full_name: 'nick (IRC)',
        is_mirror_dummy: true,
        is_active: false,
        password_hash: null,
      });
      const seen = await fetchNarrow(server.client(alice), [['stream', 'irc']]);
      expect(seen[seen.length - 1]).toMatchObject({
        sender_email: 'nick@irc.example.com',
        client: 'irc_mirror',
      });
    });

    it('reads the mirror client from the User-Agent and honours forged time', async () => {
      const res = await server.client(superBot).call(
        'POST',
        '/messages',
        {
          type: 'stream',
          to: 'irc',
          subject: 'xmpp',
          content: 'from jabber',
          sender: 'romeo@example.com',
          forged: 'yes',
          time: 1500000000,
        },
        'form',
        { 'user-agent': 'JabberMirror/1.1 (Debian GNU/Linux; 12)' },
      );
      expectOk(res);
      const dummy = await server.app
        .get(UsersRepository)
        .findByEmail(server.realm.id, 'romeo@example.com');
      expect(dummy?.full_name).toBe('romeo (XMPP)');
      const again = await server.client(superBot).post('/messages', {
        type: 'stream',
        to: 'irc',
        subject: 'xmpp',
        content: 'second',
        sender: 'romeo@example.com',
        client: 'jabber_mirror',
      });
      expectOk(again);
      const seen = await fetchNarrow(server.client(alice), [
        ['stream', 'irc'],
        ['topic', 'xmpp'],
      ]);
      expect(seen[0]).toMatchObject({
        timestamp: 1500000000,
        client: 'JabberMirror',
        sender_id: dummy?.id,
      });
      expect(seen[1].sender_id).toBe(dummy?.id);
      expect(seen[1].timestamp).toBeGreaterThan(1500000000);
    });

    it('refuses a plain bot and a member with "User not authorized for this query"', async () => {
      for (const who of [plainBot, alice]) {
        const res = await server.client(who).post('/messages', {
          type: 'stream',
          to: 'irc',
          subject: 'IRC',
          content: 'forged',
          sender: 'someone@irc.example.com',
          client: 'irc_mirror',
        });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({
          code: 'BAD_REQUEST',
          msg: 'User not authorized for this query',
        });
        const forged = await server.client(who).post('/messages', {
          type: 'stream',
          to: 'irc',
          subject: 'IRC',
          content: 'forged',
          forged: 'true',
        });
        expect(forged.body.msg).toBe('User not authorized for this query');
      }
      expect(
        await server.app
          .get(UsersRepository)
          .findByEmail(server.realm.id, 'someone@irc.example.com'),
      ).toBeUndefined();
    });

    it('refuses a sender without a mirror client, and a mirror client without a sender', async () => {
      const withoutClient = await server.client(superBot).post('/messages', {
        type: 'stream',
        to: 'irc',
        topic: 't',
        content: 'x',
        sender: 'nick@irc.example.com',
      });
      expect(withoutClient.body.msg).toBe('Invalid mirrored message');
      const withoutSender = await server.client(superBot).post('/messages', {
        type: 'stream',
        to: 'irc',
        topic: 't',
        content: 'x',
        client: 'irc_mirror',
      });
      expect(withoutSender.body.msg).toBe('Missing sender');
    });

    it('mirrors a direct message from a remote user', async () => {
      const res = await server.client(superBot).post('/messages', {
        type: 'private',
        to: superBot.email,
        sender: 'juliet@irc.example.com',
        content: 'private hello',
        client: 'irc_mirror',
      });
      expectOk(res);
      const seen = await fetchNarrow(server.client(superBot), [['dm', 'juliet@irc.example.com']]);
      expect(seen.map((m) => m.content)).toEqual(['<p>private hello</p>']);
      const recipients = seen[0].display_recipient as Array<{
        email: string;
        is_mirror_dummy: boolean;
      }>;
      expect(recipients.find((r) => r.email === 'juliet@irc.example.com')?.is_mirror_dummy).toBe(
        true,
      );
    });

    it('refuses a realm_str that is not the realm', async () => {
      const res = await server.client(alice).post('/messages', {
        type: 'stream',
        to: 'irc',
        topic: 't',
        content: 'x',
        realm_str: 'elsewhere',
      });
      expect(res.body.msg).toBe('User not authorized for this query');
    });
  });

  it('lets an admin and a guest-free role send; refuses a bad type', async () => {
    const admin = await server.createUser({ role: Role.Administrator });
    expectOk(
      await server
        .client(admin)
        .post('/messages', { type: 'stream', to: 'town square', topic: 'a', content: 'b' }),
    );
    const res = await server
      .client(admin)
      .post('/messages', { type: 'broadcast', to: 'town square', topic: 'a', content: 'b' });
    expect(res.status).toBe(400);
    expect(res.body.msg).toBe('Invalid message type');
  });
});
