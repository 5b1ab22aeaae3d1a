import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { LinkifiersModule } from '../linkifiers/linkifiers.module';
import { MessagesModule } from '../messages/messages.module';
import { EventsController } from './events.controller';
import { MessageEventBridge } from './message-event-bridge';
import { MessageEventRepository } from './message-event.repository';
import { PresenceModule } from './presence/presence.module';
import { EventQueuesModule } from './queues/event-queues.module';
import { RegistrationModule } from './registration/registration.module';

/**
 * Real-time events: the queue machinery (`queues/`), registration and initial state
 * (`registration/`), typing and presence (`presence/`), and the HTTP face of register/poll.
 */
@Module({
  imports: [
    EventQueuesModule,
    RegistrationModule,
    PresenceModule,
    EventPublisherModule,
    MessagesModule,
    LinkifiersModule,
  ],
  controllers: [EventsController],
  providers: [MessageEventRepository, MessageEventBridge],
})
export class EventsModule {}
