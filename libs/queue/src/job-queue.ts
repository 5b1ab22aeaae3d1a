import { backoffDelay, type BackoffOptions } from '@hub/client/backoff';
import type { Logger } from '@nestjs/common';

/** What a queue runs for each job. */
export interface JobHandlers<T> {
  /** Runs one attempt; throwing asks for another one while the retry policy allows it. */
  run(job: T): Promise<void>;
  /** Runs once when a job failed for good (no attempt left, or a failure not worth retrying). */
  failed?(job: T, error: Error): Promise<void>;
}

/** How often and how late a failed job is tried again. */
export interface RetryPolicy {
  /** Attempts per job, the first included. */
  attempts: number;
  /** The wait before each retry (libs/client's one backoff); unset: retry at once. */
  backoff?: BackoffOptions;
  /** Whether a failure is worth another attempt; unset: every failure is. */
  retryable?: (error: Error) => boolean;
}

/**
 * Ordered lanes: a job's key picks one of `lanes` lanes, each lane runs one job at a time and a
 * failed job is retried in place, at the head of its lane, so no later job of its key overtakes it.
 */
export interface OrderedLanes<T> {
  lanes: number;
  keyOf(job: T): string;
}

/** Plain concurrency: up to `concurrency` jobs at once; a retry waits its backoff off the pool. */
export interface Concurrency {
  concurrency: number;
}

export interface JobQueueOptions<T> {
  /** The queue's name; with lanes, lane i is the Bull queue `<name>-<i>`. */
  name: string;
  order: OrderedLanes<T> | Concurrency;
  retry: RetryPolicy;
}

/** Where a queue keeps its jobs: Bull on Redis when `redisUrl` is set, the process otherwise. */
export interface QueueBackend {
  redisUrl: string | undefined;
  /** Prefix of the queue's Redis keys: the installation's REDIS_NAMESPACE (plus a scope). */
  prefix: string;
}

export interface JobCounts {
  /** Accepted, not started. */
  waiting: number;
  /** Running now. */
  active: number;
  /** Waiting for a retry. */
  delayed: number;
}

/** A job queue as monitoring sees it (`/metrics`, `manage check-queues`). */
export interface QueueStats {
  /** Jobs waiting, running or waiting for a retry. */
  depth: number;
  /** Seconds since the oldest of those was queued; 0 when there is none. */
  oldestAgeSeconds: number;
  /** Jobs whose last attempt failed, since this process started. */
  failed: number;
}

/** Seconds since `queuedAt` (ms since epoch), 0 without one. */
export const ageSeconds = (queuedAt: number | undefined): number =>
  queuedAt === undefined ? 0 : Math.max(0, (Date.now() - queuedAt) / 1000);

/** A named job queue: the one used for webhook delivery and service-bot events. */
export interface JobQueue<T> {
  add(job: T): Promise<void>;
  /** Starts working the queue (jobs added before wait for this). */
  process(handlers: JobHandlers<T>): void;
  counts(): Promise<JobCounts>;
  /** Jobs accepted and not yet finished: waiting, running or waiting for a retry. */
  depth(): Promise<number>;
  stats(): Promise<QueueStats>;
  /** Resolves when no job is waiting, running or scheduled for a retry (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops taking jobs: the in-process queue drops what it holds, Bull keeps it in Redis. */
  close(): Promise<void>;
}

export const isLanes = <T>(order: OrderedLanes<T> | Concurrency): order is OrderedLanes<T> =>
  'lanes' in order;

/** The lane (0 ≤ lane < `lanes`) of a key: FNV-1a, so a key always lands on the same lane. */
export function laneOf(key: string, lanes: number): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0) % lanes;
}

export const asError = (error: unknown): Error =>
  error instanceof Error ? error : new Error(String(error));

export const depthOf = (counts: JobCounts): number =>
  counts.waiting + counts.active + counts.delayed;

/** The wait before retry number `retry` (1 for the first). */
export const retryWait = (policy: RetryPolicy, retry: number): number =>
  policy.backoff ? backoffDelay(retry, policy.backoff) : 0;

/** Whether attempt number `attempt` (1 for the first) failing with `error` ends the job. */
export const isFinalFailure = (policy: RetryPolicy, attempt: number, error: Error): boolean =>
  attempt >= policy.attempts || !(policy.retryable?.(error) ?? true);

/** Hands a job that failed for good to `handlers.failed`, or logs it when there is none. */
export async function reportFailure<T>(
  logger: Pick<Logger, 'error'>,
  handlers: JobHandlers<T>,
  job: T,
  error: Error,
): Promise<void> {
  if (!handlers.failed) {
    logger.error(`A job failed for good: ${error.message}`);
    return;
  }
  await handlers.failed(job, error).catch((failure: unknown) => {
    logger.error(`Reporting a failed job failed: ${asError(failure).message}`);
  });
}
