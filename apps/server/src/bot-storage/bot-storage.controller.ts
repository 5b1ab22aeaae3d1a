import { Controller, Delete, Get, Put } from '@nestjs/common';
import { CurrentUser } from '../identity/identity.decorators';
import { Params } from '../common/params';
import type { User } from '../identity/user.types';
import { BotStorageService } from './bot-storage.service';
import { PutStorageDto, StorageKeysDto } from './dto/bot-storage.dto';

@Controller('api/v1/bot_storage')
export class BotStorageController {
  constructor(private readonly storage: BotStorageService) {}

  @Put()
  async put(@CurrentUser() bot: User, @Params(PutStorageDto) p: PutStorageDto) {
    await this.storage.put(bot, p.storage);
    return {};
  }

  @Get()
  async get(@CurrentUser() bot: User, @Params(StorageKeysDto) p: StorageKeysDto) {
    return { storage: await this.storage.get(bot, p.keys) };
  }

  @Delete()
  async remove(@CurrentUser() bot: User, @Params(StorageKeysDto) p: StorageKeysDto) {
    await this.storage.remove(bot, p.keys);
    return {};
  }
}
