import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '@hub/config';

/** The shared Redis connection, or `null` in single-process mode (REDIS_URL unset). */
export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig): Promise<Redis | null> => {
        const logger = new Logger('Redis');
        if (!config.redisUrl) {
          logger.warn(
            'REDIS_URL is not set: queues, events and rate limits stay in this process (single-process mode, not durable)',
          );
          return null;
        }
        // Auto-pipelining sends every command issued in one tick in one write: a busy stream's
        // readers poll (rate limit + queue read) by the thousand per second.
        const redis = new Redis(config.redisUrl, {
          lazyConnect: true,
          maxRetriesPerRequest: 3,
          enableAutoPipelining: true,
        });
        await redis.connect();
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit().catch(() => undefined);
  }
}
