import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { LinkifiersController } from './linkifiers.controller';
import { LinkifiersRepository } from './linkifiers.repository';
import { LinkifiersService } from './linkifiers.service';

/** Realm filters (linkifiers); exports the service for the CLI, the repository for renderers. */
@Module({
  imports: [EventPublisherModule],
  controllers: [LinkifiersController],
  providers: [LinkifiersRepository, LinkifiersService],
  exports: [LinkifiersService, LinkifiersRepository],
})
export class LinkifiersModule {}
