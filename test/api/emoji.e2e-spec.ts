import { eventually, QueueReader, WireEvent } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

interface Reaction {
  emoji_name: string;
  emoji_code: string;
  reaction_type: string;
  user_id: number;
}

describe("emoji: Zulip's names and codes", () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
    bob = await server.createUser();
    carol = await server.createUser();
  });
  afterAll(() => server.stop());

  async function dm(from: TestUser, to: TestUser, content: string): Promise<number> {
    const res = await server.client(from).post('/messages', {
      type: 'private',
      to: [to.id],
      content,
    });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return res.body.id as number;
  }

  async function reactionsOf(id: number): Promise<Reaction[]> {
    const res = await server.client(alice).get(`/messages/${id}`);
    return (res.body.message as { reactions: Reaction[] }).reactions;
  }

  it('takes add_reaction({"emoji_name": "thumbs_up"}) as the Python client sends it', async () => {
    const id = await dm(alice, bob, 'ship it?');
    const [aliceQ, carolQ] = await Promise.all([
      QueueReader.register(server, alice, { event_types: ['reaction'] }),
      QueueReader.register(server, carol, { event_types: ['reaction'] }),
    ]);
    const res = await server.client(bob).post(`/messages/${id}/reactions`, {
      emoji_name: 'thumbs_up',
    });
    expect(res.status).toBe(200);
    expect(res.body.result).toBe('success');
    expect(await reactionsOf(id)).toEqual([
      {
        emoji_name: 'thumbs_up',
        emoji_code: '1f44d',
        reaction_type: 'unicode_emoji',
        user_id: bob.id,
      },
    ]);
    const events: WireEvent[] = [];
    await eventually(async () => {
      events.push(...(await aliceQ.drain()));
      expect(events.length).toBe(1);
    });
    expect(events[0]).toMatchObject({
      type: 'reaction',
      op: 'add',
      message_id: id,
      user_id: bob.id,
      emoji_name: 'thumbs_up',
      emoji_code: '1f44d',
      reaction_type: 'unicode_emoji',
    });
    expect(await carolQ.drain()).toEqual([]);
  });

  it("accepts every Zulip name, canonical or alias, and answers Zulip's code", async () => {
    const id = await dm(alice, bob, 'names');
    const cases: Array<[string, string]> = [
      ['+1', '1f44d'],
      ['octopus', '1f419'],
      ['tada', '1f389'],
      ['working_on_it', '1f6e0'],
      ['heart', '2764'],
      ['smile', '1f642'],
    ];
    for (const [name] of cases) {
      const res = await server.client(bob).post(`/messages/${id}/reactions`, { emoji_name: name });
      expect([name, res.status]).toEqual([name, 200]);
    }
    const got = (await reactionsOf(id)).map((r) => [r.emoji_name, r.emoji_code]);
    expect(got).toEqual(cases);
  });

  it('checks emoji_code against the name when both are sent', async () => {
    const id = await dm(alice, bob, 'codes');
    const api = server.client(bob);
    const ok = await api.post(`/messages/${id}/reactions`, {
      emoji_name: 'hammer_and_wrench',
      emoji_code: '1f6e0',
      reaction_type: 'unicode_emoji',
    });
    expect(ok.status).toBe(200);
    // The same emoji under another of its names is the same reaction.
    const again = await api.post(`/messages/${id}/reactions`, {
      emoji_name: 'working_on_it',
    });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('REACTION_ALREADY_EXISTS');
    const bad: Array<[Record<string, string>, string]> = [
      [{ emoji_name: 'tada', emoji_code: '1f44d' }, 'Invalid emoji name.'],
      [{ emoji_name: 'working_on_it', emoji_code: '1f6e0-fe0f' }, 'Invalid emoji code.'],
      [{ emoji_name: 'thumbsup' }, 'Invalid emoji name.'],
      [{ emoji_name: 'tada\u0000' }, 'Invalid characters in parameter "emoji_name"'],
    ];
    for (const [params, msg] of bad) {
      const res = await api.post(`/messages/${id}/reactions`, params);
      expect([params, res.status, res.body.msg]).toEqual([params, 400, msg]);
    }
    // Removing by code finds the reaction whatever name it was added under.
    const removed = await api.delete(`/messages/${id}/reactions`, { emoji_code: '1f6e0' }, 'query');
    expect(removed.status).toBe(200);
    expect(await reactionsOf(id)).toEqual([]);
  });

  it('refuses reactions on messages the user cannot see', async () => {
    const id = await dm(alice, bob, 'private');
    const res = await server.client(carol).post(`/messages/${id}/reactions`, {
      emoji_name: 'thumbs_up',
    });
    expect(res.status).toBe(400);
    expect(res.body.msg).toBe('Invalid message(s)');
  });

  it("renders :name: in messages with Zulip's code", async () => {
    const id = await dm(alice, bob, 'great :thumbs_up: :working_on_it:');
    const res = await server.client(alice).get(`/messages/${id}`);
    const html = (res.body.message as { content: string }).content;
    expect(html).toContain('class="emoji emoji-1f44d"');
    expect(html).toContain('class="emoji emoji-1f6e0"');
  });
});
