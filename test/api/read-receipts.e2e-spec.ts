import { Role } from '../../apps/server/src/identity/user.types';
import { eventually, makeStream, QueueReader, WireEvent } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

describe('read receipts', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let dave: TestUser;
  let eve: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
    bob = await server.createUser();
    carol = await server.createUser();
    dave = await server.createUser();
    eve = await server.createUser({ role: Role.Administrator });
    await makeStream(server, 'club', [alice, bob, carol, dave], true);
  });
  afterAll(() => server.stop());

  async function sendToClub(content: string): Promise<number> {
    const res = await server
      .client(alice)
      .post('/messages', { type: 'stream', to: 'club', topic: 'news', content });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return res.body.id as number;
  }

  async function markRead(user: TestUser, id: number): Promise<void> {
    const res = await server
      .client(user)
      .post('/messages/flags', { messages: [id], op: 'add', flag: 'read' });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
  }

  const receipts = (user: TestUser, id: number | string) =>
    server.client(user).get(`/messages/${id}/read_receipts`);

  it('lists who read a message, never its sender, and not those who have not', async () => {
    const id = await sendToClub('read me');
    expect((await receipts(bob, id)).body.user_ids).toEqual([]);
    await markRead(bob, id);
    await markRead(carol, id);
    const res = await receipts(dave, id);
    expect(res.status).toBe(200);
    expect(res.body.user_ids).toEqual([bob.id, carol.id].sort((a, b) => a - b));
    // The sender's own copy is read, but a sender never appears.
    expect((await receipts(alice, id)).body.user_ids).not.toContain(alice.id);
  });

  it('leaves out whoever the asker muted and whoever muted the asker', async () => {
    const id = await sendToClub('read by the muted');
    await markRead(bob, id);
    await markRead(carol, id);
    const mute = (user: TestUser, target: TestUser) =>
      server.client(user).post(`/users/me/muted_users/${target.id}`);
    expect((await mute(dave, bob)).status).toBe(200);
    expect((await mute(carol, dave)).status).toBe(200);
    try {
      expect((await receipts(dave, id)).body.user_ids).toEqual([]);
      expect((await receipts(alice, id)).body.user_ids).toEqual(
        [bob.id, carol.id].sort((a, b) => a - b),
      );
    } finally {
      await server.client(dave).delete(`/users/me/muted_users/${bob.id}`);
      await server.client(carol).delete(`/users/me/muted_users/${dave.id}`);
    }
  });

  it('leaves out users who turned off sending read receipts, and tells only them', async () => {
    const [carolQ, bobQ] = await Promise.all([
      QueueReader.register(server, carol, { event_types: ['user_settings'] }),
      QueueReader.register(server, bob, { event_types: ['user_settings'] }),
    ]);
    const off = await server.client(carol).patch('/settings', { send_read_receipts: false });
    expect(off.status).toBe(200);
    const events: WireEvent[] = [];
    await eventually(async () => {
      events.push(...(await carolQ.drain()));
      expect(events.length).toBe(1);
    });
    expect(events[0]).toEqual({
      id: expect.any(Number),
      type: 'user_settings',
      op: 'update',
      property: 'send_read_receipts',
      value: false,
    });
    expect(await bobQ.drain()).toEqual([]);
    const state = await server.client(carol).post('/register', {
      fetch_event_types: ['user_settings'],
    });
    expect(state.body.user_settings).toMatchObject({ send_read_receipts: false });

    const id = await sendToClub('private reading');
    await markRead(bob, id);
    await markRead(carol, id);
    expect((await receipts(dave, id)).body.user_ids).toEqual([bob.id]);
    const bad = await server.client(carol).patch('/settings', { send_read_receipts: 'nope' });
    expect(bad.status).toBe(400);
    await server.client(carol).patch('/settings', { send_read_receipts: true });
    expect((await receipts(dave, id)).body.user_ids).toEqual(
      [bob.id, carol.id].sort((a, b) => a - b),
    );
  });

  it('refuses messages the user cannot see, admins included, and bad ids', async () => {
    const id = await sendToClub('members only');
    const hidden = await receipts(eve, id);
    expect(hidden.status).toBe(400);
    expect(hidden.body.msg).toBe('Invalid message(s)');
    for (const bad of ['abc', '-1', '99999999999', '1e3']) {
      const res = await receipts(bob, bad);
      expect([bad, res.status, res.body.msg]).toEqual([bad, 400, 'Invalid message(s)']);
    }
  });

  it('follows the realm setting, which only administrators change and everyone hears of', async () => {
    const id = await sendToClub('setting');
    await markRead(bob, id);
    const refused = await server.client(bob).patch('/realm', { enable_read_receipts: false });
    expect(refused.status).toBe(403);
    expect(refused.body.msg).toBe('Must be an organization administrator');
    expect((await receipts(dave, id)).status).toBe(200);

    const daveQ = await QueueReader.register(server, dave, { event_types: ['realm'] });
    const res = await server.client(eve).patch('/realm', { enable_read_receipts: false });
    expect(res.status).toBe(200);
    const events: WireEvent[] = [];
    await eventually(async () => {
      events.push(...(await daveQ.drain()));
      expect(events.length).toBe(1);
    });
    expect(events[0]).toMatchObject({
      type: 'realm',
      op: 'update',
      property: 'enable_read_receipts',
      value: false,
    });
    const state = await server.client(dave).post('/register', { fetch_event_types: ['realm'] });
    expect(state.body.realm_enable_read_receipts).toBe(false);
    const disabled = await receipts(dave, id);
    expect(disabled.status).toBe(400);
    expect(disabled.body.msg).toBe('Read receipts are disabled in this organization.');

    const bad = await server.client(eve).patch('/realm', { enable_read_receipts: 'maybe' });
    expect(bad.status).toBe(400);
    expect((await server.client(eve).patch('/realm', { enable_read_receipts: true })).status).toBe(
      200,
    );
    expect((await receipts(dave, id)).body.user_ids).toEqual([bob.id]);
  });
});
