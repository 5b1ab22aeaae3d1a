import { sleep } from '@hub/client/backoff';
import {
  createJobQueue,
  laneOf,
  type JobHandlers,
  type JobQueue,
  type JobQueueOptions,
  type QueueBackend,
} from '@hub/queue';
import { dropRedisKeys, uniqueRedisNamespace } from '../gateway/helpers/gateway-stack';
import { REDIS_TEST_URL } from '../helpers/services';

interface Job {
  key: string;
  n: number;
}

const FAST = { baseMs: 5, capMs: 20, jitter: false };

/** Resolves once `done()` is true, checking every few milliseconds. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) await sleep(5);
}

/** Two keys that land on different lanes among `lanes`. */
function keysOnTwoLanes(lanes: number): [string, string] {
  for (let i = 1; ; i++) {
    if (laneOf(`key ${i}`, lanes) !== laneOf('key 0', lanes)) return ['key 0', `key ${i}`];
  }
}

describe.each([
  ['in-process', false],
  ['Bull on Redis', true],
])('the %s job queue', (_, onRedis) => {
  const opened: JobQueue<Job>[] = [];
  let namespace = '';

  const open = (options: Omit<JobQueueOptions<Job>, 'name'>, name = 'jobs'): JobQueue<Job> => {
    const backend: QueueBackend = {
      redisUrl: onRedis ? REDIS_TEST_URL : undefined,
      prefix: namespace,
    };
    const queue = createJobQueue<Job>({ name, ...options }, backend);
    opened.push(queue);
    return queue;
  };

  beforeEach(() => {
    namespace = uniqueRedisNamespace();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((q) => q.close()));
    if (onRedis) await dropRedisKeys(namespace);
  });

  it('keeps the order of a lane while a job of it fails and is retried in place', async () => {
    const [slow, other] = keysOnTwoLanes(4);
    const queue = open({
      order: { lanes: 4, keyOf: (job) => job.key },
      retry: { attempts: 5, backoff: FAST },
    });
    const runs: string[] = [];
    const failures: string[] = [];
    let failsLeft = 2;
    let otherDone = 0;
    queue.process({
      run: async (job) => {
        runs.push(`${job.key}/${job.n}`);
        if (job.key === slow && job.n === 1) {
          // The other lane is not held up by this one: it finishes while this job still fails.
          await until(() => otherDone === 3);
          if (failsLeft-- > 0) throw new Error('not yet');
        }
        if (job.key === other) otherDone++;
      },
      failed: async (job, error) => {
        failures.push(`${job.n}: ${error.message}`);
      },
    });
    for (let n = 0; n < 4; n++) await queue.add({ key: slow, n });
    for (let n = 0; n < 3; n++) await queue.add({ key: other, n });
    await queue.idle();
    expect(runs.filter((r) => r.startsWith(slow))).toEqual([
      `${slow}/0`,
      `${slow}/1`,
      `${slow}/1`,
      `${slow}/1`,
      `${slow}/2`,
      `${slow}/3`,
    ]);
    expect(runs.filter((r) => r.startsWith(other))).toEqual([0, 1, 2].map((n) => `${other}/${n}`));
    expect(failures).toEqual([]);
    expect(await queue.depth()).toBe(0);
  });

  it('runs at most `concurrency` jobs at once', async () => {
    const queue = open({ order: { concurrency: 3 }, retry: { attempts: 1 } });
    let running = 0;
    let most = 0;
    let finished = 0;
    queue.process({
      run: async () => {
        running++;
        most = Math.max(most, running);
        // Hold every job until the pool is full, so a fourth one would show.
        await until(() => most >= 3 || finished + running === 10);
        await sleep(10);
        running--;
        finished++;
      },
    });
    for (let n = 0; n < 10; n++) await queue.add({ key: 'k', n });
    await queue.idle();
    expect(finished).toBe(10);
    expect(most).toBe(3);
  });

  it.each([
    ['a pool', { concurrency: 2 }],
    ['lanes', { lanes: 2, keyOf: (job: Job) => job.key }],
  ] as const)(
    'in %s, retries a failing job as often as allowed, then reports it once',
    async (_, order) => {
      const queue = open({ order, retry: { attempts: 3, backoff: FAST } });
      const attempts: number[] = [];
      const failures: string[] = [];
      queue.process({
        run: async (job) => {
          attempts.push(job.n);
          throw new Error(`attempt ${attempts.length}`);
        },
        failed: async (job, error) => {
          failures.push(`${job.n}: ${error.message}`);
        },
      });
      await queue.add({ key: 'k', n: 7 });
      await until(() => failures.length > 0);
      await queue.idle();
      expect(attempts).toEqual([7, 7, 7]);
      expect(failures).toEqual(['7: attempt 3']);
    },
  );

  it('does not retry a failure the policy calls final', async () => {
    const queue = open({
      order: { concurrency: 2 },
      retry: { attempts: 5, backoff: FAST, retryable: (error) => error.message === 'busy' },
    });
    const attempts: string[] = [];
    const failures: string[] = [];
    const outcomes = ['busy', 'bad request'];
    const handlers: JobHandlers<Job> = {
      run: async () => {
        const outcome = outcomes[attempts.length];
        attempts.push(outcome);
        throw new Error(outcome);
      },
      failed: async (_job, error) => {
        failures.push(error.message);
      },
    };
    queue.process(handlers);
    await queue.add({ key: 'k', n: 1 });
    await until(() => failures.length > 0);
    await queue.idle();
    expect(attempts).toEqual(['busy', 'bad request']);
    expect(failures).toEqual(['bad request']);
  });

  it('counts the jobs it holds until they are done', async () => {
    const queue = open({ order: { lanes: 2, keyOf: (job) => job.key }, retry: { attempts: 1 } });
    for (let n = 0; n < 5; n++) await queue.add({ key: `k${n}`, n });
    expect(await queue.depth()).toBe(5);
    expect(await queue.counts()).toEqual({ waiting: 5, active: 0, delayed: 0 });
    const done: number[] = [];
    queue.process({
      run: async (job) => {
        done.push(job.n);
      },
    });
    await queue.idle();
    expect(done.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(await queue.depth()).toBe(0);
  });

  if (onRedis) {
    it('keeps accepted jobs across a restart, and a job interrupted by the shutdown goes first', async () => {
      const options = {
        order: { lanes: 1, keyOf: (job: Job) => job.key },
        retry: { attempts: 10, backoff: { baseMs: 60_000, jitter: false } },
      };
      const first = open(options);
      const started: number[] = [];
      first.process({
        run: async (job) => {
          started.push(job.n);
          throw new Error('the process is stopping');
        },
      });
      for (let n = 0; n < 3; n++) await first.add({ key: 'k', n });
      await until(() => started.length > 0);
      // Closing wakes the job from its minute-long backoff; it stays first in its lane.
      await first.close();
      expect(started).toEqual([0]);

      const second = open(options);
      const delivered: number[] = [];
      second.process({
        run: async (job) => {
          delivered.push(job.n);
        },
      });
      await second.idle();
      expect(delivered).toEqual([0, 1, 2]);
    });
  } else {
    it('drops what it holds when closed', async () => {
      const queue = open({
        order: { concurrency: 1 },
        retry: { attempts: 3, backoff: { baseMs: 60_000 } },
      });
      const started: number[] = [];
      queue.process({
        run: async (job) => {
          started.push(job.n);
          throw new Error('later');
        },
      });
      for (let n = 0; n < 3; n++) await queue.add({ key: 'k', n });
      await until(() => started.length === 3);
      expect((await queue.counts()).delayed).toBe(3);
      await queue.close();
      await queue.idle();
      expect(await queue.depth()).toBe(0);
      expect(started).toEqual([0, 1, 2]);
    });
  }
});
