import { Role } from '../../apps/server/src/identity/user.types';
import { ScheduledMessagesSender } from '../../apps/server/src/scheduled-messages/scheduled-messages.sender';
import { eventually, makeStream, sleep } from '../events/event-fixtures';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { createBot, expectNothing, fails, ok, queues, receive } from './api-fixtures';

/** A delivery time `seconds` from now, in Zulip's whole seconds. */
const inSeconds = (seconds: number) => Math.ceil(Date.now() / 1000) + seconds;

describe('scheduled messages', () => {
  let server: TestServer;
  let alice: TestUser;
  let bob: TestUser;
  let guest: TestUser;
  let general: number;
  let secret: number;
  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser();
    bob = await server.createUser();
    guest = await server.createUser({ role: Role.Guest });
    general = await makeStream(server, 'scheduled-general', [alice, bob]);
    secret = await makeStream(server, 'scheduled-secret', [bob], true);
  });
  afterAll(() => server.stop());

  /** The messages of `topic` in `stream`, as `user` fetches them. */
  async function topicMessages(user: TestUser, stream: number, topic: string) {
    const res = await ok(
      server.client(user).get('/messages', {
        anchor: 'newest',
        num_before: 100,
        num_after: 0,
        narrow: [
          { operator: 'channel', operand: stream },
          { operator: 'topic', operand: topic },
        ],
      }),
    );
    return res.messages as Array<{ id: number; content: string; sender_id: number }>;
  }

  it('schedules, lists, edits and deletes, with scheduled_messages events to the owner alone', async () => {
    const [aliceQ, bobQ] = await queues(server, ['scheduled_messages'], alice, bob);
    const api = server.client(alice);
    const when = inSeconds(3600);
    const created = await ok(
      api.post('/scheduled_messages', {
        type: 'stream',
        to: general,
        topic: 'later',
        content: 'see you **tomorrow**',
        scheduled_delivery_timestamp: when,
      }),
    );
    const streamId = created.scheduled_message_id as number;
    const expected = {
      scheduled_message_id: streamId,
      type: 'stream',
      to: general,
      topic: 'later',
      content: 'see you **tomorrow**',
      rendered_content: '<p>see you <strong>tomorrow</strong></p>',
      scheduled_delivery_timestamp: when,
      failed: false,
    };
    expect(await receive(aliceQ, 1)).toEqual([
      {
        type: 'scheduled_messages',
        op: 'add',
        scheduled_messages: [expected],
        id: expect.any(Number),
      },
    ]);
    const direct = (
      await ok(
        api.post('/scheduled_messages', {
          type: 'direct',
          to: [bob.id],
          content: 'psst',
          scheduled_delivery_timestamp: when + 60,
        }),
      )
    ).scheduled_message_id as number;
    await receive(aliceQ, 1);

    const listed = (await ok(api.get('/scheduled_messages'))).scheduled_messages;
    expect(listed).toEqual([
      expected,
      expect.objectContaining({ scheduled_message_id: direct, type: 'private', to: [bob.id] }),
    ]);
    const state = await ok(api.post('/register', { fetch_event_types: ['scheduled_messages'] }));
    expect(state.scheduled_messages).toEqual(listed);

    await ok(
      api.patch(`/scheduled_messages/${streamId}`, {
        content: 'see you *soon*',
        scheduled_delivery_timestamp: when + 120,
      }),
    );
    expect(await receive(aliceQ, 1)).toEqual([
      {
        type: 'scheduled_messages',
        op: 'update',
        scheduled_message: {
          ...expected,
          content: 'see you *soon*',
          rendered_content: '<p>see you <em>soon</em></p>',
          scheduled_delivery_timestamp: when + 120,
        },
        id: expect.any(Number),
      },
    ]);
    await ok(api.delete(`/scheduled_messages/${direct}`));
    expect(await receive(aliceQ, 1)).toEqual([
      {
        type: 'scheduled_messages',
        op: 'remove',
        scheduled_message_id: direct,
        id: expect.any(Number),
      },
    ]);
    expect(
      ((await ok(api.get('/scheduled_messages'))).scheduled_messages as unknown[]).length,
    ).toBe(1);
    // Another user neither sees nor touches it.
    expect((await ok(server.client(bob).get('/scheduled_messages'))).scheduled_messages).toEqual(
      [],
    );
    await fails(
      server.client(bob).patch(`/scheduled_messages/${streamId}`, { content: 'mine now' }),
      404,
      'Scheduled message does not exist',
    );
    await fails(
      server.client(bob).delete(`/scheduled_messages/${streamId}`),
      404,
      'Scheduled message does not exist',
    );
    await expectNothing(bobQ);
    await ok(api.delete(`/scheduled_messages/${streamId}`));
  });

  it('refuses what could not be sent now: bad times, streams and users, and bad input', async () => {
    const post = (user: TestUser, params: Record<string, unknown>) =>
      server.client(user).post('/scheduled_messages', {
        type: 'stream',
        to: general,
        topic: 't',
        content: 'c',
        scheduled_delivery_timestamp: inSeconds(600),
        ...params,
      });
    await fails(
      post(alice, { scheduled_delivery_timestamp: inSeconds(-60) }),
      400,
      'Scheduled delivery time must be in the future.',
    );
    await fails(post(alice, { to: secret }), 400, 'Invalid channel ID');
    await fails(post(guest, {}), 400, 'Invalid channel ID');
    await fails(post(alice, { type: 'direct', to: [999999] }), 400, 'Invalid user ID 999999');
    await fails(post(alice, { type: 'email' }), 400, 'Invalid message type');
    await fails(post(alice, { content: '   ' }), 400, 'Message must not be empty');
    await fails(post(alice, { scheduled_delivery_timestamp: 'soon' }), 400, /./);
    await fails(post(alice, { scheduled_delivery_timestamp: 1e40 }), 400, /./);
    await fails(
      server.client(alice).post('/scheduled_messages', { type: 'stream', to: general }),
      400,
      /Missing/,
    );
    await fails(server.client(alice).patch('/scheduled_messages/1', {}), 400, 'Nothing to change');
    await fails(
      server.client(alice).patch('/scheduled_messages/abc', { content: 'x' }),
      404,
      'Scheduled message does not exist',
    );
    const id = (await ok(post(alice, {}))).scheduled_message_id as number;
    await fails(
      server.client(alice).patch(`/scheduled_messages/${id}`, { type: 'direct' }),
      400,
      'Recipient required when updating type of scheduled message.',
    );
    await fails(
      server.client(alice).patch(`/scheduled_messages/${id}`, { to: secret }),
      400,
      'Invalid channel ID',
    );
    // Nothing malformed was stored, and the refused edits changed nothing.
    const listed = (await ok(server.client(alice).get('/scheduled_messages')))
      .scheduled_messages as Array<{ to: number }>;
    expect(listed).toEqual([expect.objectContaining({ scheduled_message_id: id, to: general })]);
    expect((await ok(server.client(guest).get('/scheduled_messages'))).scheduled_messages).toEqual(
      [],
    );
    await ok(server.client(alice).delete(`/scheduled_messages/${id}`));
  });

  it('sends at its time, once, as its owner; bots may schedule too', async () => {
    const bot = await createBot(server, alice, 'schedbot');
    await ok(
      server.client(server.owner).post('/users/me/subscriptions', {
        subscriptions: [{ name: 'scheduled-general' }],
        principals: [bot.id],
      }),
    );
    const [aliceQ, bobQ] = await queues(server, ['scheduled_messages', 'message'], alice, bob);
    const id = (
      await ok(
        server.client(alice).post('/scheduled_messages', {
          type: 'channel',
          to: general,
          topic: 'on time',
          content: 'ding',
          scheduled_delivery_timestamp: inSeconds(1),
        }),
      )
    ).scheduled_message_id as number;
    await ok(
      server.client(bot).post('/scheduled_messages', {
        type: 'stream',
        to: general,
        topic: 'on time',
        content: 'dong',
        scheduled_delivery_timestamp: inSeconds(1),
      }),
    );
    const bobEvents = await receive(bobQ, 2);
    expect(bobEvents.map((e) => (e.message as { content: string }).content).sort()).toEqual([
      'ding',
      'dong',
    ]);
    const aliceEvents = await receive(aliceQ, 3);
    expect(aliceEvents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'scheduled_messages', op: 'add' }),
        expect.objectContaining({
          type: 'scheduled_messages',
          op: 'remove',
          scheduled_message_id: id,
        }),
        expect.objectContaining({ type: 'message' }),
      ]),
    );
    const messages = await topicMessages(bob, general, 'on time');
    expect(messages.map((m) => [m.sender_id, m.content]).sort()).toEqual([
      [alice.id, '<p>ding</p>'],
      [bot.id, '<p>dong</p>'],
    ]);
    expect((await ok(server.client(alice).get('/scheduled_messages'))).scheduled_messages).toEqual(
      [],
    );
  });

  it('marks a message failed when its stream is gone by its time', async () => {
    const doomed = await makeStream(server, 'scheduled-doomed', [alice, bob]);
    const [aliceQ] = await queues(server, ['scheduled_messages'], alice);
    const id = (
      await ok(
        server.client(alice).post('/scheduled_messages', {
          type: 'stream',
          to: doomed,
          topic: 'too late',
          content: 'anyone here?',
          scheduled_delivery_timestamp: inSeconds(1),
        }),
      )
    ).scheduled_message_id as number;
    await ok(server.client(server.owner).delete(`/streams/${doomed}`));
    const events = await receive(aliceQ, 2);
    expect(events[1]).toEqual({
      type: 'scheduled_messages',
      op: 'update',
      scheduled_message: expect.objectContaining({ scheduled_message_id: id, failed: true }),
      id: expect.any(Number),
    });
    const listed = (await ok(server.client(alice).get('/scheduled_messages')))
      .scheduled_messages as Array<{ scheduled_message_id: number; failed: boolean }>;
    expect(listed).toEqual([expect.objectContaining({ scheduled_message_id: id, failed: true })]);
    // A failed message is kept (to be fixed or deleted), not retried on its own.
    expect(await server.app.get(ScheduledMessagesSender).deliverDue()).toBe(0);
    await ok(server.client(alice).delete(`/scheduled_messages/${id}`));
  });

  it('survives a restart: a message due while the server was down is sent exactly once', async () => {
    const when = inSeconds(2);
    await ok(
      server.client(alice).post('/scheduled_messages', {
        type: 'stream',
        to: general,
        topic: 'after restart',
        content: 'still here',
        scheduled_delivery_timestamp: when,
      }),
    );
    // Stop before it is due; start again only once it is overdue.
    await server.restart(async () => {
      while (Date.now() < when * 1000 + 500) await sleep(100);
    });
    const sent = await eventually(async () => {
      const messages = await topicMessages(bob, general, 'after restart');
      if (messages.length === 0) throw new Error('not sent yet');
      return messages;
    }, 10_000);
    // Another sweep (as a second process or the next tick would run) finds nothing left to send.
    expect(await server.app.get(ScheduledMessagesSender).deliverDue()).toBe(0);
    expect(await topicMessages(bob, general, 'after restart')).toEqual(sent);
    expect(sent.map((m) => m.content)).toEqual(['<p>still here</p>']);
    expect((await ok(server.client(alice).get('/scheduled_messages'))).scheduled_messages).toEqual(
      [],
    );
  });
});
