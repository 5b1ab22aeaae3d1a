import { Module } from '@nestjs/common';
import { BotsController } from './bots.controller';
import { BotsRepository } from './bots.repository';
import { BotsService } from './bots.service';

@Module({
  controllers: [BotsController],
  providers: [BotsRepository, BotsService],
  exports: [BotsService],
})
export class BotsModule {}
