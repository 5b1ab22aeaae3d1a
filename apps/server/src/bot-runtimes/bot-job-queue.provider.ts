import type { Provider } from '@nestjs/common';
import { installationId, type AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { BullBotJobQueue, MemoryBotJobQueue, type BotJobQueue } from './bot-job-queue';
import { BOT_RUNTIME_SETTINGS, type BotRuntimeSettings } from './bot-runtime.settings';

export const BOT_JOB_QUEUE = Symbol('BOT_JOB_QUEUE');

/**
 * Jobs name rows of one database: servers sharing that database share the queue, and two
 * installations sharing one Redis never take each other's jobs.
 */
export function queuePrefix(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): string {
  return `zulip-hub:${installationId(config)}`;
}

/** Bull on Redis when REDIS_URL is set; an in-process queue otherwise. */
export const botJobQueueProvider: Provider = {
  provide: BOT_JOB_QUEUE,
  inject: [APP_CONFIG, BOT_RUNTIME_SETTINGS],
  useFactory: (config: AppConfig, settings: BotRuntimeSettings): BotJobQueue =>
    config.redisUrl
      ? new BullBotJobQueue(config.redisUrl, settings, queuePrefix(config))
      : new MemoryBotJobQueue(settings),
};
