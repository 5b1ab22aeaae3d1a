import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { PresenceModule } from './presence/presence.module';
import { EventQueuesModule } from './queues/event-queues.module';
import { RegistrationModule } from './registration/registration.module';

/**
 * Real-time events: the queue machinery (`queues/`), registration and initial state
 * (`registration/`), typing and presence (`presence/`), and the HTTP face of register/poll.
 */
@Module({
  imports: [EventQueuesModule, RegistrationModule, PresenceModule],
  controllers: [EventsController],
})
export class EventsModule {}
