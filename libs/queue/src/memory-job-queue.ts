import { Logger } from '@nestjs/common';
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

interface Entry<T> {
  job: T;
  /** The attempt about to run (1 for the first). */
  attempt: number;
  /** When it was added (ms since epoch). */
  queuedAt: number;
}

/**
 * In-process queue for the single-process default (REDIS_URL unset): not durable across restarts.
 * With lanes, each lane has one runner that keeps a failed job until it succeeds or fails for good;
 * with plain concurrency, one shared line feeds up to `concurrency` runners and a retry waits on a
 * timer, off the pool.
 */
export class MemoryJobQueue<T> implements JobQueue<T> {
  private readonly lines: Entry<T>[][];
  /** Runners per line: 1 per lane, or `concurrency` for the one shared line. */
  private readonly runnersPerLine: number;
  private readonly runners: number[];
  private readonly tally: JobCounts = { waiting: 0, active: 0, delayed: 0 };
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly stopped = new AbortController();
  private readonly idleWaiters: Array<() => void> = [];
  private readonly logger: Logger;
  private handlers?: JobHandlers<T>;
  /** Jobs added and not finished, for `stats()`. */
  private readonly pending = new Set<Entry<T>>();
  private failed = 0;

  constructor(private readonly options: JobQueueOptions<T>) {
    const { order } = options;
    this.lines = Array.from({ length: isLanes(order) ? order.lanes : 1 }, () => []);
    this.runnersPerLine = isLanes(order) ? 1 : order.concurrency;
    this.runners = this.lines.map(() => 0);
    this.logger = new Logger(`Queue ${options.name}`);
  }

  private get closed(): boolean {
    return this.stopped.signal.aborted;
  }

  async add(job: T): Promise<void> {
    if (this.closed) return;
    const { order } = this.options;
    const line = isLanes(order) ? laneOf(order.keyOf(job), order.lanes) : 0;
    const entry = { job, attempt: 1, queuedAt: Date.now() };
    this.pending.add(entry);
    this.lines[line].push(entry);
    this.tally.waiting++;
    this.pump(line);
  }

  process(handlers: JobHandlers<T>): void {
    this.handlers = handlers;
    this.lines.forEach((_, line) => this.pump(line));
  }

  async counts(): Promise<JobCounts> {
    return { ...this.tally };
  }

  async depth(): Promise<number> {
    return depthOf(this.tally);
  }

  async stats(): Promise<QueueStats> {
    let oldest: number | undefined;
    for (const entry of this.pending) oldest = Math.min(oldest ?? entry.queuedAt, entry.queuedAt);
    return {
      depth: depthOf(this.tally),
      oldestAgeSeconds: ageSeconds(oldest),
      failed: this.failed,
    };
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.stopped.abort();
    for (const timer of this.timers) clearTimeout(timer);
    this.tally.delayed -= this.timers.size;
    this.timers.clear();
    this.pending.clear();
    for (const line of this.lines) {
      this.tally.waiting -= line.length;
      line.length = 0;
    }
    this.settle();
  }

  private pump(line: number): void {
    const handlers = this.handlers;
    if (!handlers) return;
    while (
      !this.closed &&
      this.runners[line] < this.runnersPerLine &&
      this.lines[line].length > 0
    ) {
      this.runners[line]++;
      void this.runLine(handlers, line).finally(() => {
        this.runners[line]--;
        this.settle();
      });
    }
  }

  /** One runner: takes the line's jobs one by one until the line is empty. */
  private async runLine(handlers: JobHandlers<T>, line: number): Promise<void> {
    const lanes = isLanes(this.options.order);
    for (let entry = this.lines[line].shift(); entry; entry = this.lines[line].shift()) {
      this.tally.waiting--;
      for (;;) {
        const retryIn = await this.attempt(handlers, entry);
        if (retryIn === null) {
          this.pending.delete(entry);
          break;
        }
        entry.attempt++;
        if (!lanes) {
          this.retryLater(line, entry, retryIn);
          break;
        }
        // Retried in place: the lane waits, so no later job of the key overtakes this one.
        this.tally.delayed++;
        await sleep(retryIn, this.stopped.signal);
        this.tally.delayed--;
        if (this.closed) return;
      }
      if (this.closed) return;
    }
  }

  /** Runs one attempt; answers the wait before the next one, or null when the job is done. */
  private async attempt(handlers: JobHandlers<T>, entry: Entry<T>): Promise<number | null> {
    this.tally.active++;
    try {
      await handlers.run(entry.job);
      return null;
    } catch (thrown) {
      const error = asError(thrown);
      if (this.closed) {
        this.logger.warn(`Dropped a job at shutdown: ${error.message}`);
      } else if (!isFinalFailure(this.options.retry, entry.attempt, error)) {
        return retryWait(this.options.retry, entry.attempt);
      } else {
        this.failed++;
        await reportFailure(this.logger, handlers, entry.job, error);
      }
      return null;
    } finally {
      this.tally.active--;
    }
  }

  private retryLater(line: number, entry: Entry<T>, ms: number): void {
    this.tally.delayed++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.tally.delayed--;
      this.lines[line].unshift(entry);
      this.tally.waiting++;
      this.pump(line);
    }, ms);
    this.timers.add(timer);
  }

  private isIdle(): boolean {
    return depthOf(this.tally) === 0 && this.runners.every((n) => n === 0);
  }

  private settle(): void {
    if (!this.isIdle() && !this.closed) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
