import { ListenerRegistry } from './listener-registry';
import { LongPoll } from './long-poll';
import { MemoryQueueStore } from './memory-queue-store';
import { plainQueueSpec } from './queue-spec.fixture';

const spec = plainQueueSpec(1);

describe('the listener registry at shutdown', () => {
  it('answers open long-polls, and one whose read began before shutdown, with no events', async () => {
    const store = new MemoryQueueStore(60_000, 100);
    await store.create('q', spec);
    const registry = new ListenerRegistry(store);
    const answers: unknown[] = [];
    const open = new LongPoll('q', -1, (outcome) => answers.push(outcome));
    registry.attach(open, Date.now());

    registry.close();
    // A poll that read the queue before the close attaches after it: it must not block the
    // server's shutdown until its heartbeat.
    const late = new LongPoll('q', -1, (outcome) => answers.push(outcome));
    registry.attach(late, Date.now());

    expect(answers).toEqual([[], []]);
    expect(late.finished).toBe(true);
    expect(registry.size).toBe(0);
  });
});
