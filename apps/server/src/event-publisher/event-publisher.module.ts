import { Module } from '@nestjs/common';
import { AudienceRepository } from './audience.repository';
import { EventPublisher } from './event-publisher';

/** The ground-floor publisher every feature module announces its changes through. */
@Module({
  providers: [AudienceRepository, EventPublisher],
  exports: [AudienceRepository, EventPublisher],
})
export class EventPublisherModule {}
