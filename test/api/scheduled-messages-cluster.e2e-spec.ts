import { Cluster, ClusterUser, startCluster } from '../helpers/cluster';
import { eventually, sleep } from '../events/event-fixtures';

describe('scheduled messages with two server processes', () => {
  let cluster: Cluster | null;
  let alice: ClusterUser;
  let bob: ClusterUser;
  beforeAll(async () => {
    cluster = await startCluster({ size: 2 });
    if (!cluster) return;
    alice = await cluster.createUser('Alice Anders');
    bob = await cluster.createUser('Bob Brown');
  }, 90_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('sends each message once, whichever process claims it', async () => {
    if (!cluster) {
      if (process.env.REQUIRE_SERVICES === '1')
        throw new Error('PostgreSQL and Redis are required');
      return;
    }
    const nodes = cluster.nodes;
    const when = Math.ceil(Date.now() / 1000) + 2;
    const contents = ['one', 'two', 'three', 'four', 'five', 'six'];
    for (const [i, content] of contents.entries()) {
      const res = await nodes[i % 2].client(alice).post('/scheduled_messages', {
        type: 'direct',
        to: [bob.id],
        content,
        scheduled_delivery_timestamp: when,
      });
      expect(res.status).toBe(200);
    }
    const fetch = async () => {
      const res = await nodes[1].client(bob).get('/messages', {
        anchor: 'newest',
        num_before: 100,
        num_after: 0,
        narrow: [{ operator: 'dm', operand: [alice.id] }],
      });
      expect(res.status).toBe(200);
      return (res.body.messages as Array<{ content: string }>).map((m) => m.content);
    };
    await eventually(async () => {
      expect(await fetch()).toHaveLength(contents.length);
    }, 15_000);
    // Both processes have swept again since: still one copy of each.
    await sleep(2_500);
    expect((await fetch()).sort()).toEqual(contents.map((c) => `<p>${c}</p>`).sort());
    const left = await nodes[0].client(alice).get('/scheduled_messages');
    expect(left.body.scheduled_messages).toEqual([]);
  }, 60_000);
});
