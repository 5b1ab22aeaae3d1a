import { Logger } from '@nestjs/common';
import { backoffDelay } from '@hub/client/backoff';
import { isUnreachable } from './bot-directory';
import type { DeliveryJob } from './delivery-job';
import type { DeliveryObserver } from './delivery-recorder';
import type { OnceStore } from './once-store';
import type { ServerApi } from './server-api';

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  /** A job still undeliverable after this long is dropped (logged, counted). */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  baseMs: 500,
  maxMs: 30_000,
  giveUpAfterMs: 24 * 60 * 60 * 1000,
};

export interface DeliveryStats {
  delivered: number;
  dropped: number;
  retries: number;
  lastDeliveredAt: number | null;
}

/**
 * Posts queued messages as their bot. While the server is unreachable (network errors, 5xx, 429)
 * it retries the same job with jittered exponential backoff, so later jobs of the same topic wait
 * their turn; an answer that will never change (bad key, bad request) is logged and dropped.
 */
export class DeliveryWorker {
  readonly stats: DeliveryStats = { delivered: 0, dropped: 0, retries: 0, lastDeliveredAt: null };
  private readonly logger = new Logger('Delivery');
  private stopped = false;
  /** Wakes the retry loops' backoff sleeps when the worker stops. */
  private readonly wakeOnStop = new Set<() => void>();

  constructor(
    private readonly api: ServerApi,
    private readonly once: OnceStore,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    /** Told each job's outcome (the delivery history). */
    private readonly observer?: DeliveryObserver,
  ) {}

  /**
   * Stops retrying: a job waiting for the server fails at once (the Bull queue puts it back at the
   * head of its shard for the next gateway process) instead of holding up the shutdown.
   */
  stop(): void {
    this.stopped = true;
    for (const wake of this.wakeOnStop) wake();
    this.wakeOnStop.clear();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.wakeOnStop.delete(wake);
        resolve();
      }, ms);
      this.wakeOnStop.add(wake);
    });
  }

  readonly handle = async (job: DeliveryJob): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        const messageId = await this.api.send(job.host, job.botEmail, job.botApiKey, job);
        this.observer?.delivered(job, typeof messageId === 'number' ? messageId : null);
        this.stats.delivered++;
        this.stats.lastDeliveredAt = Date.now();
        return;
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        if (code === 'STREAM_DOES_NOT_EXIST' || isBadStreamId(err)) return this.streamMissing(job);
        const retryAfter = retryAfterMs(err);
        if (!isUnreachable(err) && retryAfter === null) {
          this.stats.dropped++;
          this.logger.error(
            `Dropped ${job.integration} message for ${job.botEmail}: ${(err as Error).message}`,
          );
          this.observer?.failed(job, (err as Error).message);
          return;
        }
        if (this.stopped) throw err;
        if (Date.now() - job.acceptedAt > this.retry.giveUpAfterMs) {
          this.stats.dropped++;
          this.logger.error(
            `Gave up on a ${job.integration} message for ${job.botEmail} after ${attempt + 1} attempts`,
          );
          this.observer?.failed(
            job,
            `Gave up after ${attempt + 1} attempts: ${(err as Error).message}`,
          );
          return;
        }
        this.stats.retries++;
        if (attempt === 0) this.observer?.retrying(job, (err as Error).message);
        const wait =
          retryAfter ??
          backoffDelay(attempt + 1, { baseMs: this.retry.baseMs, capMs: this.retry.maxMs });
        if (attempt === 0 || attempt % 10 === 0) {
          this.logger.warn(
            `Server unreachable (${(err as Error).message}); retrying in ${Math.round(wait)} ms`,
          );
        }
        await this.pause(wait);
        if (this.stopped) throw err;
      }
    }
  };

  /** Tells the bot's owner (at most once a minute per bot and stream) instead of posting. */
  private async streamMissing(job: DeliveryJob): Promise<void> {
    if (job.stream !== null) this.observer?.failed(job, `Channel ${job.stream} does not exist`);
    if (job.ownerId === null || job.stream === null) return;
    if (!(await this.once.claim(`notice:${job.botEmail}:stream:${job.stream}`, 60))) return;
    const streamRef = /^\d+$/.test(job.stream) ? `with ID ${job.stream}` : `#**${job.stream}**`;
    const content = `Your bot \`${job.botEmail}\` tried to send a message to channel ${streamRef}, but that channel does not exist. Create it, or change the \`stream\` parameter of the ${job.integration} webhook URL.`;
    await this.handle({
      ...job,
      stream: null,
      dmTo: [job.ownerId],
      topic: '',
      content,
      ownerId: null,
      deliveryId: undefined,
    });
  }
}

function isBadStreamId(err: unknown): boolean {
  return err instanceof Error && /invalid channel id|invalid stream id/i.test(err.message);
}

function retryAfterMs(err: unknown): number | null {
  if ((err as { status?: unknown }).status !== 429) return null;
  const seconds = (err as { retryAfter?: unknown }).retryAfter;
  return typeof seconds === 'number' ? seconds * 1000 : 1000;
}
