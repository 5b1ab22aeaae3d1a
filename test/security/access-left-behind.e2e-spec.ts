import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { eventually, QueueReader } from '../events/event-fixtures';
import { createStream, expectOk, fetchNarrow, sendToStream } from '../messages/message-fixtures';

/*
 * Security class "access left behind after a move or an unsubscribe": a member removed from a
 * private stream, or whose message moved to a private stream they are not in, loses the messages
 * at once on every read path — by id, in feeds, in search, in matches_narrow, in edit history,
 * reactions and read receipts — whatever the stream's history setting.
 */
const lobby = 'lobby';

describe('security: access left behind after a move or an unsubscribe', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice' });
    bob = await server.createUser({ fullName: 'Bob' });
    carol = await server.createUser({ fullName: 'Carol' });
    await createStream(server, lobby, { subscribers: [alice, bob] });
  });

  afterAll(() => server.stop());

  /** Every way `user` could still read message `id` whose text contains `word`. */
  async function readPaths(user: TestUser, id: number, word: string) {
    const c = server.client(user);
    const [byId, history, feed, search, matches, reaction, receipts] = await Promise.all([
      c.get(`/messages/${id}`),
      c.get(`/messages/${id}/history`),
      fetchNarrow(c, []),
      fetchNarrow(c, [{ operator: 'search', operand: word }]),
      c.get('/messages/matches_narrow', {
        msg_ids: JSON.stringify([id]),
        narrow: JSON.stringify([{ operator: 'search', operand: word }]),
      }),
      c.post(`/messages/${id}/reactions`, { emoji_name: 'octopus' }),
      c.get(`/messages/${id}/read_receipts`),
    ]);
    return {
      byId: byId.status,
      history: history.status,
      inFeed: feed.some((m) => m.id === id),
      inSearch: search.some((m) => m.id === id),
      matches: Object.keys((matches.body.messages as Record<string, unknown>) ?? {}),
      reaction: reaction.status,
      receipts: receipts.status,
    };
  }

  const NONE = {
    byId: 400,
    history: 400,
    inFeed: false,
    inSearch: false,
    matches: [],
    reaction: 400,
    receipts: 400,
  };

  it.each([
    ['history public to subscribers', true],
    ['protected history', false],
  ])(
    'a member removed from a private stream (%s) reads none of it',
    async (label, historyPublic) => {
      const name = `vault ${label}`;
      await createStream(server, name, {
        inviteOnly: true,
        historyPublic,
        subscribers: [alice, bob, server.owner],
      });
      const word = historyPublic ? 'zeppelin' : 'quokka';
      const id = await sendToStream(server.client(bob), name, 'plans', `the ${word} plan`);
      const before = await readPaths(alice, id, word);
      expect(before).toMatchObject({ byId: 200, history: 200, inFeed: true, inSearch: true });
      expect(before.matches).toEqual([String(id)]);

      // A queue she had open all along, as a browser tab would.
      const openQueue = await QueueReader.register(server, alice);
      // An administrator subscribed to the stream removes Alice (feature level 237 rules).
      expectOk(
        await server.client(server.owner).delete('/users/me/subscriptions', {
          subscriptions: JSON.stringify([name]),
          principals: JSON.stringify([alice.id]),
        }),
      );
      expect(await readPaths(alice, id, word)).toEqual(NONE);

      // Nor does any later change to it reach her queues, the one open since before and a new one.
      const queue = await QueueReader.register(server, alice);
      expectOk(await server.client(bob).patch(`/messages/${id}`, { content: 'edited secret' }));
      expectOk(await server.client(bob).post(`/messages/${id}/reactions`, { emoji_name: 'tada' }));
      const marker = await sendToStream(server.client(bob), lobby, 'marker', `after ${label}`);
      const events = await eventually(async () => {
        const seen = await queue.drain();
        if (!seen.some((e) => (e.message as { id?: number } | undefined)?.id === marker)) {
          throw new Error('marker not delivered yet');
        }
        return seen;
      });
      expect(events.filter((e) => e.message_id === id || e.message_ids !== undefined)).toEqual([]);
      const earlier: Awaited<ReturnType<typeof openQueue.drain>> = [];
      await eventually(async () => {
        earlier.push(...(await openQueue.drain()));
        if (!earlier.some((e) => (e.message as { id?: number } | undefined)?.id === marker)) {
          throw new Error('marker not delivered yet');
        }
      });
      expect(earlier.filter((e) => e.message_id === id || e.message_ids !== undefined)).toEqual([]);
      // Bob, still subscribed, keeps everything.
      expect((await server.client(bob).get(`/messages/${id}`)).status).toBe(200);
    },
  );

  it('a message moved from a public stream into a private one leaves the public readers', async () => {
    await createStream(server, 'town square', { subscribers: [alice, bob, carol] });
    const privateId = await createStream(server, 'back room', {
      inviteOnly: true,
      subscribers: [alice, bob],
    });
    const id = await sendToStream(server.client(alice), 'town square', 'news', 'the walrus memo');
    expect((await readPaths(carol, id, 'walrus')).byId).toBe(200);

    expectOk(
      await server.client(alice).patch(`/messages/${id}`, {
        stream_id: privateId,
        topic: 'news',
        propagate_mode: 'change_one',
      }),
    );
    expect(await readPaths(carol, id, 'walrus')).toEqual(NONE);
    expect((await server.client(bob).get(`/messages/${id}`)).status).toBe(200);
  });
});
