import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { Params } from '../common/params';
import { CurrentUser } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { AlertWordsDto } from './dto/alert-words.dto';
import { AlertWordsService } from './alert-words.service';

@Controller('api/v1/users/me/alert_words')
export class AlertWordsController {
  constructor(private readonly alertWords: AlertWordsService) {}

  @Get()
  async list(@CurrentUser() user: User) {
    return { alert_words: await this.alertWords.list(user) };
  }

  @Post()
  @HttpCode(200)
  async add(@CurrentUser() user: User, @Params(AlertWordsDto) p: AlertWordsDto) {
    return { alert_words: await this.alertWords.add(user, p.alert_words) };
  }

  @Delete()
  async remove(@CurrentUser() user: User, @Params(AlertWordsDto) p: AlertWordsDto) {
    return { alert_words: await this.alertWords.remove(user, p.alert_words) };
  }
}
