import { Database } from '../../apps/server/src/database/database.service';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import {
  createStream,
  expectOk,
  fetchNarrow,
  sendToStream,
  subscribe,
  WireMessage,
} from './message-fixtures';

describe('GET /messages: anchors, narrows, search and history rules', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  const ids: number[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Anders' });
    bob = await server.createUser({ fullName: 'Bob Brown' });
    carol = await server.createUser({ fullName: 'Carol Clark' });
    await createStream(server, 'lobby', { subscribers: [alice, bob] });
    const a = server.client(alice);
    for (let i = 0; i < 10; i++)
      ids.push(await sendToStream(a, 'lobby', `topic ${i % 2}`, `number ${i}`));
  });
  afterAll(() => server.stop());

  it('pages around an anchor with found_* flags', async () => {
    const b = server.client(bob);
    const res = await b.get('/messages', {
      anchor: ids[5],
      num_before: 2,
      num_after: 2,
      narrow: '[]',
    });
    expectOk(res);
    expect((res.body.messages as WireMessage[]).map((m) => m.id)).toEqual(ids.slice(3, 8));
    expect(res.body).toMatchObject({
      anchor: ids[5],
      found_anchor: true,
      found_oldest: false,
      found_newest: false,
      history_limited: false,
    });
    const oldest = await b.get('/messages', { anchor: 'oldest', num_before: 0, num_after: 3 });
    expect((oldest.body.messages as WireMessage[]).map((m) => m.id)).toEqual(ids.slice(0, 3));
    expect(oldest.body).toMatchObject({ found_oldest: true, found_newest: false });
    const newest = await b.get('/messages', { anchor: 'newest', num_before: 3, num_after: 0 });
    expect((newest.body.messages as WireMessage[]).map((m) => m.id)).toEqual(ids.slice(7));
    expect(newest.body).toMatchObject({ found_newest: true, found_anchor: false });
    const excluded = await b.get('/messages', {
      anchor: ids[5],
      include_anchor: false,
      num_before: 1,
      num_after: 1,
    });
    expect((excluded.body.messages as WireMessage[]).map((m) => m.id)).toEqual([ids[4], ids[6]]);
    expect(excluded.body.found_anchor).toBe(false);
  });

  it('starts at the first unread message', async () => {
    const b = server.client(bob);
    expectOk(
      await b.post('/messages/flags', { messages: ids.slice(0, 4), op: 'add', flag: 'read' }),
    );
    const res = await b.get('/messages', { anchor: 'first_unread', num_before: 0, num_after: 1 });
    expect(res.body.anchor).toBe(ids[4]);
    expect((res.body.messages as WireMessage[])[0].id).toBe(ids[4]);
  });

  it('refuses more than 5000 messages and bad anchors', async () => {
    const b = server.client(bob);
    const tooMany = await b.get('/messages', {
      anchor: 'newest',
      num_before: 4000,
      num_after: 1001,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.result).toBe('error');
    const bad = await b.get('/messages', { anchor: 'sideways', num_before: 1, num_after: 1 });
    expect(bad.status).toBe(400);
    const missing = await b.get('/messages', { anchor: 'newest', num_before: 1 });
    expect(missing.body).toMatchObject({ code: 'REQUEST_VARIABLE_MISSING', var_name: 'num_after' });
  });

  it('returns raw Markdown with apply_markdown=false and Zulip-shaped objects', async () => {
    const [m] = await fetchNarrow(server.client(bob), [['id', ids[0]]], { apply_markdown: false });
    expect(m).toMatchObject({
      id: ids[0],
      content: 'number 0',
      content_type: 'text/x-markdown',
      sender_id: alice.id,
      sender_email: alice.email,
      sender_full_name: 'Alice Anders',
      sender_realm_str: '',
      display_recipient: 'lobby',
      subject: 'topic 0',
      type: 'stream',
      is_me_message: false,
      reactions: [],
      submessages: [],
      topic_links: [],
    });
    expect(m.stream_id).toEqual(expect.any(Number));
    const withGravatar = await fetchNarrow(server.client(bob), [['id', ids[0]]], {
      client_gravatar: false,
    });
    expect((withGravatar[0] as unknown as { avatar_url: string }).avatar_url).toMatch(
      /^https:\/\/secure\.gravatar\.com/,
    );
  });

  it('serves one message with its raw content', async () => {
    const res = await server.client(bob).get(`/messages/${ids[2]}`);
    expectOk(res);
    expect(res.body.raw_content).toBe('number 2');
    expect((res.body.message as WireMessage).content).toBe('<p>number 2</p>');
    const missing = await server.client(bob).get('/messages/999999999');
    expect(missing.body).toMatchObject({ result: 'error', msg: 'Invalid message(s)' });
    const junk = await server.client(bob).get('/messages/abc');
    expect(junk.status).toBe(400);
  });

  describe('narrows', () => {
    let dmId: number;
    let groupId: number;
    beforeAll(async () => {
      const res = await server.client(alice).post('/messages', {
        type: 'private',
        to: JSON.stringify([bob.id]),
        content: 'see https://example.com/pic.png',
      });
      dmId = res.body.id as number;
      const group = await server.client(carol).post('/messages', {
        type: 'private',
        to: JSON.stringify([alice.id, bob.id]),
        content: 'group chat',
      });
      groupId = group.body.id as number;
    });

    it('accepts both encodings, with negation', async () => {
      const b = server.client(bob);
      const pairs = await fetchNarrow(b, [
        ['stream', 'lobby'],
        ['topic', 'TOPIC 1'],
      ]);
      expect(pairs.map((m) => m.id)).toEqual(ids.filter((_, i) => i % 2 === 1));
      const objects = await fetchNarrow(b, [
        { operator: 'channel', operand: 'lobby' },
        { operator: 'topic', operand: 'topic 1', negated: true },
      ]);
      expect(objects.map((m) => m.id)).toEqual(ids.filter((_, i) => i % 2 === 0));
      const notLobby = await fetchNarrow(b, [
        { operator: 'stream', operand: 'lobby', negated: true },
      ]);
      expect(notLobby.map((m) => m.id)).toEqual([dmId, groupId]);
    });

    it('filters by sender, dm, dm-including, is and has', async () => {
      const b = server.client(bob);
      expect((await fetchNarrow(b, [['sender', carol.email]])).map((m) => m.id)).toEqual([groupId]);
      expect((await fetchNarrow(b, [['sender', carol.id]])).map((m) => m.id)).toEqual([groupId]);
      expect((await fetchNarrow(b, [['pm-with', alice.email]])).map((m) => m.id)).toEqual([dmId]);
      expect((await fetchNarrow(b, [['dm', [alice.id]]])).map((m) => m.id)).toEqual([dmId]);
      // Named by id, the DM's members are presented in full (sender and recipients).
      const [dm] = await fetchNarrow(b, [['dm', [alice.id]]]);
      expect(dm.sender_email).toBe(alice.email);
      expect(dm.display_recipient).toEqual(
        [alice, bob]
          .sort((x, y) => x.id - y.id)
          .map((u) =>
            expect.objectContaining({ id: u.id, email: u.email, is_mirror_dummy: false }),
          ),
      );
      const [group] = await fetchNarrow(b, [['dm', [carol.id, alice.id]]]);
      expect(group.id).toBe(groupId);
      expect(group.sender_email).toBe(carol.email);
      expect(group.display_recipient).toHaveLength(3);
      expect((await fetchNarrow(b, [['dm-including', carol.id]])).map((m) => m.id)).toEqual([
        groupId,
      ]);
      expect((await fetchNarrow(b, [['is', 'dm']])).map((m) => m.id)).toEqual([dmId, groupId]);
      expect((await fetchNarrow(b, [['is', 'private']])).map((m) => m.id)).toEqual([dmId, groupId]);
      expect((await fetchNarrow(b, [['has', 'link']])).map((m) => m.id)).toEqual([dmId]);
      expect((await fetchNarrow(b, [['has', 'image']])).map((m) => m.id)).toEqual([dmId]);
      expect(await fetchNarrow(b, [['has', 'attachment']])).toEqual([]);
      const unread = await fetchNarrow(b, [
        ['is', 'unread'],
        ['stream', 'lobby'],
      ]);
      expect(unread.map((m) => m.id)).toEqual(ids.slice(4));
      const read = await fetchNarrow(b, [
        { operator: 'is', operand: 'unread', negated: true },
        ['stream', 'lobby'],
      ]);
      expect(read.map((m) => m.id)).toEqual(ids.slice(0, 4));
      expect((await fetchNarrow(b, [['id', ids[3]]])).map((m) => m.id)).toEqual([ids[3]]);
    });

    it('filters resolved topics, reactions and public streams', async () => {
      const a = server.client(alice);
      const resolved = await sendToStream(a, 'lobby', '✔ fixed bug', 'done');
      const b = server.client(bob);
      expect((await fetchNarrow(b, [['is', 'resolved']])).map((m) => m.id)).toEqual([resolved]);
      expectOk(await b.post(`/messages/${ids[7]}/reactions`, { emoji_name: 'heart' }));
      expect((await fetchNarrow(b, [['has', 'reaction']])).map((m) => m.id)).toEqual([ids[7]]);
      const publicOnly = await fetchNarrow(b, [['streams', 'public']]);
      expect(publicOnly.map((m) => m.id)).toEqual([...ids, resolved]);
    });

    it('moves the anchor with near', async () => {
      const res = await server.client(bob).get('/messages', {
        anchor: 'newest',
        num_before: 1,
        num_after: 1,
        narrow: JSON.stringify([
          ['stream', 'lobby'],
          ['near', ids[5]],
        ]),
      });
      expect((res.body.messages as WireMessage[]).map((m) => m.id)).toEqual(ids.slice(4, 7));
    });

    it('answers BAD_NARROW for bad narrows, never a 500', async () => {
      const b = server.client(bob);
      const narrows = [
        [['stream', 'no such stream']],
        [['sender', 'ghost@example.com']],
        [['is', 'bogus']],
        [['has', 'feelings']],
        [['frobnicate', 'x']],
        [['id', 'abc']],
      ];
      for (const narrow of narrows) {
        const res = await b.get('/messages', {
          anchor: 'newest',
          num_before: 1,
          num_after: 0,
          narrow: JSON.stringify(narrow),
        });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('BAD_NARROW');
      }
      // Users named by id: refused by the first unknown one, whatever the page or anchor.
      const unknownId = carol.id + 1000;
      const byId: Array<[unknown[][], string]> = [
        [[['dm', [alice.id, unknownId]]], `unknown user ${unknownId}`],
        [[['dm', [unknownId + 1, unknownId]]], `unknown user ${unknownId + 1}`],
        [
          [
            ['sender', unknownId],
            ['dm-including', alice.id],
          ],
          `unknown user ${unknownId}`,
        ],
      ];
      for (const [narrow, why] of byId) {
        for (const anchor of ['newest', 'first_unread']) {
          const res = await b.get('/messages', {
            anchor,
            num_before: 1,
            num_after: 1,
            narrow: JSON.stringify(narrow),
          });
          expect(res.status).toBe(400);
          expect(res.body).toMatchObject({
            code: 'BAD_NARROW',
            msg: `Invalid narrow operator: ${why}`,
          });
        }
        const matches = await b.get('/messages/matches_narrow', {
          msg_ids: JSON.stringify([dmId]),
          narrow: JSON.stringify(narrow),
        });
        expect(matches.status).toBe(400);
        expect(matches.body.code).toBe('BAD_NARROW');
      }
      for (const narrow of ['{"a":1}', '[1]', '[["stream"]]', 'nope', '[{"operator":"stream"}]']) {
        const res = await b.get('/messages', {
          anchor: 'newest',
          num_before: 1,
          num_after: 0,
          narrow,
        });
        expect(res.status).toBe(400);
        expect(res.body.result).toBe('error');
      }
    });
  });

  describe('search', () => {
    let hit: number;
    beforeAll(async () => {
      const a = server.client(alice);
      hit = await sendToStream(
        a,
        'lobby',
        'deploy plans',
        'The deployment of <b>kittens</b> went fine',
      );
      await sendToStream(a, 'lobby', 'other', 'nothing to see');
    });

    it('finds words by stem and highlights them in rendered content and topic', async () => {
      const found = await fetchNarrow(server.client(bob), [
        ['stream', 'lobby'],
        ['search', 'deploy'],
      ]);
      expect(found.map((m) => m.id)).toEqual([hit]);
      expect(found[0].match_content).toBe(
        '<p>The <span class="highlight">deployment</span> of &lt;b&gt;kittens&lt;/b&gt; went fine</p>',
      );
      expect(found[0].match_subject).toBe('<span class="highlight">deploy</span> plans');
      const phrase = await fetchNarrow(server.client(bob), [['search', '"went fine"']]);
      expect(phrase.map((m) => m.id)).toEqual([hit]);
      const excluded = await fetchNarrow(server.client(bob), [
        ['stream', 'lobby'],
        { operator: 'search', operand: 'kittens', negated: true },
      ]);
      expect(excluded.map((m) => m.id)).not.toContain(hit);
    });

    it('keeps the search index current after an edit', async () => {
      expectOk(await server.client(alice).patch(`/messages/${hit}`, { content: 'puppies only' }));
      expect(await fetchNarrow(server.client(bob), [['search', 'kittens']])).toEqual([]);
      expect(
        (await fetchNarrow(server.client(bob), [['search', 'puppy']])).map((m) => m.id),
      ).toEqual([hit]);
    });

    it('answers matches_narrow with highlights', async () => {
      const res = await server.client(bob).get('/messages/matches_narrow', {
        msg_ids: JSON.stringify([hit, ids[0]]),
        narrow: JSON.stringify([['search', 'puppies']]),
      });
      expectOk(res);
      expect(Object.keys(res.body.messages as object)).toEqual([String(hit)]);
      expect(
        (res.body.messages as Record<string, { match_content: string }>)[String(hit)].match_content,
      ).toContain('<span class="highlight">puppies</span>');
    });
  });

  describe('history rules', () => {
    let late: TestUser;
    let publicOld: number;
    let sharedOld: number;
    let unsharedOld: number;
    let unsharedNew: number;

    beforeAll(async () => {
      late = await server.createUser({ fullName: 'Late Comer' });
      await createStream(server, 'shared', {
        inviteOnly: true,
        historyPublic: true,
        subscribers: [alice],
      });
      await createStream(server, 'unshared', {
        inviteOnly: true,
        historyPublic: false,
        subscribers: [alice],
      });
      const a = server.client(alice);
      publicOld = await sendToStream(a, 'lobby', 'history', 'before late joined');
      sharedOld = await sendToStream(a, 'shared', 'history', 'shared before');
      unsharedOld = await sendToStream(a, 'unshared', 'history', 'unshared before');
      await subscribe(server, alice, 'shared', [late]);
      await subscribe(server, alice, 'unshared', [late]);
      unsharedNew = await sendToStream(a, 'unshared', 'history', 'unshared after');
    });

    it('shows public-stream history to any member, flagged historical', async () => {
      const seen = await fetchNarrow(server.client(late), [['stream', 'lobby']]);
      const old = seen.find((m) => m.id === publicOld);
      expect(old?.flags).toEqual(['read', 'historical']);
      // Outside a stream narrow only one's own rows count, as in Zulip.
      const all = await fetchNarrow(server.client(late), []);
      expect(all.map((m) => m.id)).not.toContain(publicOld);
      const single = await server.client(late).get(`/messages/${publicOld}`);
      expectOk(single);
    });

    it('shows a shared-history private stream to a new subscriber', async () => {
      const seen = await fetchNarrow(server.client(late), [['stream', 'shared']]);
      expect(seen.map((m) => m.id)).toEqual([sharedOld]);
      const outsider = await server.client(carol).get(`/messages/${sharedOld}`);
      expect(outsider.body.msg).toBe('Invalid message(s)');
    });

    it('hides earlier messages of an unshared private stream', async () => {
      const seen = await fetchNarrow(server.client(late), [['stream', 'unshared']]);
      expect(seen.map((m) => m.id)).toEqual([unsharedNew]);
      const res = await server.client(late).get(`/messages/${unsharedOld}`);
      expect(res.body.msg).toBe('Invalid message(s)');
    });

    it('never shows a private stream to a non-subscriber, admins included', async () => {
      const owner = server.client(server.owner);
      const res = await owner.get('/messages', {
        anchor: 'newest',
        num_before: 10,
        num_after: 0,
        narrow: JSON.stringify([['stream', 'unshared']]),
      });
      expect(res.body.code).toBe('BAD_NARROW');
      const direct = await owner.get('/messages', {
        message_ids: JSON.stringify([unsharedOld, sharedOld]),
      });
      expect(direct.body.messages).toEqual([]);
    });
  });

  it('fetches a page in a fixed number of queries, whatever its size', async () => {
    const db = server.app.get(Database);
    const b = server.client(bob);
    await b.post(`/messages/${ids[1]}/reactions`, { emoji_name: 'tada' });
    // Anchored on an edited message, so both pages need edit histories too.
    const [edited] = await fetchNarrow(b, [['search', 'puppies']]);
    const fetch = (n: number) =>
      db.counter.measure(() =>
        b.get('/messages', { anchor: edited.id, num_before: n, num_after: 0 }),
      );
    const small = await fetch(2);
    const large = await fetch(50);
    expect((small.result.body.messages as unknown[]).length).toBe(3);
    expect((large.result.body.messages as unknown[]).length).toBeGreaterThan(10);
    expect(large.queries).toBe(small.queries);
    expect(large.queries).toBeLessThanOrEqual(10);
  });
});
