import { EventsService } from '../../apps/server/src/events/queues/events.service';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { realmUpdate, sleep } from './event-fixtures';

describe.each([
  ['in-process', false],
  ['Redis', true],
])('event queue expiry and bounds (%s store)', (_kind, redis) => {
  let server: TestServer;
  let alice: TestUser;
  let events: EventsService;
  beforeAll(async () => {
    server = await startTestServer({
      redis,
      env: {
        EVENT_QUEUE_IDLE_TIMEOUT_SECONDS: '1',
        EVENT_QUEUE_MAX_EVENTS: '5',
        EVENT_HEARTBEAT_MIN_SECONDS: '3',
        EVENT_HEARTBEAT_MAX_SECONDS: '3',
      },
    });
    alice = await server.createUser();
    events = server.app.get(EventsService);
  });
  afterAll(() => server.stop());

  const register = async () =>
    (await server.client(alice).post('/register', { event_types: ['realm'] })).body
      .queue_id as string;
  const poll = (queue_id: string, last_event_id = -1, dont_block = true) =>
    server.client(alice).get('/events', { queue_id, last_event_id, dont_block });

  it('collects a queue nobody polled for the idle timeout: BAD_EVENT_QUEUE_ID with queue_id', async () => {
    const queueId = await register();
    await sleep(2500);
    const res = await poll(queueId);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      result: 'error',
      code: 'BAD_EVENT_QUEUE_ID',
      queue_id: queueId,
    });
    expect(res.body.msg).toMatch(/^Bad event queue ID/);
  });

  it('keeps a queue alive while polled, and while a long-poll is open', async () => {
    const queueId = await register();
    for (let i = 0; i < 3; i++) {
      await sleep(600);
      expect((await poll(queueId)).status).toBe(200);
    }
    // A 3 s long-poll outlives the 1 s idle timeout; the queue must survive it.
    const res = await poll(queueId, -1, false);
    expect(res.body.events).toEqual([{ type: 'heartbeat', id: 0 }]);
    expect((await poll(queueId, 0)).status).toBe(200);
  });

  it('drops a queue that would exceed its bound instead of growing without limit', async () => {
    const queueId = await register();
    for (let i = 0; i < 5; i++) await events.publish(realmUpdate(`n${i}`), { userIds: [alice.id] });
    const full = await poll(queueId);
    expect((full.body.events as unknown[]).length).toBe(5);
    await events.publish(realmUpdate('one too many'), { userIds: [alice.id] });
    const res = await poll(queueId);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_EVENT_QUEUE_ID', queue_id: queueId });
  });

  it('frees room once the client acknowledges', async () => {
    const queueId = await register();
    for (let i = 0; i < 5; i++) await events.publish(realmUpdate(`a${i}`), { userIds: [alice.id] });
    const first = await poll(queueId, 4);
    expect(first.body.events).toEqual([]);
    for (let i = 0; i < 5; i++) await events.publish(realmUpdate(`b${i}`), { userIds: [alice.id] });
    const res = await poll(queueId, 4);
    expect((res.body.events as Array<{ value: string }>).map((e) => e.value)).toEqual([
      'b0',
      'b1',
      'b2',
      'b3',
      'b4',
    ]);
  });

  it('answers an open long-poll with BAD_EVENT_QUEUE_ID when its queue overflows', async () => {
    const queueId = (
      await server.client(alice).post('/register', { event_types: ['delete_message'] })
    ).body.queue_id as string;
    const pending = poll(queueId, -1, false);
    await sleep(200);
    // Without bulk_message_deletion, deleting 6 messages is 6 events: more than the bound.
    await events.publish(
      { type: 'delete_message', message_type: 'private', message_ids: [1, 2, 3, 4, 5, 6] },
      { userIds: [alice.id] },
    );
    const res = await pending;
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_EVENT_QUEUE_ID', queue_id: queueId });
  });
});
