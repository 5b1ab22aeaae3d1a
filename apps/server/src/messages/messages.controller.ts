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
import { Anchor, MessageFetchService } from './message-fetch.service';
import { MessageSendService } from './message-send.service';
import { parseNarrow } from './narrow';
import { clientName, normalizeContent } from './normalize';

/** A path id: digits only, else Zulip's "Invalid message(s)". */
export function messageIdParam(raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw ZulipError.badRequest('Invalid message(s)');
  return Number(raw);
}

export function parseAnchor(raw: unknown, useFirstUnread: boolean | undefined): Anchor {
  if (raw === undefined || raw === null) {
    if (useFirstUnread) return 'first_unread';
    throw ZulipError.missing('anchor');
  }
  if (raw === 'newest' || raw === 'oldest' || raw === 'first_unread') return raw;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
  throw ZulipError.badRequest('Invalid anchor');
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
    const sent = await this.sender.send(user, realm, {
      type: p.type,
      to: p.to,
      topic: p.topic,
      content: p.content,
      client: clientName(req.zulipParams?.client, req.headers['user-agent']),
      queueId: p.queue_id,
      localId: p.local_id,
      sender: p.sender,
      forged: p.forged,
      time: p.time,
      realmStr: p.realm_str,
      readBySender: p.read_by_sender,
    });
    return { id: sent.message.id };
  }

  @Get('messages')
  async list(
    @CurrentUser() user: User,
    @CurrentRealm() realm: Realm,
    @Params(GetMessagesDto) p: GetMessagesDto,
  ) {
    const applyMarkdown = p.apply_markdown ?? true;
    const clientGravatar = p.client_gravatar ?? true;
    if (p.message_ids !== undefined) {
      if (p.anchor !== undefined || p.num_before !== undefined || p.num_after !== undefined) {
        throw ZulipError.badRequest('Unsupported parameter combination: anchor, message_ids');
      }
      const messages = await this.fetcher.fetchByIds(
        user,
        realm,
        p.message_ids,
        applyMarkdown,
        clientGravatar,
      );
      return { messages, history_limited: false };
    }
    if (p.num_before === undefined) throw ZulipError.missing('num_before');
    if (p.num_after === undefined) throw ZulipError.missing('num_after');
    return this.fetcher.fetch(user, realm, {
      anchor: parseAnchor(p.anchor, p.use_first_unread_anchor),
      includeAnchor: p.include_anchor ?? true,
      numBefore: p.num_before,
      numAfter: p.num_after,
      narrow: parseNarrow(p.narrow),
      applyMarkdown,
      clientGravatar,
    });
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
