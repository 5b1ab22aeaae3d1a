import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { plainQueueSpec } from '../../apps/server/src/events/queues/queue-spec.fixture';
import { RedisQueueStore } from '../../apps/server/src/events/queues/redis-queue-store';
import { REDIS_TEST_URL, redisAvailable } from '../helpers/services';
import { sleep } from './event-fixtures';

const spec = (userId: number) => plainQueueSpec(userId);

/** Two stores on one prefix are two server processes sharing Redis. */
describe('the Redis queue store across processes', () => {
  const prefix = `zhtest:${randomUUID()}:`;
  const idleMs = 800;
  let available = false;
  let redis: Redis;
  let a: RedisQueueStore;
  let b: RedisQueueStore;
  const clients: Redis[] = [];
  const other = () => {
    const client = new Redis(REDIS_TEST_URL, { enableAutoPipelining: true });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    available = await redisAvailable();
    if (!available) return;
    redis = new Redis(REDIS_TEST_URL);
    a = new RedisQueueStore(other(), prefix, idleMs, 100);
    b = new RedisQueueStore(other(), prefix, idleMs, 100);
  });
  afterAll(async () => {
    if (!available) return;
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await Promise.all([redis, ...clients].map((c) => c.quit()));
  });

  const ids = async (store: RedisQueueStore, userId: number) =>
    (await store.targets([userId])).map((t) => t.queueId).sort();

  it("finds another process's queue, with its spec, and delivers to it", async () => {
    if (!available) return;
    await a.create('q-a', spec(7));
    const [target] = await b.targets([7]);
    expect(target).toEqual({ queueId: 'q-a', spec: spec(7) });
    await b.append([{ payloads: ['"type":"x"}'], queueIds: ['q-a'] }]);
    const [read] = await a.fetch([{ queueId: 'q-a', ack: -1, after: -1 }]);
    expect(read?.events).toEqual(['{"id":0,"type":"x"}']);
    // The event set expires with its queue.
    const ttl = await redis.pttl(`${prefix}e:q-a`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(idleMs);
  });

  it('forgets a queue another process removed, and trims expired ones from the index', async () => {
    if (!available) return;
    await a.create('q-gone', spec(8));
    await a.create('q-idle', spec(8));
    await a.create('q-live', spec(8));
    expect(await ids(b, 8)).toEqual(['q-gone', 'q-idle', 'q-live']);
    await a.remove('q-gone');
    // B still knows q-gone's spec; its next delivery finds the queue gone and forgets it.
    await b.append([{ payloads: ['"type":"y"}'], queueIds: await ids(b, 8) }]);
    expect(await ids(b, 8)).toEqual(['q-idle', 'q-live']);

    // q-live is kept alive, q-idle is not. Once q-idle has expired, a process that never knew
    // it finds it gone when a publication reads the index, and trims it.
    for (let waited = 0; waited < idleMs * 2; waited += 200) {
      await b.keepAlive(['q-live']);
      await sleep(200);
    }
    const c = new RedisQueueStore(other(), prefix, idleMs, 100);
    expect(await ids(c, 8)).toEqual(['q-live']);
    expect((await redis.smembers(`${prefix}u:8`)).sort()).toEqual(['q-live']);
    expect(await ids(b, 8)).toEqual(['q-live']);
  });

  it("reads a tick's fetches in one call, each as if alone: gone, not the owner's, acked", async () => {
    if (!available) return;
    await a.create('q-f1', spec(9));
    await a.create('q-f2', spec(10));
    await b.append([{ payloads: ['"type":"x"}', '"type":"y"}'], queueIds: ['q-f1', 'q-f2'] }]);
    // Two calls in one tick share a script call; each read is answered as if alone.
    const reads = await Promise.all([
      a.fetch([{ queueId: 'q-f1', ack: 0, after: 0, poller: 'p1' }]),
      a.fetch([
        { queueId: 'q-f2', ack: -1, after: -1, owner: 10 },
        { queueId: 'q-f2', ack: -1, after: -1, owner: 11 },
        { queueId: 'q-none', ack: -1, after: -1 },
      ]),
    ]);
    const takenOver = await b.fetch([{ queueId: 'q-f1', ack: 0, after: 1, poller: 'p2' }]);
    expect(reads[0]).toEqual([{ events: ['{"id":1,"type":"y"}'], previousPoller: undefined }]);
    expect(reads[1]).toEqual([
      { events: ['{"id":0,"type":"x"}', '{"id":1,"type":"y"}'], previousPoller: undefined },
      null,
      null,
    ]);
    // The ack dropped event 0; p2 took the queue over from p1.
    expect(takenOver).toEqual([{ events: [], previousPoller: 'p1' }]);
    expect(await redis.zcard(`${prefix}e:q-f1`)).toBe(1);
  });
});
