import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { renameRealm, sleep } from './event-fixtures';

describe.each([
  ['in-process', false],
  ['Redis', true],
])('event queue expiry and bounds (%s store)', (_kind, redis) => {
  let server: TestServer;
  let alice: TestUser;
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
  });
  afterAll(() => server.stop());

  const register = async () =>
    (await server.client(alice).post('/register', { event_types: ['realm'] })).body
      .queue_id as string;
  const poll = (queue_id: string, last_event_id = -1, dont_block = true) =>
    server.client(alice).get('/events', { queue_id, last_event_id, dont_block });

  /**
   * Changes `count` (at most 6) realm settings in one `PATCH /realm`: `count` realm events,
   * delivered together (a queue idle for a second is collected, so the events must come fast).
   * Returns the changes in the order the events carry them.
   */
  let round = 0;
  let mandatoryTopics = false;
  const changeSettings = async (count: number): Promise<Array<[string, unknown]>> => {
    round++;
    const settings = {
      name: `Org ${round}`,
      description: `round ${round}`,
      waiting_period_threshold: round,
      message_content_edit_limit_seconds: 600 + round,
      message_content_delete_limit_seconds: 600 + round,
      mandatory_topics: !mandatoryTopics,
    };
    if (count > 5) mandatoryTopics = !mandatoryTopics;
    const res = await server
      .client(server.owner)
      .patch('/realm', Object.fromEntries(Object.entries(settings).slice(0, count)));
    expect(res.status).toBe(200);
    const { result: _result, msg: _msg, ...changed } = res.body as Record<string, unknown>;
    expect(Object.keys(changed)).toHaveLength(count);
    return Object.entries(changed);
  };

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
    await changeSettings(5);
    const full = await poll(queueId);
    expect((full.body.events as unknown[]).length).toBe(5);
    await renameRealm(server, 'one too many');
    const res = await poll(queueId);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'BAD_EVENT_QUEUE_ID', queue_id: queueId });
  });

  it('frees room once the client acknowledges', async () => {
    const queueId = await register();
    await changeSettings(5);
    const first = await poll(queueId, 4);
    expect(first.body.events).toEqual([]);
    const second = await changeSettings(5);
    const res = await poll(queueId, 4);
    const events = res.body.events as Array<{ id: number; property: string; value: unknown }>;
    expect(events.map((e) => e.id)).toEqual([5, 6, 7, 8, 9]);
    expect(events.map((e) => [e.property, e.value])).toEqual(second);
  });

  it('answers an open long-poll with BAD_EVENT_QUEUE_ID when its queue overflows', async () => {
    const queueId = await register();
    const pending = poll(queueId, -1, false);
    await sleep(200);
    // Six settings changed in one request are six `realm` events, delivered together: more than
    // the bound at once.
    await changeSettings(6);
    const answer = await pending;
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'BAD_EVENT_QUEUE_ID', queue_id: queueId });
  });
});
