import { Controller, HttpCode, Param, Post, Delete, Req } from '@nestjs/common';
import { CurrentRealm, CurrentUser } from '../identity/identity.decorators';
import { Params, ParamsRequest } from '../common/params';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import { MarkStreamDto, MarkTopicDto, UpdateFlagsDto, UpdateFlagsNarrowDto } from './dto/flags.dto';
import { ReactionDto } from './dto/reaction.dto';
import { FlagsService } from './flags.service';
import { MessageFetchService } from './message-fetch.service';
import { parseAnchor } from './list-messages';
import { messageIdParam } from './messages.controller';
import { parseNarrow } from './narrow';
import { ReactionInput, ReactionsService } from './reactions.service';
import { clientName } from './normalize';

/** Per-user flags, read markers and emoji reactions. */
@Controller('api/v1')
export class FlagsController {
  constructor(
    private readonly flags: FlagsService,
    private readonly reactions: ReactionsService,
    private readonly fetcher: MessageFetchService,
  ) {}

  @Post('messages/flags')
  @HttpCode(200)
  async update(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(UpdateFlagsDto) p: UpdateFlagsDto,
  ) {
    const change = await this.flags.update(user, realm, p.messages, p.op, p.flag);
    return { messages: change.messages };
  }

  @Post('messages/flags/narrow')
  @HttpCode(200)
  async updateNarrow(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(UpdateFlagsNarrowDto) p: UpdateFlagsNarrowDto,
  ) {
    const page = await this.fetcher.page(user, realm, {
      anchor: parseAnchor(p.anchor, false),
      includeAnchor: p.include_anchor ?? true,
      numBefore: p.num_before,
      numAfter: p.num_after,
      narrow: parseNarrow(p.narrow),
    });
    const { result } = await this.flags.updateNarrow(user, realm, page, p.op, p.flag);
    return result;
  }

  @Post('mark_all_as_read')
  @HttpCode(200)
  async markAll(@CurrentUser() user: User) {
    await this.flags.markAllAsRead(user);
    return { complete: true };
  }

  @Post('mark_stream_as_read')
  @HttpCode(200)
  async markStream(@CurrentUser() user: User, @Params(MarkStreamDto) p: MarkStreamDto) {
    await this.flags.markStreamAsRead(user, p.stream_id);
    return {};
  }

  @Post('mark_topic_as_read')
  @HttpCode(200)
  async markTopic(@CurrentUser() user: User, @Params(MarkTopicDto) p: MarkTopicDto) {
    await this.flags.markStreamAsRead(user, p.stream_id, p.topic_name);
    return {};
  }

  @Post('messages/:message_id/reactions')
  @HttpCode(200)
  async react(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('message_id') id: string,
    @Params(ReactionDto) p: ReactionDto,
    @Req() req: ParamsRequest,
  ) {
    await this.reactions.add(user, realm, messageIdParam(id), reactionInput(p, req));
    return {};
  }

  @Delete('messages/:message_id/reactions')
  async unreact(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('message_id') id: string,
    @Params(ReactionDto) p: ReactionDto,
    @Req() req: ParamsRequest,
  ) {
    await this.reactions.remove(user, realm, messageIdParam(id), reactionInput(p, req));
    return {};
  }
}

function reactionInput(p: ReactionDto, req: ParamsRequest): ReactionInput {
  const client = clientName(req.zulipParams?.client, req.headers['user-agent']);
  return {
    emojiName: p.emoji_name,
    emojiCode: p.emoji_code,
    reactionType: p.reaction_type,
    mirror: p.sender === undefined ? undefined : { sender: p.sender, client },
  };
}
