import { Cluster, ClusterUser, startCluster } from '../helpers/cluster';
import type { ApiClient } from '../helpers/api-client';
import type { WireEvent } from './event-fixtures';

type MessageEvent = WireEvent & { message: { id: number; content: string } };

/** Polls a queue through `client` until `count` message events arrived; returns them in order. */
async function collect(
  client: () => ApiClient,
  queueId: string,
  count: number,
  state: { last: number },
): Promise<MessageEvent[]> {
  const out: MessageEvent[] = [];
  const deadline = Date.now() + 20_000;
  while (out.length < count && Date.now() < deadline) {
    const res = await client().get('/events', { queue_id: queueId, last_event_id: state.last });
    expect(res.status).toBe(200);
    for (const event of res.body.events as MessageEvent[]) {
      expect(event.id).toBeGreaterThan(state.last);
      state.last = event.id;
      if (event.type === 'message') out.push(event);
    }
  }
  return out;
}

describe('two real server processes sharing PostgreSQL and Redis', () => {
  let cluster: Cluster | null;
  let alice: ClusterUser;
  let bob: ClusterUser;
  beforeAll(async () => {
    cluster = await startCluster({
      size: 2,
      env: { EVENT_HEARTBEAT_MIN_SECONDS: '2', EVENT_HEARTBEAT_MAX_SECONDS: '3' },
    });
    if (!cluster) return;
    alice = await cluster.createUser('Alice Anders');
    bob = await cluster.createUser('Bob Brown');
    const res = await cluster.nodes[0].client(cluster.owner).post('/users/me/subscriptions', {
      subscriptions: [{ name: 'shared' }],
      principals: [alice.id, bob.id],
    });
    expect(res.status).toBe(200);
  }, 90_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('registers on one process, polls on the other, sends through either: in order, once each', async () => {
    if (!cluster) return;
    const [a, b] = cluster.nodes;
    const reg = await a.client(bob).post('/register', { event_types: ['message'] });
    expect(reg.status).toBe(200);
    const queueId = reg.body.queue_id as string;

    const sent: number[] = [];
    const state = { last: -1 };
    // Poll through B (and sometimes A) while messages go in through A and B alternately.
    const reader = collect(() => (state.last % 3 === 0 ? a : b).client(bob), queueId, 20, state);
    for (let i = 0; i < 20; i++) {
      const via = i % 2 === 0 ? a : b;
      const res = await via.client(alice).post('/messages', {
        type: 'stream',
        to: 'shared',
        topic: 'cluster',
        content: `message ${i}`,
      });
      expect(res.status).toBe(200);
      sent.push(res.body.id as number);
    }
    const got = await reader;
    expect(got.map((e) => e.message.id)).toEqual(sent);
    expect(got.map((e) => e.message.content)).toEqual(sent.map((_, i) => `message ${i}`));
  }, 60_000);

  it('a long-poll waiting on one process wakes for a message sent through the other', async () => {
    if (!cluster) return;
    const [a, b] = cluster.nodes;
    const queueId = (await b.client(bob).post('/register', { event_types: ['message'] })).body
      .queue_id as string;
    const pending = b.client(bob).get('/events', { queue_id: queueId, last_event_id: -1 });
    await new Promise((r) => setTimeout(r, 300));
    const sent = await a.client(alice).post('/messages', {
      type: 'direct',
      to: [bob.id],
      content: 'across processes',
    });
    const res = await pending;
    expect((res.body.events as MessageEvent[]).map((e) => e.message.id)).toEqual([sent.body.id]);
  });

  it('a newer long-poll on the other process supersedes the older one', async () => {
    if (!cluster) return;
    const [a, b] = cluster.nodes;
    const queueId = (await a.client(bob).post('/register', { event_types: ['message'] })).body
      .queue_id as string;
    const first = a.client(bob).get('/events', { queue_id: queueId, last_event_id: -1 });
    await new Promise((r) => setTimeout(r, 300));
    const second = b.client(bob).get('/events', { queue_id: queueId, last_event_id: -1 });
    const firstRes = await first;
    expect(firstRes.body).toMatchObject({ result: 'success', events: [] });
    await a.client(alice).post('/messages', { type: 'direct', to: [bob.id], content: 'to B' });
    const events = (await second).body.events as MessageEvent[];
    expect(events.map((e) => e.message.content)).toEqual(['to B']);
  });

  it('a key regenerated or an account deactivated through one process stops working on the other at once', async () => {
    if (!cluster) return;
    const [a, b] = cluster.nodes;
    const carol = await cluster.createUser('Carol Cached');
    // Both processes have now authenticated Carol (and may hold her row).
    expect((await a.client(carol).get('/users/me')).status).toBe(200);
    expect((await b.client(carol).get('/users/me')).status).toBe(200);

    const regenerated = await a.client(carol).post('/users/me/api_key/regenerate');
    expect(regenerated.status).toBe(200);
    const stale = await b.client(carol).get('/users/me');
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('INVALID_API_KEY');
    const fresh = { ...carol, apiKey: regenerated.body.api_key as string };
    expect((await b.client(fresh).get('/users/me')).status).toBe(200);

    expect((await a.client(cluster.owner).delete(`/users/${carol.id}`)).status).toBe(200);
    const gone = await b.client(fresh).get('/users/me');
    expect(gone.status).toBe(401);
    expect(gone.body.code).toBe('USER_DEACTIVATED');
  });

  it('a stopping process ends its long-polls cleanly and loses no queued event', async () => {
    if (!cluster) return;
    const [a, b] = cluster.nodes;
    const queueId = (await a.client(bob).post('/register', { event_types: ['message'] })).body
      .queue_id as string;
    const pending = a.client(bob).get('/events', { queue_id: queueId, last_event_id: -1 });
    await new Promise((r) => setTimeout(r, 300));
    const stopping = a.stop();
    const answered = await pending;
    expect(answered.status).toBe(200);
    expect(answered.body.events).toEqual([]);
    // Nest closes the app, then re-raises the signal: the process ends by SIGTERM or with 0.
    const exit = await stopping;
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);

    // While A is gone, a message goes in through B; the client retries on B and gets it.
    const sent = await b.client(alice).post('/messages', {
      type: 'direct',
      to: [bob.id],
      content: 'after the restart',
    });
    const res = await b.client(bob).get('/events', { queue_id: queueId, last_event_id: -1 });
    expect((res.body.events as MessageEvent[]).map((e) => e.message.id)).toEqual([sent.body.id]);
  }, 30_000);
});
