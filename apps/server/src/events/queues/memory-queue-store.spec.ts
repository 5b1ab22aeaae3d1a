import { MemoryQueueStore } from './memory-queue-store';
import { plainQueueSpec } from './queue-spec.fixture';
import type { WakeSignal } from './queue-store';

const spec = (userId: number, allPublicStreams = false) =>
  plainQueueSpec(userId, { allPublicStreams });

describe('the in-process queue store', () => {
  let now = 1_000;
  const store = new MemoryQueueStore(10_000, 3, () => now);
  const signals: WakeSignal[] = [];
  store.onSignal((s) => signals.push(s));

  it('finds queues by user and by realm for all_public_streams', async () => {
    await store.create('q1', spec(1));
    await store.create('q2', spec(2, true));
    expect((await store.targets([1])).map((t) => t.queueId)).toEqual(['q1']);
    expect((await store.targets([], 1)).map((t) => t.queueId)).toEqual(['q2']);
    expect((await store.targets([3])).length).toBe(0);
  });

  it('numbers events per queue, wakes pollers, acknowledges, and drops a queue past its bound', async () => {
    await store.append([{ payloads: ['"type":"a"}', '"type":"b"}'], queueIds: ['q1'] }]);
    expect(signals.at(-1)).toEqual({ kind: 'events', queueIds: ['q1'] });
    const [read] = await store.fetch([{ queueId: 'q1', ack: -1, after: -1 }]);
    expect(read?.events.map((e) => JSON.parse(e))).toEqual([
      { id: 0, type: 'a' },
      { id: 1, type: 'b' },
    ]);
    const [acked] = await store.fetch([{ queueId: 'q1', ack: 0, after: 0 }]);
    expect(acked?.events).toEqual(['{"id":1,"type":"b"}']);
    await store.append([
      { payloads: ['"type":"c"}', '"type":"d"}', '"type":"e"}'], queueIds: ['q1'] },
    ]);
    expect(await store.fetch([{ queueId: 'q1', ack: 0, after: 0 }])).toEqual([null]);
    expect((await store.targets([1])).length).toBe(0);
  });

  it('refuses to read another user’s queue', async () => {
    expect(await store.fetch([{ queueId: 'q2', ack: -1, after: -1, owner: 1 }])).toEqual([null]);
    expect(await store.fetch([{ queueId: 'q2', ack: -1, after: -1, owner: 2 }])).not.toEqual([
      null,
    ]);
  });

  it('collects queues idle past the timeout unless kept alive', async () => {
    await store.create('q3', spec(3));
    now += 9_000;
    await store.keepAlive(['q3']);
    now += 9_000;
    await store.sweep();
    expect(store.size).toBe(1);
    expect((await store.targets([3])).length).toBe(1);
    now += 11_000;
    await store.sweep();
    expect(store.size).toBe(0);
  });
});
