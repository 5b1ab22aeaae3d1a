import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { PlaygroundsController } from './playgrounds.controller';
import { PlaygroundsRepository } from './playgrounds.repository';
import { PlaygroundsService } from './playgrounds.service';

/** `/realm/playgrounds`: where the web client offers to run a code block. */
@Module({
  imports: [IdentityModule, EventPublisherModule],
  controllers: [PlaygroundsController],
  providers: [PlaygroundsRepository, PlaygroundsService],
  exports: [PlaygroundsService],
})
export class PlaygroundsModule {}
