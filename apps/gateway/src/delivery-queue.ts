import { Logger } from '@nestjs/common';
import Queue from 'bull';
import { DeliveryJob, shardOf } from './delivery-job';

export type JobHandler = (job: DeliveryJob) => Promise<void>;

/**
 * The queue between accepting a webhook and posting its message. Each shard is processed one job
 * at a time, so messages of one topic keep their order; a handler that cannot reach the server
 * keeps retrying the same job rather than letting later jobs overtake it.
 */
export interface DeliveryQueue {
  add(job: DeliveryJob): Promise<void>;
  process(handler: JobHandler): void;
  /** Jobs accepted and not yet delivered. */
  depth(): Promise<number>;
  /** When the oldest job not yet delivered was accepted (ms since epoch); null when none. */
  oldestAcceptedAt(): Promise<number | null>;
  close(): Promise<void>;
}

/**
 * Shards delivered in parallel (each one job at a time, so a topic keeps its order). One
 * POST /messages takes tens of milliseconds, so with 4 shards `bench/webhooks.bench.ts` (200
 * webhooks/s over 12 topics) landed only 744 of 2000 messages within a minute; 16 landed all.
 */
export const SHARDS = 16;
/** Bull retries a failed job (a worker stopping mid-retry fails it) this many times. */
const MAX_ATTEMPTS = 1000;

/** Bull on Redis: accepted jobs survive a gateway or server restart. */
export class BullDeliveryQueue implements DeliveryQueue {
  private readonly queues: Queue.Queue<DeliveryJob>[];

  constructor(redisUrl: string, prefix: string) {
    this.queues = Array.from(
      { length: SHARDS },
      (_, i) => new Queue<DeliveryJob>(`webhook-delivery-${i}`, redisUrl, { prefix }),
    );
  }

  async add(job: DeliveryJob): Promise<void> {
    await this.queues[shardOf(job, SHARDS)].add(job, {
      attempts: MAX_ATTEMPTS,
      removeOnComplete: true,
      removeOnFail: 1000,
    });
  }

  process(handler: JobHandler): void {
    for (const queue of this.queues) {
      void queue.process(1, async (job) => {
        try {
          await handler(job.data);
        } catch (err) {
          // Bull requeues a retried job with RPUSH when it is "lifo", i.e. at the head of the
          // wait list: it goes again before the jobs of its topic queued after it.
          job.opts.lifo = true;
          throw err;
        }
      });
    }
  }

  async depth(): Promise<number> {
    const counts = await Promise.all(this.queues.map((q) => q.getJobCounts()));
    return counts.reduce((sum, c) => sum + c.waiting + c.active + c.delayed, 0);
  }

  async oldestAcceptedAt(): Promise<number | null> {
    // Per shard: the running job and both ends of the wait list (new jobs at one, retries at the
    // other); the oldest job not delivered is among them.
    const jobs = await Promise.all(
      this.queues.map(async (q) => {
        const waiting = await q.getWaitingCount();
        const ends =
          waiting > 0
            ? [...(await q.getWaiting(0, 0)), ...(await q.getWaiting(waiting - 1, waiting - 1))]
            : [];
        return [...ends, ...(await q.getActive()), ...(await q.getDelayed(0, 9))];
      }),
    );
    const accepted = jobs.flat().map((j) => j.data.acceptedAt);
    return accepted.length > 0 ? Math.min(...accepted) : null;
  }

  async close(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close()));
  }
}

/** In-process queue for the single-process default (REDIS_URL unset): not durable across restarts. */
export class MemoryDeliveryQueue implements DeliveryQueue {
  private readonly shards: DeliveryJob[][] = Array.from({ length: SHARDS }, () => []);
  private readonly running = new Set<number>();
  private handler?: JobHandler;
  private closed = false;
  private readonly logger = new Logger('DeliveryQueue');

  async add(job: DeliveryJob): Promise<void> {
    const shard = shardOf(job, SHARDS);
    this.shards[shard].push(job);
    this.drain(shard);
  }

  process(handler: JobHandler): void {
    this.handler = handler;
    this.shards.forEach((_, i) => this.drain(i));
  }

  async depth(): Promise<number> {
    return this.shards.reduce((sum, s) => sum + s.length, 0);
  }

  async oldestAcceptedAt(): Promise<number | null> {
    const heads = this.shards.filter((s) => s.length > 0).map((s) => s[0].acceptedAt);
    return heads.length > 0 ? Math.min(...heads) : null;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private drain(shard: number): void {
    const handler = this.handler;
    if (!handler || this.running.has(shard) || this.closed) return;
    this.running.add(shard);
    void (async () => {
      const jobs = this.shards[shard];
      while (jobs.length > 0 && !this.closed) {
        try {
          await handler(jobs[0]);
        } catch (err) {
          this.logger.error(`Delivery failed permanently: ${(err as Error).message}`);
        }
        jobs.shift();
      }
      this.running.delete(shard);
    })();
  }
}
