import { createJobQueue, type JobQueue, type QueueBackend } from '@hub/queue';
import { orderKey, type DeliveryJob } from './delivery-job';
import type { RetryPolicy } from './delivery-worker';
import { SealError, type QueueSealer } from './queue-key';

/**
 * The queue between accepting a webhook and posting its message. Each lane is processed one job
 * at a time, so messages of one topic keep their order; a handler that cannot reach the server
 * keeps retrying the same job rather than letting later jobs overtake it.
 */
export type DeliveryQueue = JobQueue<DeliveryJob>;

/** A job as the queue stores it: the bot's API key sealed (queue-key.ts), never in clear. */
type StoredJob = Omit<DeliveryJob, 'botApiKey'> & { botKeySealed: string };

/**
 * Lanes delivered in parallel (each one job at a time, so a topic keeps its order). One
 * POST /messages takes tens of milliseconds, so with 4 lanes `bench/webhooks.bench.ts` (200
 * webhooks/s over 12 topics) landed only 744 of 2000 messages within a minute; 16 landed all.
 */
export const SHARDS = 16;
/**
 * The worker retries an unreachable server itself; the queue retries a job whose handler threw
 * (the worker stopping mid-retry, so the next gateway process takes it up first) this many times.
 */
const MAX_ATTEMPTS = 1000;

/**
 * Bull on Redis when REDIS_URL is set (accepted jobs survive a gateway or server restart, in
 * lanes `webhook-delivery-<i>`); in-process otherwise (not durable across restarts). Either way
 * the bot's API key is sealed on the way in and opened only in the handler.
 */
export function createDeliveryQueue(
  backend: QueueBackend,
  retry: RetryPolicy,
  sealer: QueueSealer,
): DeliveryQueue {
  const stored = createJobQueue<StoredJob>(
    {
      name: 'webhook-delivery',
      order: { lanes: SHARDS, keyOf: orderKey },
      retry: {
        attempts: MAX_ATTEMPTS,
        backoff: { baseMs: retry.baseMs, capMs: retry.maxMs },
        // A key sealed by a gateway with another DATA_DIR key never opens here.
        retryable: (error) => !(error instanceof SealError),
      },
    },
    backend,
  );
  const open = ({ botKeySealed, ...job }: StoredJob): DeliveryJob => ({
    ...job,
    botApiKey: sealer.open(botKeySealed),
  });
  return {
    add: ({ botApiKey, ...job }) => stored.add({ ...job, botKeySealed: sealer.seal(botApiKey) }),
    process: ({ run, failed }) =>
      stored.process({
        run: (job) => run(open(job)),
        failed: failed && ((job, error) => failed(open(job), error)),
      }),
    counts: () => stored.counts(),
    depth: () => stored.depth(),
    stats: () => stored.stats(),
    idle: () => stored.idle(),
    close: () => stored.close(),
  };
}
