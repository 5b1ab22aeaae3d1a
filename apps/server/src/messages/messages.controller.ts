import { Controller, Delete, Get, HttpCode, Param, Patch, Post, Req } from '@nestjs/common';
import { CurrentRealm, CurrentUser, WebhookBotAllowed } from '../identity/identity.decorators';
import { Params, ParamsRequest } from '../common/params';
import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import { GetMessageDto, GetMessagesDto, MatchesNarrowDto } from './dto/get-messages.dto';
import { RenderDto } from './dto/reaction.dto';
import { SendMessageDto } from './dto/send-message.dto';
import { UpdateMessageDto } from './dto/update-message.dto';
import { ContentRenderer } from './content-renderer.service';
import { MessageEditService } from './message-edit.service';
import { MessageFetchService } from './message-fetch.service';
import { listMessages } from './list-messages';
import { sendMessage } from './send-message';
import { parseNarrow } from './narrow';
import { MessageSendService } from './message-send.service';
import { normalizeContent } from './normalize';

/** A path id: digits only, else Zulip's "Invalid message(s)". */
export function messageIdParam(raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw ZulipError.badRequest('Invalid message(s)');
  return Number(raw);
}

@Controller('api/v1')
export class MessagesController {
  constructor(
    private readonly sender: MessageSendService,
    private readonly fetcher: MessageFetchService,
    private readonly editor: MessageEditService,
    private readonly renderer: ContentRenderer,
  ) {}

  @WebhookBotAllowed()
  @Post('messages')
  @HttpCode(200)
  async send(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(SendMessageDto) p: SendMessageDto,
    @Req() req: ParamsRequest,
  ) {
    return sendMessage(this.sender, user, realm, p, {
      clientParam: req.zulipParams?.client,
      userAgent: req.headers['user-agent'],
    });
  }

  @Get('messages')
  async list(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(GetMessagesDto) p: GetMessagesDto,
  ) {
    return listMessages(this.fetcher, user, realm, p);
  }

  @Get('messages/matches_narrow')
  async matchesNarrow(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(MatchesNarrowDto) p: MatchesNarrowDto,
  ) {
    const messages = await this.fetcher.matchesNarrow(
      user,
      realm,
      p.msg_ids,
      parseNarrow(p.narrow),
    );
    return { messages };
  }

  @Post('messages/render')
  @HttpCode(200)
  async render(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(RenderDto) p: RenderDto,
  ) {
    const rendered = await this.renderer.render(realm, user.id, normalizeContent(p.content));
    return { rendered: rendered.html };
  }

  @Get('messages/:message_id')
  getOne(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('message_id') id: string,
    @Params(GetMessageDto) p: GetMessageDto,
  ) {
    return this.fetcher.fetchOne(user, realm, messageIdParam(id), p.apply_markdown ?? true);
  }

  @Patch('messages/:message_id')
  async update(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('message_id') id: string,
    @Params(UpdateMessageDto) p: UpdateMessageDto,
  ) {
    const result = await this.editor.edit(user, realm, messageIdParam(id), {
      content: p.content,
      topic: p.topic,
      streamId: p.stream_id,
      propagateMode: p.propagate_mode ?? 'change_one',
    });
    return { detached_uploads: result.detachedUploads };
  }

  @Delete('messages/:message_id')
  async remove(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('message_id') id: string,
  ) {
    const result = await this.editor.delete(user, realm, messageIdParam(id));
    return { detached_uploads: result.detachedUploads };
  }

  @Get('messages/:message_id/history')
  async history(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Param('message_id') id: string,
  ) {
    return { message_history: await this.editor.history(user, realm, messageIdParam(id)) };
  }
}
