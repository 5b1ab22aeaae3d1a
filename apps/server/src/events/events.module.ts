import { Logger, Module } from '@nestjs/common';
import { LinkifiersModule } from '../linkifiers/linkifiers.module';
import type { Redis } from 'ioredis';
import { installationId, type AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { REDIS } from '../redis/redis.module';
import { AudienceRepository } from './audience.repository';
import { EventsController } from './events.controller';
import { EventsGateway } from './events.gateway';
import { EventsService } from './events.service';
import { InitialStateRepository } from './initial-state.repository';
import { InitialStateService } from './initial-state.service';
import { ListenerRegistry } from './listener-registry';
import { LongPollFastPath } from './long-poll-fast-path';
import { MessageEventBridge } from './message-event-bridge';
import { MessageEventRepository } from './message-event.repository';
import { MessagesModule } from '../messages/messages.module';
import { MemoryQueueStore } from './memory-queue-store';
import { PresenceController } from './presence.controller';
import { PresenceService } from './presence.service';
import { QUEUE_STORE, QueueStore } from './queue-store';
import { RedisQueueStore } from './redis-queue-store';
import { RegisterService } from './register.service';
import { TypingService } from './typing.service';

/**
 * Keys are namespaced by the database the processes share, so deployments (or test servers)
 * sharing one Redis never see each other's queues.
 */
function redisPrefix(config: AppConfig): string {
  return `zh:ev:${installationId(config)}:`;
}

async function createQueueStore(config: AppConfig, redis: Redis | null): Promise<QueueStore> {
  const idleMs = config.eventQueueIdleTimeoutSeconds * 1000;
  if (!redis) return new MemoryQueueStore(idleMs, config.eventQueueMaxEvents);
  const store = new RedisQueueStore(redis, redisPrefix(config), idleMs, config.eventQueueMaxEvents);
  await store.start();
  new Logger('Events').log('Event queues live in Redis (shared by every server process)');
  return store;
}

/** Real-time events: queues, register, long-poll, WebSocket, typing and presence. */
@Module({
  imports: [MessagesModule, LinkifiersModule],
  controllers: [EventsController, PresenceController],
  providers: [
    { provide: QUEUE_STORE, inject: [APP_CONFIG, REDIS], useFactory: createQueueStore },
    ListenerRegistry,
    EventsService,
    InitialStateRepository,
    InitialStateService,
    RegisterService,
    AudienceRepository,
    TypingService,
    PresenceService,
    EventsGateway,
    MessageEventRepository,
    MessageEventBridge,
    LongPollFastPath,
  ],
  exports: [EventsService],
})
export class EventsModule {}
