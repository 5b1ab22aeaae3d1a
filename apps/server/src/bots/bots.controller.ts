import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  Post,
} from '@nestjs/common';
import { CurrentRealm, CurrentUser } from '../identity/identity.decorators';
import { Params } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import { avatarUrl } from '../identity/user-presenter';
import { BotType, User } from '../identity/user.types';
import { BotServiceRow, ServiceInterface } from './bot.types';
import { BotsService } from './bots.service';
import { CreateBotDto, UpdateBotDto } from './dto/bots.dto';

const botId = new ParseIntPipe({
  exceptionFactory: () => new ZulipError('BAD_REQUEST', 'No such bot', 400),
});

function presentService(bot: User, service: BotServiceRow): Record<string, unknown> {
  return bot.bot_type === BotType.OutgoingWebhook
    ? { base_url: service.base_url, interface: service.interface, token: service.token }
    : { service_name: service.name };
}

@Controller('api/v1/bots')
export class BotsController {
  constructor(private readonly bots: BotsService) {}

  @Post()
  @HttpCode(200)
  async create(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Params(CreateBotDto) p: CreateBotDto,
  ) {
    const bot = await this.bots.create(me, realm, {
      fullName: p.full_name,
      shortName: p.short_name,
      botType: (p.bot_type ?? BotType.Generic) as BotType,
      payloadUrl: p.payload_url,
      interfaceType: p.interface_type as ServiceInterface | undefined,
      serviceName: p.service_name,
      configData: p.config_data,
      defaultAllPublicStreams: p.default_all_public_streams,
    });
    return {
      user_id: bot.id,
      email: bot.email,
      api_key: bot.api_key,
      avatar_url: avatarUrl(bot),
      default_sending_stream: null,
      default_events_register_stream: null,
      default_all_public_streams: bot.default_all_public_streams,
    };
  }

  @Get()
  async list(@CurrentUser() me: User, @CurrentRealm() realm: Realm) {
    const { bots, services } = await this.bots.list(me, realm);
    return {
      bots: bots.map((bot) => ({
        user_id: bot.id,
        username: bot.email,
        email: bot.email,
        full_name: bot.full_name,
        api_key: bot.api_key,
        avatar_url: avatarUrl(bot),
        bot_type: bot.bot_type,
        is_active: bot.is_active,
        owner: bot.owner_email,
        owner_id: bot.bot_owner_id,
        default_sending_stream: null,
        default_events_register_stream: null,
        default_all_public_streams: bot.default_all_public_streams,
        services: services.filter((s) => s.bot_id === bot.id).map((s) => presentService(bot, s)),
      })),
    };
  }

  @Patch(':id')
  async update(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Param('id', botId) id: number,
    @Params(UpdateBotDto) p: UpdateBotDto,
  ) {
    const bot = await this.bots.update(me, realm, id, {
      fullName: p.full_name,
      ownerId: p.bot_owner_id,
      payloadUrl: p.service_payload_url,
      interfaceType: p.service_interface as ServiceInterface | undefined,
      configData: p.config_data,
      defaultAllPublicStreams: p.default_all_public_streams,
    });
    const reply: Record<string, unknown> = {
      full_name: bot.full_name,
      bot_owner_id: bot.bot_owner_id,
      default_sending_stream: null,
      default_events_register_stream: null,
      default_all_public_streams: bot.default_all_public_streams,
    };
    if (p.service_payload_url !== undefined) reply.service_payload_url = p.service_payload_url;
    if (p.service_interface !== undefined) reply.service_interface = p.service_interface;
    if (p.config_data !== undefined) reply.config_data = await this.bots.configOf(bot.id);
    return reply;
  }

  @Delete(':id')
  async deactivate(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Param('id', botId) id: number,
  ) {
    await this.bots.deactivate(me, realm, id);
    return {};
  }

  @Post(':id/api_key/regenerate')
  @HttpCode(200)
  async regenerate(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Param('id', botId) id: number,
  ) {
    return { api_key: await this.bots.regenerateApiKey(me, realm, id) };
  }

  /** Not in Zulip's API (its web app builds the file): a ready `.zuliprc` for the bot. */
  @Get(':id/zuliprc')
  async zuliprc(
    @CurrentUser() me: User,
    @CurrentRealm() realm: Realm,
    @Param('id', botId) id: number,
  ) {
    return { zuliprc: await this.bots.zuliprc(me, realm, id) };
  }
}
