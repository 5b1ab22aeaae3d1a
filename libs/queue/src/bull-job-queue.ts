import { Logger } from '@nestjs/common';
import Queue from 'bull';
import { sleep } from '@hub/client/backoff';
import {
  ageSeconds,
  asError,
  depthOf,
  isFinalFailure,
  isLanes,
  laneOf,
  reportFailure,
  retryWait,
  type JobCounts,
  type JobHandlers,
  type JobQueue,
  type JobQueueOptions,
  type QueueStats,
} from './job-queue';

/** Bull's own "exponential" waits (2^n - 1) × delay: the queue uses libs/client's backoff instead. */
const BACKOFF = 'hub-backoff';
/** Failed jobs Bull keeps for inspection. */
const KEEP_FAILED = 1000;

/**
 * Bull on Redis: jobs survive a restart and are shared by every process of the installation.
 * With lanes, lane i is the Bull queue `<name>-<i>` worked one job at a time; a failed job waits
 * its backoff in place and goes back at the head of its lane ("lifo"), so it runs again before
 * the jobs queued after it. With plain concurrency, one Bull queue `<name>` and Bull's delayed
 * retries. A job failing for good is reported here and finished, so Bull does not retry it.
 */
export class BullJobQueue<T> implements JobQueue<T> {
  private readonly queues: Queue.Queue<T>[];
  private readonly stopping = new AbortController();
  private readonly logger: Logger;
  /** Jobs that failed for good in this process. */
  private failed = 0;

  constructor(
    private readonly options: JobQueueOptions<T>,
    redisUrl: string,
    prefix: string,
  ) {
    const { name, order, retry } = options;
    this.logger = new Logger(`Queue ${name}`);
    const settings = { backoffStrategies: { [BACKOFF]: (made: number) => retryWait(retry, made) } };
    this.queues = isLanes(order)
      ? Array.from(
          { length: order.lanes },
          (_, i) => new Queue<T>(`${name}-${i}`, redisUrl, { prefix }),
        )
      : [new Queue<T>(name, redisUrl, { prefix, settings })];
  }

  async add(job: T): Promise<void> {
    const { order, retry } = this.options;
    const queue = this.queues[isLanes(order) ? laneOf(order.keyOf(job), order.lanes) : 0];
    await queue.add(job, {
      attempts: retry.attempts,
      // Lanes wait in place (see `retry`); Bull's delayed retries would requeue at the tail.
      ...(retry.backoff && !isLanes(order) ? { backoff: { type: BACKOFF } } : {}),
      removeOnComplete: true,
      removeOnFail: KEEP_FAILED,
    });
  }

  process(handlers: JobHandlers<T>): void {
    const { order } = this.options;
    const concurrency = isLanes(order) ? 1 : order.concurrency;
    for (const queue of this.queues) {
      void queue.process(concurrency, async (job) => {
        try {
          await handlers.run(job.data);
        } catch (thrown) {
          const error = asError(thrown);
          const attempt = job.attemptsMade + 1;
          if (!isFinalFailure(this.options.retry, attempt, error)) {
            if (isLanes(order)) await this.retryInPlace(job, attempt);
            throw error;
          }
          this.failed++;
          await reportFailure(this.logger, handlers, job.data, error);
        }
      });
    }
  }

  async counts(): Promise<JobCounts> {
    const all = await Promise.all(this.queues.map((q) => q.getJobCounts()));
    return all.reduce<JobCounts>(
      (sum, c) => ({
        waiting: sum.waiting + c.waiting,
        active: sum.active + c.active,
        delayed: sum.delayed + c.delayed,
      }),
      { waiting: 0, active: 0, delayed: 0 },
    );
  }

  async depth(): Promise<number> {
    return depthOf(await this.counts());
  }

  async stats(): Promise<QueueStats> {
    // Per queue: both ends of the wait list (new jobs at one, jobs retried in place at the
    // other), the running jobs and the first retries due: the oldest unfinished job is among them.
    const candidates = await Promise.all(
      this.queues.map(async (q) => {
        const waiting = await q.getWaitingCount();
        const ends =
          waiting > 0
            ? [...(await q.getWaiting(0, 0)), ...(await q.getWaiting(waiting - 1, waiting - 1))]
            : [];
        return [...ends, ...(await q.getActive()), ...(await q.getDelayed(0, 99))];
      }),
    );
    const stamps = candidates.flat().map((job) => job.timestamp);
    const oldest = stamps.length > 0 ? Math.min(...stamps) : undefined;
    return { depth: await this.depth(), oldestAgeSeconds: ageSeconds(oldest), failed: this.failed };
  }

  async idle(): Promise<void> {
    while (!this.stopping.signal.aborted && (await this.depth()) > 0) await sleep(50);
  }

  async close(): Promise<void> {
    // A job waiting in place for its retry gives up waiting: it stays first in its lane.
    this.stopping.abort();
    await Promise.all(this.queues.map((q) => q.close()));
  }

  /**
   * Waits the retry's backoff while still holding the lane, then asks Bull to requeue the job
   * with RPUSH ("lifo"), i.e. at the head of the wait list: it goes again before the jobs of its
   * key queued after it.
   */
  private async retryInPlace(job: Queue.Job<T>, attempt: number): Promise<void> {
    await sleep(retryWait(this.options.retry, attempt), this.stopping.signal);
    job.opts.lifo = true;
  }
}
