import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../../event-publisher/event-publisher.module';
import { PresenceController } from './presence.controller';
import { PresenceRepository } from './presence.repository';
import { PresenceService } from './presence.service';
import { TypingService } from './typing.service';

/** `POST /typing`, `POST /users/me/presence`, `GET /realm/presence`. */
@Module({
  imports: [EventPublisherModule],
  controllers: [PresenceController],
  providers: [PresenceRepository, PresenceService, TypingService],
  exports: [PresenceService],
})
export class PresenceModule {}
