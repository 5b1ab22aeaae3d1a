import { memoryLogger } from './logger';
import { OutboundQueue, OutboundQueueOptions } from './outbound-queue';
import { RateLimiter } from './rate-limiter';

interface Item {
  n: number;
  at?: number;
}

function makeQueue(overrides: Partial<OutboundQueueOptions<Item>> = {}) {
  const delivered: number[] = [];
  const logger = memoryLogger();
  const queue = new OutboundQueue<Item>({
    name: 'to_test',
    maxSize: 100,
    maxAgeMs: 60_000,
    deliver: async (item) => {
      delivered.push(item.n);
    },
    timestampOf: (item) => item.at ?? Date.now(),
    describe: (item) => ({ n: item.n }),
    logger,
    backoff: { baseMs: 5, capMs: 20 },
    ...overrides,
  });
  return { queue, delivered, logger };
}

describe('OutboundQueue', () => {
  it('holds items while closed and delivers them in order once open', async () => {
    const { queue, delivered } = makeQueue();
    for (let n = 1; n <= 5; n++) queue.push({ n });
    await new Promise((r) => setTimeout(r, 20));
    expect(delivered).toEqual([]);
    expect(queue.stats().depth).toBe(5);
    queue.setOpen(true);
    expect(await queue.drain(1000)).toBe(true);
    expect(delivered).toEqual([1, 2, 3, 4, 5]);
    expect(queue.stats()).toMatchObject({ depth: 0, delivered: 5 });
    expect(queue.stats().lastDeliveredAt).not.toBeNull();
    await queue.stop();
  });

  it('retries a failed delivery at the head, keeping order', async () => {
    let failures = 2;
    const delivered: number[] = [];
    const { queue, logger } = makeQueue({
      deliver: async (item) => {
        if (item.n === 2 && failures-- > 0) throw new Error('connection reset');
        delivered.push(item.n);
      },
    });
    queue.setOpen(true);
    for (let n = 1; n <= 4; n++) queue.push({ n });
    expect(await queue.drain(2000)).toBe(true);
    expect(delivered).toEqual([1, 2, 3, 4]);
    expect(logger.entries.filter((e) => e.msg === 'delivery failed; will retry')).toHaveLength(2);
    await queue.stop();
  });

  it('counts and logs every drop: full, too old, undeliverable', async () => {
    const { queue, delivered, logger } = makeQueue({
      maxSize: 3,
      maxAgeMs: 1000,
      deliver: async (item) => {
        if (item.n === 3) throw new Error('no such channel');
        delivered.push(item.n);
      },
      isPermanent: (error) => (error as Error).message === 'no such channel',
    });
    queue.push({ n: 1, at: Date.now() - 5000 });
    queue.push({ n: 2 });
    queue.push({ n: 3 });
    expect(queue.push({ n: 4 })).toBe(false);
    queue.setOpen(true);
    await queue.drain(1000);
    expect(delivered).toEqual([2]);
    expect(queue.stats().dropped).toEqual({ queue_full: 1, too_old: 1, undeliverable: 1 });
    const drops = logger.entries.filter((e) => e.msg === 'message dropped');
    expect(drops.map((e) => [e.reason, e.n])).toEqual([
      ['queue_full', 4],
      ['too_old', 1],
      ['undeliverable', 3],
    ]);
    await queue.stop();
  });

  it('stops retrying at once when reopened after an outage', async () => {
    let down = true;
    const delivered: number[] = [];
    const { queue } = makeQueue({
      backoff: { baseMs: 60_000, capMs: 60_000 },
      deliver: async (item) => {
        if (down) throw new Error('down');
        delivered.push(item.n);
      },
    });
    queue.setOpen(true);
    queue.push({ n: 1 });
    await new Promise((r) => setTimeout(r, 20));
    queue.setOpen(false);
    down = false;
    queue.setOpen(true);
    expect(await queue.drain(1000)).toBe(true);
    expect(delivered).toEqual([1]);
    await queue.stop();
  });

  it('logs what is still queued when stopped', async () => {
    const { queue, logger } = makeQueue();
    queue.push({ n: 1 });
    expect(await queue.drain(30)).toBe(false);
    await queue.stop();
    expect(queue.stats().dropped.undeliverable).toBe(1);
    expect(logger.entries.at(-1)).toMatchObject({
      msg: 'message dropped',
      n: 1,
      reason: 'undeliverable',
    });
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then paces takes to the rate', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 2, () => now);
    expect(limiter.delayMs()).toBe(0);
    void limiter.take();
    void limiter.take();
    expect(limiter.delayMs()).toBe(500);
    now = 500;
    expect(limiter.delayMs()).toBe(0);
  });

  it('take() waits for a token', async () => {
    const limiter = new RateLimiter(20, 1);
    const started = Date.now();
    await limiter.take();
    await limiter.take();
    await limiter.take();
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
  });
});
