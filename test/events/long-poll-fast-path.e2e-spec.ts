import { createIncomingWebhookBot } from '../gateway/helpers/gateway-stack';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

/**
 * Polls naming a queue are answered in front of Express (LongPollFastPath): they must behave
 * exactly like every other endpoint — same authentication, validation, errors and envelope.
 */
describe('GET /events answered by the fast path', () => {
  let server: TestServer;
  let alice: TestUser;
  let queueId: string;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice Anders' });
    const reg = await server.client(alice).post('/register', { event_types: ['message'] });
    queueId = reg.body.queue_id as string;
  });
  afterAll(() => server.stop());

  const poll = (params: Record<string, string | number | boolean>, user = alice) =>
    server.client(user).get('/events', { dont_block: true, ...params });

  it('answers with the events, the queue id, rate-limit headers and ignored parameters', async () => {
    await server.client(server.owner).post('/messages', {
      type: 'direct',
      to: [alice.id],
      content: 'hello fast path',
    });
    // Events are published just after the send commits: this poll blocks until it comes.
    const res = await poll({
      queue_id: queueId,
      last_event_id: -1,
      shiny: 'yes',
      dont_block: false,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('x-ratelimit-limit')).toBeTruthy();
    expect(res.body).toMatchObject({
      result: 'success',
      msg: '',
      queue_id: queueId,
      ignored_parameters_unsupported: ['shiny'],
    });
    const events = res.body.events as Array<{ id: number; type: string; message: unknown }>;
    expect(events.map((e) => e.type)).toEqual(['message']);
    expect(events[0].message).toMatchObject({ content: 'hello fast path' });
  });

  it('refuses bad credentials and names the problem as the guard does', async () => {
    const anonymous = await server.client().get('/events', { queue_id: queueId });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('UNAUTHORIZED');
    expect(anonymous.headers.get('www-authenticate')).toBe('Basic realm="zulip"');

    const wrongKey = await server
      .client({ email: alice.email, apiKey: 'x'.repeat(32) })
      .get('/events', { queue_id: queueId });
    expect(wrongKey).toMatchObject({ status: 401, body: { code: 'INVALID_API_KEY' } });

    const elsewhere = await server
      .client(alice, 'nowhere.localhost')
      .get('/events', { queue_id: queueId });
    expect(elsewhere).toMatchObject({ status: 404, body: { code: 'NONEXISTENT_SUBDOMAIN' } });

    const bot = await createIncomingWebhookBot(server.client(alice), 'Hook Bot', 'hook');
    const hook = await poll({ queue_id: queueId }, { ...alice, ...bot, id: bot.id } as TestUser);
    expect(hook).toMatchObject({
      status: 403,
      body: { msg: 'This API is not available to incoming webhook bots.' },
    });
  });

  it('validates parameters with the endpoint DTO and rejects unknown or foreign queues', async () => {
    const bad = await poll({ queue_id: queueId, last_event_id: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'BAD_REQUEST', var_name: 'last_event_id' });

    const unknown = await poll({ queue_id: 'no-such-queue' });
    expect(unknown).toMatchObject({
      status: 400,
      body: { code: 'BAD_EVENT_QUEUE_ID', queue_id: 'no-such-queue' },
    });
    const bob = await server.createUser();
    const foreign = await poll({ queue_id: queueId }, bob);
    expect(foreign).toMatchObject({ status: 400, body: { code: 'BAD_EVENT_QUEUE_ID' } });
  });

  it('leaves polls without a queue (implicit registration) and other paths to the API', async () => {
    const implicit = await server
      .client(alice)
      .get('/events', { dont_block: true, event_types: ['message'] });
    expect(implicit.status).toBe(200);
    expect(implicit.body.queue_id).toEqual(expect.any(String));
    expect(implicit.body.queue_id).not.toBe(queueId);

    const near = await server.client(alice).get('/eventsx', { queue_id: queueId });
    expect(near.status).toBe(404);
    const deleted = await server.client(alice).delete('/events', { queue_id: queueId });
    expect(deleted.status).toBe(200);
    expect((await poll({ queue_id: queueId })).body.code).toBe('BAD_EVENT_QUEUE_ID');
  });
});
