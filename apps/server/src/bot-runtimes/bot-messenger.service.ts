import { Inject, Injectable, Logger } from '@nestjs/common';
import { RateLimiter } from '../common/rate-limiter';
import { MessageSendService } from '../messages/message-send.service';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';
import { BOT_RUNTIME_SETTINGS, type BotRuntimeSettings } from './bot-runtime.settings';

/** Where a bot's message goes, in the terms of `POST /messages`. */
export interface BotPost {
  type: 'stream' | 'channel' | 'private' | 'direct';
  to: string | number | Array<string | number>;
  topic?: string;
  content: string;
}

/** A conversation to answer in: a stream and topic, or the participants of a DM. */
export interface Conversation {
  type: 'stream' | 'private';
  stream_id?: number;
  subject: string;
  display_recipient: string | Array<{ id: number }>;
  sender_id: number;
}

/** The reply to `message`: its stream and topic, or everyone else in its DM. */
export function replyPost(message: Conversation, content: string, botId: number): BotPost {
  if (message.type === 'stream' && message.stream_id !== undefined) {
    return { type: 'stream', to: message.stream_id, topic: message.subject, content };
  }
  const participants = Array.isArray(message.display_recipient) ? message.display_recipient : [];
  const others = participants.map((p) => p.id).filter((id) => id !== botId);
  return { type: 'private', to: others.length > 0 ? others : [message.sender_id], content };
}

/**
 * Posts as a bot through the server's own send service (never over HTTP), which announces the
 * message exactly as for `POST /messages`.
 */
@Injectable()
export class BotMessenger {
  private readonly logger = new Logger('ServiceBots');

  constructor(
    private readonly sender: MessageSendService,
    private readonly users: UsersRepository,
    private readonly limiter: RateLimiter,
    @Inject(BOT_RUNTIME_SETTINGS) private readonly settings: BotRuntimeSettings,
  ) {}

  async post(bot: User, realm: Realm, post: BotPost, client: string): Promise<number> {
    const sent = await this.sender.send(bot, realm, {
      type: post.type,
      to: post.to,
      topic: post.topic,
      content: post.content,
      client,
    });
    return sent.message.id;
  }

  /**
   * Tells the bot's owner, by a DM from the bot, that the bot failed; at most one notice per bot
   * per `ownerNoticeIntervalMs` (shared between processes through Redis when it is configured).
   * Returns whether a notice was sent.
   */
  async noticeOwner(bot: User, realm: Realm, text: string): Promise<boolean> {
    if (bot.bot_owner_id === null) return false;
    const owner = await this.users.findInRealm(realm.id, bot.bot_owner_id);
    if (!owner || !owner.is_active) return false;
    const windowSeconds = Math.max(1, Math.ceil(this.settings.ownerNoticeIntervalMs / 1000));
    const slot = await this.limiter.hit(`bot-owner-notice:${bot.id}`, 1, windowSeconds);
    if (!slot.allowed) {
      this.logger.warn(`Not telling the owner of bot ${bot.email} again yet: ${text}`);
      return false;
    }
    try {
      await this.post(bot, realm, { type: 'private', to: [owner.id], content: text }, 'Internal');
      return true;
    } catch (error) {
      this.logger.error(
        `Could not tell the owner of bot ${bot.email} that it failed: ${(error as Error).message}`,
      );
      return false;
    }
  }
}
