import { createJobQueue, type JobHandlers, type JobQueue, type QueueBackend } from '@hub/queue';
import type { BotRuntimeSettings } from './bot-runtime.settings';
import type { ServiceBotJob } from './service-bot.types';

/** A failure worth trying again (network error, timeout, 5xx); anything else is final at once. */
export class RetryableError extends Error {
  override name = 'RetryableError';
}

/** `run` runs one attempt (a `RetryableError` asks for another); `failed` runs after the last. */
export type BotJobHandlers = Required<JobHandlers<ServiceBotJob>>;

/** The queue between a sent message and the service bots it triggers. */
export type BotJobQueue = JobQueue<ServiceBotJob>;

/** Bot events handled at once (outgoing webhooks mostly wait on the bot's server). */
const CONCURRENCY = 8;

/**
 * Bull on Redis (queue `service-bots`: events survive a restart and are shared between server
 * processes) or in-process (not durable). Retries wait `backoffMs`, doubled for each retry.
 */
export function createBotJobQueue(
  backend: QueueBackend,
  settings: BotRuntimeSettings,
): BotJobQueue {
  return createJobQueue<ServiceBotJob>(
    {
      name: 'service-bots',
      order: { concurrency: CONCURRENCY },
      // Read at each use, so changes to the settings object apply to the next job or retry.
      retry: {
        get attempts() {
          return settings.attempts;
        },
        get backoff() {
          return { baseMs: settings.backoffMs, capMs: Number.POSITIVE_INFINITY, jitter: false };
        },
        retryable: (error) => error instanceof RetryableError,
      },
    },
    backend,
  );
}
