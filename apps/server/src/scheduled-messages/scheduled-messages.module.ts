import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { MessagesModule } from '../messages/messages.module';
import { StreamsModule } from '../streams/streams.module';
import { ScheduledMessagesController } from './scheduled-messages.controller';
import { ScheduledMessagesRepository } from './scheduled-messages.repository';
import { ScheduledMessagesSender } from './scheduled-messages.sender';
import { ScheduledMessagesService } from './scheduled-messages.service';

/** `/scheduled_messages`: messages kept until their time, then sent by ScheduledMessagesSender. */
@Module({
  imports: [IdentityModule, EventPublisherModule, StreamsModule, MessagesModule],
  controllers: [ScheduledMessagesController],
  providers: [ScheduledMessagesRepository, ScheduledMessagesService, ScheduledMessagesSender],
  exports: [ScheduledMessagesRepository, ScheduledMessagesSender],
})
export class ScheduledMessagesModule {}
