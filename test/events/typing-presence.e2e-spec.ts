import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { eventually, makeStream, QueueReader, WireEvent } from './event-fixtures';

describe('typing notifications and presence', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let streamId: number;
  let secretId: number;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
    bob = await server.createUser();
    carol = await server.createUser();
    streamId = await makeStream(server, 'desk', [alice, bob]);
    secretId = await makeStream(server, 'vault', [bob], true);
  });
  afterAll(() => server.stop());

  const typingQueue = (user: TestUser, capabilities: Record<string, boolean> = {}) =>
    QueueReader.register(server, user, {
      event_types: ['typing'],
      client_capabilities: capabilities,
    });
  const settle = () => new Promise((r) => setTimeout(r, 150));

  it('sends DM typing start and stop to the participants only', async () => {
    const [bobQ, aliceQ, carolQ] = await Promise.all([
      typingQueue(bob),
      typingQueue(alice),
      typingQueue(carol),
    ]);
    const start = await server.client(alice).post('/typing', { op: 'start', to: [bob.id] });
    expect(start.body).toMatchObject({ result: 'success' });
    await server.client(alice).post('/typing', { op: 'stop', to: [bob.id] });
    const expected = {
      type: 'typing',
      message_type: 'direct',
      sender: { user_id: alice.id, email: alice.email },
      recipients: [
        { user_id: alice.id, email: alice.email },
        { user_id: bob.id, email: bob.email },
      ].sort((a, b) => a.user_id - b.user_id),
    };
    const got = await bobQ.drain();
    expect(got).toEqual([
      { ...expected, op: 'start', id: expect.any(Number) },
      { ...expected, op: 'stop', id: expect.any(Number) },
    ]);
    expect((await aliceQ.drain()).length).toBe(2);
    expect(await carolQ.drain()).toEqual([]);
  });

  it('sends stream typing to subscribers whose clients support it', async () => {
    const bobQ = await typingQueue(bob, { stream_typing_notifications: true });
    const oldClient = await typingQueue(bob);
    const carolQ = await typingQueue(carol, { stream_typing_notifications: true });
    const res = await server
      .client(alice)
      .post('/typing', { op: 'start', type: 'stream', stream_id: streamId, topic: 'lunch' });
    expect(res.status).toBe(200);
    expect(await bobQ.drain()).toEqual([
      {
        type: 'typing',
        op: 'start',
        message_type: 'stream',
        stream_id: streamId,
        topic: 'lunch',
        sender: { user_id: alice.id, email: alice.email },
        id: expect.any(Number),
      },
    ]);
    expect(await oldClient.drain()).toEqual([]);
    expect(await carolQ.drain()).toEqual([]);
  });

  it('rejects typing to a private stream the sender is not in, and bad input', async () => {
    const secret = await server
      .client(alice)
      .post('/typing', { op: 'start', type: 'stream', stream_id: secretId, topic: 'x' });
    expect(secret.status).toBe(400);
    expect(secret.body).toMatchObject({ code: 'STREAM_DOES_NOT_EXIST' });
    const badOp = await server.client(alice).post('/typing', { op: 'dance', to: [bob.id] });
    expect(badOp.status).toBe(400);
    const noOne = await server.client(alice).post('/typing', { op: 'start', to: [999999] });
    expect(noOne.status).toBe(400);
    const noTo = await server.client(alice).post('/typing', { op: 'start' });
    expect(noTo.body).toMatchObject({ code: 'REQUEST_VARIABLE_MISSING' });
  });

  it('stores presence, tells the realm, and reports it', async () => {
    const carolQ = await QueueReader.register(server, carol, { event_types: ['presence'] });
    const res = await server.client(alice).post('/users/me/presence', { status: 'active' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ result: 'success', server_timestamp: expect.any(Number) });
    const presences = res.body.presences as Record<string, { aggregated: { status: string } }>;
    expect(presences[alice.email].aggregated.status).toBe('active');

    const [event] = await eventually(async () => {
      const got = await carolQ.drain();
      expect(got.length).toBe(1);
      return got as WireEvent[];
    });
    expect(event).toMatchObject({
      type: 'presence',
      user_id: alice.id,
      email: alice.email,
      presence: { website: { client: 'website', status: 'active', pushable: false } },
    });

    // A repeat ping with the same status does not notify the realm again.
    const ping = await server
      .client(alice)
      .post('/users/me/presence', { status: 'active', ping_only: true });
    expect(ping.body).not.toHaveProperty('presences');
    await settle();
    expect(await carolQ.drain()).toEqual([]);

    const realm = await server.client(bob).get('/realm/presence');
    expect(realm.body).toMatchObject({
      result: 'success',
      presences: { [alice.email]: { aggregated: { status: 'active' } } },
    });
    const slim = await server.client(bob).post('/register', {
      fetch_event_types: ['presence'],
      slim_presence: true,
    });
    expect(slim.body.presences).toMatchObject({
      [String(alice.id)]: { active_timestamp: expect.any(Number) },
    });
    const bad = await server.client(alice).post('/users/me/presence', { status: 'away' });
    expect(bad.status).toBe(400);
  });
});
