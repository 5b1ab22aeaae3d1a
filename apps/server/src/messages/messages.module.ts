import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EmojiModule } from '../emoji/emoji.module';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { LinkifiersModule } from '../linkifiers/linkifiers.module';
import { StreamsModule } from '../streams/streams.module';
import { UploadsModule } from '../uploads/uploads.module';
import { UsersModule } from '../users/users.module';
import { ContentRenderer } from './content-renderer.service';
import { EditsRepository } from './edits.repository';
import { FlagsController } from './flags.controller';
import { FlagsRepository } from './flags.repository';
import { FlagsService } from './flags.service';
import { MessageEditService } from './message-edit.service';
import { MessageAnnouncer } from './message-announcer';
import { MessageFetchService } from './message-fetch.service';
import { MessageSendService } from './message-send.service';
import { MessagesFastPath } from './messages-fast-path';
import { MessageSendRoute } from './send-route';
import { MessagesController } from './messages.controller';
import { MessagesRepository } from './messages.repository';
import { MirrorUsers } from './mirror-users';
import { ReactionsRepository } from './reactions.repository';
import { RenderReferencesRepository } from './render-references.repository';
import { ReactionsService } from './reactions.service';
import { ReadReceiptsController } from './read-receipts.controller';
import { ReadReceiptsRepository } from './read-receipts.repository';
import { ReadReceiptsService } from './read-receipts.service';
import { TopicsController } from './topics.controller';
import { TopicsRepository } from './topics.repository';
import { TopicsService } from './topics.service';
import { MetricsModule } from '../metrics/metrics.module';

/** Sending, fetching (and the history fast path), searching, editing, flags and reactions. */
@Module({
  imports: [
    AuthModule,
    IdentityModule,
    EventPublisherModule,
    UsersModule,
    StreamsModule,
    LinkifiersModule,
    UploadsModule,
    MetricsModule,
    EmojiModule,
  ],
  controllers: [MessagesController, FlagsController, TopicsController, ReadReceiptsController],
  providers: [
    MessagesRepository,
    FlagsRepository,
    EditsRepository,
    ReactionsRepository,
    RenderReferencesRepository,
    ContentRenderer,
    MirrorUsers,
    MessageSendService,
    MessageFetchService,
    MessagesFastPath,
    MessageSendRoute,
    MessageEditService,
    FlagsService,
    ReactionsService,
    MessageAnnouncer,
    TopicsRepository,
    TopicsService,
    ReadReceiptsRepository,
    ReadReceiptsService,
  ],
  exports: [
    MessageSendService,
    MessageFetchService,
    MessageEditService,
    ReactionsService,
    FlagsService,
    MessageAnnouncer,
    ContentRenderer,
  ],
})
export class MessagesModule {}
