import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { StreamsModule } from '../streams/streams.module';
import { UserGroupsModule } from '../user-groups/user-groups.module';
import { RealmsController } from './realms.controller';
import { RealmsService } from './realms.service';

/** Creating realms, their settings and email domains. */
@Module({
  imports: [IdentityModule, EventPublisherModule, StreamsModule, UserGroupsModule],
  controllers: [RealmsController],
  providers: [RealmsService],
  exports: [RealmsService],
})
export class RealmsModule {}
