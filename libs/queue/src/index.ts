import { BullJobQueue } from './bull-job-queue';
import type { JobQueue, JobQueueOptions, QueueBackend } from './job-queue';
import { MemoryJobQueue } from './memory-job-queue';

export * from './job-queue';
export { BullJobQueue } from './bull-job-queue';
export { MemoryJobQueue } from './memory-job-queue';

/** The queue the configuration asks for: Bull on Redis when REDIS_URL is set, in-process otherwise. */
export function createJobQueue<T>(options: JobQueueOptions<T>, backend: QueueBackend): JobQueue<T> {
  return backend.redisUrl
    ? new BullJobQueue(options, backend.redisUrl, backend.prefix)
    : new MemoryJobQueue(options);
}
