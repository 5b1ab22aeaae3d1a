import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CurrentRealm, CurrentUser, HumanUsersOnly } from '../../identity/identity.decorators';
import { Params, ParamsRequest } from '../../common/params';
import type { Realm } from '../../identity/realm.types';
import type { User } from '../../identity/user.types';
import { PresenceDto, TypingDto, UserStatusDto } from './dto/presence.dto';
import { PresenceService } from './presence.service';
import { TypingService } from './typing.service';
import { UserStatusService } from './user-status.service';

@Controller('api/v1')
export class PresenceController {
  constructor(
    private readonly presence: PresenceService,
    private readonly typing: TypingService,
    private readonly status: UserStatusService,
  ) {}

  @Post('typing')
  @HttpCode(200)
  async typingNotification(@CurrentUser() user: User, @Params(TypingDto) p: TypingDto) {
    await this.typing.notify(user, p);
    return {};
  }

  @Post('users/me/presence')
  @HumanUsersOnly()
  @HttpCode(200)
  update(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(PresenceDto) p: PresenceDto,
    @Req() req: ParamsRequest,
  ) {
    const client = req.zulipParams?.client || 'website';
    return this.presence.update(user, realm, p.status, client, {
      pingOnly: p.ping_only ?? false,
      slim: p.slim_presence ?? false,
    });
  }

  @Get('realm/presence')
  async realm(@CurrentUser() user: User, @CurrentRealm() realm: Realm) {
    return {
      presences: await this.presence.realmPresences(user, realm, false),
      server_timestamp: Date.now() / 1000,
    };
  }

  @Get('users/:user_id_or_email/presence')
  async userPresence(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('user_id_or_email') who: string,
  ) {
    return { presence: await this.presence.userPresence(user, realm, who) };
  }

  @Post('users/me/status')
  @HttpCode(200)
  async updateStatus(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(UserStatusDto) p: UserStatusDto,
  ) {
    await this.status.update(user, realm, {
      statusText: p.status_text,
      away: p.away,
      emojiName: p.emoji_name,
      emojiCode: p.emoji_code,
      reactionType: p.reaction_type,
    });
    return {};
  }

  @Get('users/:user_id/status')
  async getStatus(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('user_id') id: string,
  ) {
    return { status: await this.status.statusOf(user, realm, id) };
  }
}
