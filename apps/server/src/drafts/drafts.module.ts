import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { StreamsModule } from '../streams/streams.module';
import { DraftsController } from './drafts.controller';
import { DraftsRepository } from './drafts.repository';
import { DraftsService } from './drafts.service';

/** `/drafts`: drafts kept on the server and synchronized through `drafts` events. */
@Module({
  imports: [IdentityModule, EventPublisherModule, StreamsModule],
  controllers: [DraftsController],
  providers: [DraftsRepository, DraftsService],
  exports: [DraftsRepository],
})
export class DraftsModule {}
