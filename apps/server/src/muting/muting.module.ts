import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { StreamsModule } from '../streams/streams.module';
import { MutingController } from './muting.controller';
import { MutingRepository } from './muting.repository';
import { MutingService } from './muting.service';

/** Topic policies (`/user_topics`, legacy muted topics) and muted users. */
@Module({
  imports: [IdentityModule, EventPublisherModule, StreamsModule],
  controllers: [MutingController],
  providers: [MutingRepository, MutingService],
  exports: [MutingRepository],
})
export class MutingModule {}
