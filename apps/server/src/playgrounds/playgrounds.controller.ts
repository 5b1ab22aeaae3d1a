import { Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import { CurrentUser } from '../identity/identity.decorators';
import type { User } from '../identity/user.types';
import { CreatePlaygroundDto } from './dto/playgrounds.dto';
import { PlaygroundsService } from './playgrounds.service';

@Controller('api/v1/realm/playgrounds')
export class PlaygroundsController {
  constructor(private readonly playgrounds: PlaygroundsService) {}

  @Post()
  @HttpCode(200)
  async create(@CurrentUser() user: User, @Params(CreatePlaygroundDto) p: CreatePlaygroundDto) {
    return { id: await this.playgrounds.create(user, p) };
  }

  @Delete(':playground_id')
  async remove(@CurrentUser() user: User, @Param('playground_id') id: string) {
    if (!/^\d{1,9}$/.test(id)) throw ZulipError.badRequest('Invalid playground');
    await this.playgrounds.remove(user, Number(id));
    return {};
  }
}
