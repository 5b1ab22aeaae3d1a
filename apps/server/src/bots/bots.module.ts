import { Module } from '@nestjs/common';
import { EventPublisherModule } from '../event-publisher/event-publisher.module';
import { IdentityModule } from '../identity/identity.module';
import { UsersModule } from '../users/users.module';
import { BotsController } from './bots.controller';
import { BotsRepository } from './bots.repository';
import { BotsService } from './bots.service';

@Module({
  imports: [IdentityModule, EventPublisherModule, UsersModule],
  controllers: [BotsController],
  providers: [BotsRepository, BotsService],
  exports: [BotsService],
})
export class BotsModule {}
