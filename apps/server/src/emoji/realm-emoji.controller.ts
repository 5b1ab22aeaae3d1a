import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentUser } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { RealmEmojiService } from './realm-emoji.service';

@Controller('api/v1/realm/emoji')
export class RealmEmojiController {
  constructor(private readonly emoji: RealmEmojiService) {}

  @Get()
  async list(@CurrentUser() user: User) {
    return { emoji: await this.emoji.list(user.realm_id) };
  }

  @Post(':emoji_name')
  @HttpCode(200)
  async add(
    @CurrentUser() user: User,
    @Param('emoji_name') name: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    await this.emoji.add(user, name, req, res);
    return {};
  }

  @Delete(':emoji_name')
  async deactivate(@CurrentUser() user: User, @Param('emoji_name') name: string) {
    await this.emoji.deactivate(user, name);
    return {};
  }
}
