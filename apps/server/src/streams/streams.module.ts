import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { StreamEvents } from './stream-events';
import { StreamsController } from './streams.controller';
import { StreamsRepository } from './streams.repository';
import { StreamsService } from './streams.service';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';

/** Streams, subscriptions and default streams; exports the stream access rules. */
@Module({
  imports: [IdentityModule, EventPublisherModule],
  controllers: [StreamsController, SubscriptionsController],
  providers: [
    StreamsRepository,
    SubscriptionsRepository,
    StreamsService,
    SubscriptionsService,
    StreamEvents,
  ],
  exports: [StreamsService, SubscriptionsService],
})
export class StreamsModule {}
