import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { CurrentRealm, CurrentUser } from '../../identity/identity.decorators';
import { Params, ParamsRequest } from '../../common/params';
import type { Realm } from '../../identity/realm.types';
import type { User } from '../../identity/user.types';
import { PresenceDto, TypingDto } from './dto/presence.dto';
import { PresenceService } from './presence.service';
import { TypingService } from './typing.service';

@Controller('api/v1')
export class PresenceController {
  constructor(
    private readonly presence: PresenceService,
    private readonly typing: TypingService,
  ) {}

  @Post('typing')
  @HttpCode(200)
  async typingNotification(@CurrentUser() user: User, @Params(TypingDto) p: TypingDto) {
    await this.typing.notify(user, p);
    return {};
  }

  @Post('users/me/presence')
  @HttpCode(200)
  update(
    @CurrentUser() user: User,
    @Params(PresenceDto) p: PresenceDto,
    @Req() req: ParamsRequest,
  ) {
    const client = req.zulipParams?.client || 'website';
    return this.presence.update(user, p.status, client, {
      pingOnly: p.ping_only ?? false,
      slim: p.slim_presence ?? false,
    });
  }

  @Get('realm/presence')
  async realm(@CurrentRealm() realm: Realm) {
    return {
      presences: await this.presence.realmPresences(realm.id, false),
      server_timestamp: Date.now() / 1000,
    };
  }
}
