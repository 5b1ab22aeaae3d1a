import { Module } from '@nestjs/common';
import { BotStorageController } from './bot-storage.controller';
import { BotStorageRepository } from './bot-storage.repository';
import { BotStorageService } from './bot-storage.service';

@Module({
  controllers: [BotStorageController],
  providers: [BotStorageRepository, BotStorageService],
  exports: [BotStorageService],
})
export class BotStorageModule {}
