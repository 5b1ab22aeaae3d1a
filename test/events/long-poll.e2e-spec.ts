import { EventsService } from '../../apps/server/src/events/queues/events.service';
import { ListenerRegistry } from '../../apps/server/src/events/queues/listener-registry';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { renameRealm, sleep, type Params, type WireEvent } from './event-fixtures';

type Events = WireEvent[];

describe.each([
  ['in-process', false],
  ['Redis', true],
])('event queues (%s store): register, long-poll, acknowledgement', (_kind, redis) => {
  let server: TestServer;
  let alice: TestUser;
  beforeAll(async () => {
    server = await startTestServer({
      redis,
      env: { EVENT_HEARTBEAT_MIN_SECONDS: '1', EVENT_HEARTBEAT_MAX_SECONDS: '2' },
    });
    alice = await server.createUser();
  });
  afterAll(() => server.stop());

  it('uses the store the deployment asks for', () => {
    expect(server.app.get(EventsService).storeKind).toBe(
      redis && server.config.redisUrl ? 'redis' : 'memory',
    );
  });

  async function register(params: Params = {}) {
    const res = await server.client(alice).post('/register', { event_types: ['realm'], ...params });
    expect(res.status).toBe(200);
    return { queue_id: res.body.queue_id as string, last_event_id: res.body.last_event_id };
  }

  it('answers dont_block at once with no events, then with a published event', async () => {
    const { queue_id, last_event_id } = await register();
    expect(last_event_id).toBe(-1);
    const empty = await server
      .client(alice)
      .get('/events', { queue_id, last_event_id: -1, dont_block: true });
    expect(empty.body).toMatchObject({ result: 'success', events: [], queue_id });

    await renameRealm(server, 'One');
    const res = await server
      .client(alice)
      .get('/events', { queue_id, last_event_id: -1, dont_block: true });
    expect(res.body.events).toEqual([
      { id: 0, type: 'realm', op: 'update', property: 'name', value: 'One' },
    ]);
  });

  it('blocks until an event is published, and acknowledges with last_event_id', async () => {
    const { queue_id } = await register();
    const started = Date.now();
    const pending = server.client(alice).get('/events', { queue_id, last_event_id: -1 });
    await new Promise((r) => setTimeout(r, 300));
    await renameRealm(server, 'Two');
    const res = await pending;
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const got = res.body.events as Events;
    expect(got.map((e) => e.value)).toEqual(['Two']);

    await renameRealm(server, 'Three');
    // Not acknowledged yet: both are still there.
    const again = await server
      .client(alice)
      .get('/events', { queue_id, last_event_id: -1, dont_block: true });
    expect((again.body.events as Events).map((e) => e.value)).toEqual(['Two', 'Three']);
    // Acknowledging the first discards it; ids strictly increase.
    const acked = await server
      .client(alice)
      .get('/events', { queue_id, last_event_id: got[0].id, dont_block: true });
    const rest = acked.body.events as Events;
    expect(rest.map((e) => e.value)).toEqual(['Three']);
    expect(rest[0].id).toBeGreaterThan(got[0].id);
  });

  it('answers a lone heartbeat after the (shortened) 1–2 s timeout', async () => {
    const { queue_id } = await register();
    const started = Date.now();
    const res = await server.client(alice).get('/events', { queue_id, last_event_id: -1 });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(4000);
    expect(res.body.events).toEqual([{ type: 'heartbeat', id: 0 }]);
  });

  it('refuses an unknown queue, and another user’s queue, with BAD_EVENT_QUEUE_ID', async () => {
    const missing = await server
      .client(alice)
      .get('/events', { queue_id: 'no-such-queue', last_event_id: -1 });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'BAD_EVENT_QUEUE_ID', queue_id: 'no-such-queue' });

    const { queue_id } = await register();
    const bob = await server.createUser();
    const stolen = await server
      .client(bob)
      .get('/events', { queue_id, last_event_id: -1, dont_block: true });
    expect(stolen.status).toBe(400);
    expect(stolen.body).toMatchObject({ code: 'BAD_EVENT_QUEUE_ID', queue_id });
  });

  it('deletes a queue with DELETE /events', async () => {
    const { queue_id } = await register();
    const del = await server.client(alice).delete('/events', { queue_id }, 'query');
    expect(del.body).toMatchObject({ result: 'success' });
    const after = await server
      .client(alice)
      .get('/events', { queue_id, last_event_id: -1, dont_block: true });
    expect(after.body).toMatchObject({ code: 'BAD_EVENT_QUEUE_ID', queue_id });
    const twice = await server.client(alice).delete('/events', { queue_id });
    expect(twice.status).toBe(400);
  });

  it('registers implicitly when GET /events has no queue_id', async () => {
    const res = await server
      .client(alice)
      .get('/events', { event_types: ['realm'], dont_block: true });
    expect(res.status).toBe(200);
    const queueId = res.body.queue_id as string;
    expect(typeof queueId).toBe('string');
    await renameRealm(server, 'Implicit');
    const next = await server
      .client(alice)
      .get('/events', { queue_id: queueId, last_event_id: -1, dont_block: true });
    expect((next.body.events as Events).map((e) => e.value)).toEqual(['Implicit']);
  });

  it('answers a superseded long-poll with no events', async () => {
    const { queue_id } = await register();
    const first = server.client(alice).get('/events', { queue_id, last_event_id: -1 });
    await new Promise((r) => setTimeout(r, 200));
    const second = server.client(alice).get('/events', { queue_id, last_event_id: -1 });
    const firstRes = await first;
    expect(firstRes.body).toMatchObject({ result: 'success', events: [] });
    await renameRealm(server, 'Second');
    expect(((await second).body.events as Events).map((e) => e.value)).toEqual(['Second']);
  });

  it('releases the waiter when the client disconnects mid-poll', async () => {
    const { queue_id } = await register();
    const registry = server.app.get(ListenerRegistry);
    const before = registry.size;
    const abort = new AbortController();
    const url = new URL('/api/v1/events', server.url);
    url.searchParams.set('queue_id', queue_id);
    url.searchParams.set('last_event_id', '-1');
    const auth = Buffer.from(`${alice.email}:${alice.apiKey}`).toString('base64');
    const request = fetch(url, {
      headers: { authorization: `Basic ${auth}` },
      signal: abort.signal,
    }).catch((err: Error) => err.name);
    for (let i = 0; i < 50 && registry.size === before; i++) await sleep(20);
    expect(registry.size).toBe(before + 1);
    abort.abort();
    expect(await request).toBe('AbortError');
    for (let i = 0; i < 50 && registry.size > before; i++) await sleep(20);
    expect(registry.size).toBe(before);
    // The queue itself survives: an event published now waits for the next poll.
    await renameRealm(server, 'after disconnect');
    const res = await server
      .client(alice)
      .get('/events', { queue_id, last_event_id: -1, dont_block: true });
    expect((res.body.events as Events).map((e) => e.value)).toEqual(['after disconnect']);
  });

  it('filters by event_types', async () => {
    const { queue_id } = await register({ event_types: ['typing'] });
    await renameRealm(server, 'Filtered');
    const res = await server
      .client(alice)
      .get('/events', { queue_id, last_event_id: -1, dont_block: true });
    expect(res.body.events).toEqual([]);
  });

  it('rejects a bad narrow and bad parameters with a clear 400', async () => {
    const bad = await server.client(alice).post('/register', { narrow: [['bogus', 'x']] });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ result: 'error', code: 'BAD_REQUEST' });
    const notJson = await server.client(alice).post('/register', { event_types: 'message' });
    expect(notJson.status).toBe(400);
    const badId = await server.client(alice).get('/events', { queue_id: 'x', last_event_id: 'a' });
    expect(badId.status).toBe(400);
  });
});
