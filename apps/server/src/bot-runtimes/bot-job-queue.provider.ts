import type { Provider } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { createBotJobQueue, type BotJobQueue } from './bot-job-queue';
import { BOT_RUNTIME_SETTINGS, type BotRuntimeSettings } from './bot-runtime.settings';

export const BOT_JOB_QUEUE = Symbol('BOT_JOB_QUEUE');

/**
 * Bull on Redis when REDIS_URL is set; an in-process queue otherwise. Jobs name rows of one
 * database, so the queue lives in the installation's Redis namespace: servers sharing that
 * database share it, and installations sharing one Redis never take each other's jobs.
 */
export const botJobQueueProvider: Provider = {
  provide: BOT_JOB_QUEUE,
  inject: [APP_CONFIG, BOT_RUNTIME_SETTINGS],
  useFactory: (config: AppConfig, settings: BotRuntimeSettings): BotJobQueue =>
    createBotJobQueue({ redisUrl: config.redisUrl, prefix: config.redisNamespace }, settings),
};
