import { Logger } from '@nestjs/common';
import Queue from 'bull';
import { retryDelay, type BotRuntimeSettings } from './bot-runtime.settings';
import type { ServiceBotJob } from './service-bot.types';

/** A failure worth trying again (network error, timeout, 5xx); anything else is final at once. */
export class RetryableError extends Error {
  override name = 'RetryableError';
}

export interface BotJobHandlers {
  /** Runs one attempt; throwing a `RetryableError` asks for another attempt. */
  run(job: ServiceBotJob): Promise<void>;
  /** Runs once when the last attempt failed. */
  failed(job: ServiceBotJob, error: Error): Promise<void>;
}

/** The queue between a sent message and the service bots it triggers. */
export interface BotJobQueue {
  add(job: ServiceBotJob): Promise<void>;
  process(handlers: BotJobHandlers): void;
  /** Resolves when no job is waiting, running or scheduled for a retry (tests, shutdown). */
  idle(): Promise<void>;
  /** What monitoring reads: jobs not yet done, the oldest one's age, final failures here. */
  stats(): Promise<QueueStats>;
  close(): Promise<void>;
}

/** A job queue as monitoring sees it (`/metrics`, `manage check-queues`). */
export interface QueueStats {
  /** Jobs waiting, running or scheduled for a retry. */
  depth: number;
  /** Seconds since the oldest of those was queued; 0 when there is none. */
  oldestAgeSeconds: number;
  /** Jobs whose last attempt failed, since this process started. */
  failed: number;
}

const BACKOFF = 'hub-backoff';

const ageSeconds = (since: number | undefined): number =>
  since === undefined ? 0 : Math.max(0, (Date.now() - since) / 1000);

const describe = (error: unknown): Error =>
  error instanceof Error ? error : new Error(String(error));

/** Bull on Redis: events survive a restart and are shared between server processes. */
export class BullBotJobQueue implements BotJobQueue {
  private readonly queue: Queue.Queue<ServiceBotJob>;
  private readonly logger = new Logger('ServiceBots');
  private failed = 0;

  constructor(
    redisUrl: string,
    private readonly settings: BotRuntimeSettings,
    prefix: string,
  ) {
    this.queue = new Queue<ServiceBotJob>('service-bots', redisUrl, {
      prefix,
      // Bull's own "exponential" waits (2^n - 1) × delay: use the memory queue's backoff instead.
      settings: {
        backoffStrategies: { [BACKOFF]: (attemptsMade) => retryDelay(settings, attemptsMade) },
      },
    });
  }

  async add(job: ServiceBotJob): Promise<void> {
    await this.queue.add(job, {
      attempts: this.settings.attempts,
      backoff: { type: BACKOFF },
      removeOnComplete: true,
      removeOnFail: 1000,
    });
  }

  process(handlers: BotJobHandlers): void {
    void this.queue.process(8, async (job) => {
      try {
        await handlers.run(job.data);
      } catch (error) {
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        if (error instanceof RetryableError && !finalAttempt) throw error;
        this.failed++;
        // Final: report it here and finish the job, so Bull does not retry it.
        await handlers.failed(job.data, describe(error)).catch((failure: unknown) => {
          this.logger.error(`Reporting a failed bot event failed: ${describe(failure).message}`);
        });
      }
    });
  }

  async idle(): Promise<void> {
    for (;;) {
      const counts = await this.queue.getJobCounts();
      if (counts.waiting + counts.active + counts.delayed === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stats(): Promise<QueueStats> {
    const counts = await this.queue.getJobCounts();
    const depth = counts.waiting + counts.active + counts.delayed;
    // The wait list's two ends (new jobs at one, retried ones at the other), the running jobs and
    // the first retries due: the oldest job not done is among them.
    const ends =
      counts.waiting > 0
        ? [
            ...(await this.queue.getWaiting(0, 0)),
            ...(await this.queue.getWaiting(counts.waiting - 1, counts.waiting - 1)),
          ]
        : [];
    const jobs = [
      ...ends,
      ...(await this.queue.getActive()),
      ...(await this.queue.getDelayed(0, 99)),
    ];
    const oldest = jobs.length > 0 ? Math.min(...jobs.map((j) => j.timestamp)) : undefined;
    return { depth, oldestAgeSeconds: ageSeconds(oldest), failed: this.failed };
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}

/** In-process queue for the single-process default (REDIS_URL unset): not durable. */
export class MemoryBotJobQueue implements BotJobQueue {
  private handlers?: BotJobHandlers;
  private readonly waiting: ServiceBotJob[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = 0;
  private closed = false;
  private readonly idleWaiters: Array<() => void> = [];
  private readonly logger = new Logger('ServiceBots');
  /** When each job not yet done was queued. */
  private readonly queuedAt = new Map<ServiceBotJob, number>();
  private failed = 0;

  constructor(private readonly settings: BotRuntimeSettings) {}

  async add(job: ServiceBotJob): Promise<void> {
    if (this.closed) return;
    this.queuedAt.set(job, Date.now());
    this.waiting.push(job);
    this.pump();
  }

  process(handlers: BotJobHandlers): void {
    this.handlers = handlers;
    this.pump();
  }

  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.waiting.length = 0;
    this.queuedAt.clear();
    this.settle();
  }

  async stats(): Promise<QueueStats> {
    let oldest: number | undefined;
    for (const at of this.queuedAt.values()) oldest = Math.min(oldest ?? at, at);
    return { depth: this.queuedAt.size, oldestAgeSeconds: ageSeconds(oldest), failed: this.failed };
  }

  private pump(): void {
    const handlers = this.handlers;
    if (!handlers) return;
    for (let job = this.waiting.shift(); job; job = this.waiting.shift()) {
      void this.attempt(handlers, job, 1);
    }
  }

  private async attempt(
    handlers: BotJobHandlers,
    job: ServiceBotJob,
    attempt: number,
  ): Promise<void> {
    this.running++;
    let retrying = false;
    try {
      await handlers.run(job);
    } catch (error) {
      if (error instanceof RetryableError && attempt < this.settings.attempts && !this.closed) {
        const timer = setTimeout(
          () => {
            this.timers.delete(timer);
            void this.attempt(handlers, job, attempt + 1);
          },
          retryDelay(this.settings, attempt),
        );
        this.timers.add(timer);
        retrying = true;
      } else if (this.closed) {
        this.logger.warn(`Dropped a bot event at shutdown: ${describe(error).message}`);
      } else {
        this.failed++;
        await handlers.failed(job, describe(error)).catch((failure: unknown) => {
          this.logger.error(`Reporting a failed bot event failed: ${describe(failure).message}`);
        });
      }
    } finally {
      if (!retrying) this.queuedAt.delete(job);
      this.running--;
      this.settle();
    }
  }

  private isIdle(): boolean {
    return this.running === 0 && this.timers.size === 0 && this.waiting.length === 0;
  }

  private settle(): void {
    if (!this.isIdle() && !this.closed) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
