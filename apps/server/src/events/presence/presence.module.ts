import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../../event-publisher/event-publisher.module';
import { MessagesModule } from '../../messages/messages.module';
import { UsersModule } from '../../users/users.module';
import { PresenceController } from './presence.controller';
import { PresenceRepository } from './presence.repository';
import { PresenceService } from './presence.service';
import { TypingService } from './typing.service';
import { UserStatusRepository } from './user-status.repository';
import { UserStatusService } from './user-status.service';

/**
 * `POST /typing`, presence (`POST /users/me/presence`, `GET /realm/presence`,
 * `GET /users/{user_id_or_email}/presence`) and user status (`POST /users/me/status`,
 * `GET /users/{user_id}/status`).
 */
@Module({
  imports: [EventPublisherModule, UsersModule, MessagesModule],
  controllers: [PresenceController],
  providers: [
    PresenceRepository,
    PresenceService,
    TypingService,
    UserStatusRepository,
    UserStatusService,
  ],
  exports: [PresenceService, UserStatusService],
})
export class PresenceModule {}
