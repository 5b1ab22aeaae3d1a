import { Logger, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@hub/config';
import { AuthModule } from '../../auth/auth.module';
import { APP_CONFIG } from '../../config/config.module';
import { EventPublisherModule } from '../../event-publisher/event-publisher.module';
import { MetricsModule } from '../../metrics/metrics.module';
import { REDIS } from '../../redis/redis.module';
import { SessionsModule } from '../../sessions/sessions.module';
import { EventsGateway } from './events.gateway';
import { EventsService } from './events.service';
import { ListenerRegistry } from './listener-registry';
import { LongPollFastPath } from './long-poll-fast-path';
import { MemoryQueueStore } from './memory-queue-store';
import { QUEUE_STORE, QueueStore } from './queue-store';
import { RedisQueueStore } from './redis-queue-store';

async function createQueueStore(config: AppConfig, redis: Redis | null): Promise<QueueStore> {
  const idleMs = config.eventQueueIdleTimeoutSeconds * 1000;
  if (!redis) return new MemoryQueueStore(idleMs, config.eventQueueMaxEvents);
  const store = new RedisQueueStore(
    redis,
    `${config.redisNamespace}:ev:`,
    idleMs,
    config.eventQueueMaxEvents,
  );
  await store.start();
  new Logger('Events').log('Event queues live in Redis (shared by every server process)');
  return store;
}

/**
 * The queue machinery: stores (memory or Redis), the listener registry, long-poll (including the
 * fast path in front of Express) and the event socket. Attaches itself as the EventPublisher's sink.
 */
@Module({
  imports: [AuthModule, EventPublisherModule, SessionsModule, MetricsModule],
  providers: [
    { provide: QUEUE_STORE, inject: [APP_CONFIG, REDIS], useFactory: createQueueStore },
    ListenerRegistry,
    EventsService,
    EventsGateway,
    LongPollFastPath,
  ],
  exports: [EventsService],
})
export class EventQueuesModule {}
