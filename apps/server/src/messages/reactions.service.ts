import { Injectable } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import type { Realm } from '../identity/realm.types';
import { Role, User } from '../identity/user.types';
import { unicodeEmojiByCode, unicodeEmojiByName, ZULIP_EXTRA_EMOJI } from '@hub/markdown';
import { HISTORICAL_FLAGS } from './flags';
import { FlagsRepository } from './flags.repository';
import { MessageAnnouncer } from './message-announcer';
import type { ReactionChange } from './message-changes';
import { invalidMessage } from './message-fetch.service';
import type { ReactionType } from '@hub/api/message.types';
import { MessagesRepository } from './messages.repository';
import { MirrorUsers } from './mirror-users';
import { MIRROR_CLIENTS } from './normalize';
import { ReactionsRepository } from './reactions.repository';

export interface ReactionInput {
  emojiName?: string;
  emojiCode?: string;
  reactionType?: string;
  /**
   * A mirror bridge (an API super user writing through a mirror client) reacting for the remote
   * person a mirror dummy stands for, as it sends their messages with `sender`.
   */
  mirror?: { sender: string; client: string };
}

const TYPES: ReactionType[] = ['unicode_emoji', 'realm_emoji', 'zulip_extra_emoji'];

@Injectable()
export class ReactionsService {
  constructor(
    private readonly db: Database,
    private readonly reactions: ReactionsRepository,
    private readonly messages: MessagesRepository,
    private readonly flags: FlagsRepository,
    private readonly announcer: MessageAnnouncer,
    private readonly mirrors: MirrorUsers,
  ) {}

  async add(
    user: User,
    realm: Realm,
    messageId: number,
    input: ReactionInput,
  ): Promise<ReactionChange> {
    if (!input.emojiName) throw ZulipError.missing('emoji_name');
    const emoji = await this.resolveEmoji(
      realm,
      input.emojiName,
      input.emojiCode,
      input.reactionType,
    );
    const actor = await this.actor(user, realm, input.mirror);
    return this.db.transaction(async () => {
      // Access is the authenticated user's: a bridge reads what it mirrors for its people.
      const message = await this.readable(user, realm, messageId);
      if (actor === user && message.user_flags === null) {
        await this.flags.createHistorical(user.id, [messageId], HISTORICAL_FLAGS);
      }
      if (!(await this.reactions.add(messageId, actor.id, emoji))) {
        throw new ZulipError('REACTION_ALREADY_EXISTS', 'Reaction already exists.', 400);
      }
      return this.change('add', actor, messageId, emoji.name, emoji.code, emoji.type);
    });
  }

  async remove(
    user: User,
    realm: Realm,
    messageId: number,
    input: ReactionInput,
  ): Promise<ReactionChange> {
    if (!input.emojiName && !input.emojiCode) {
      throw ZulipError.badRequest(
        'At least one of the following arguments must be present: emoji_name, emoji_code',
      );
    }
    const type = this.reactionType(input.reactionType, input.emojiName, input.emojiCode);
    const actor = await this.actor(user, realm, input.mirror);
    await this.readable(user, realm, messageId);
    // Without a code, match by name (a realm emoji's name, or a Unicode name's code).
    const code =
      input.emojiCode ??
      (type === 'unicode_emoji' && input.emojiName
        ? unicodeEmojiByName(input.emojiName)?.code
        : undefined);
    const removed = await this.reactions.remove(messageId, actor.id, {
      code,
      name: code === undefined ? input.emojiName : undefined,
      type,
    });
    if (!removed) throw new ZulipError('REACTION_DOES_NOT_EXIST', "Reaction doesn't exist.", 400);
    return this.change('remove', actor, messageId, removed.emoji_name, removed.emoji_code, type);
  }

  /**
   * Who reacts: the user, or, for an API super user writing through a mirror client with
   * `sender`, the mirror dummy that stands for that remote person (created on first sight, as a
   * mirrored message would). Never a real account: a bridge may not put words in members' mouths.
   */
  private async actor(user: User, realm: Realm, mirror: ReactionInput['mirror']): Promise<User> {
    if (mirror === undefined) return user;
    if (!user.is_api_super_user || !MIRROR_CLIENTS.has(mirror.client)) {
      throw ZulipError.unauthorizedQuery();
    }
    if (mirror.sender.trim().toLowerCase() === user.email.toLowerCase()) return user;
    const [sender] = await this.mirrors.findOrCreate(realm.id, [mirror.sender], mirror.client);
    if (!sender.is_mirror_dummy) throw ZulipError.unauthorizedQuery();
    return sender;
  }

  /** The change, announced to everyone who can see the message. */
  private async change(
    op: 'add' | 'remove',
    user: User,
    messageId: number,
    name: string,
    code: string,
    type: ReactionType,
  ): Promise<ReactionChange> {
    const change: ReactionChange = {
      op,
      messageId,
      userId: user.id,
      emoji_name: name,
      emoji_code: code,
      reaction_type: type,
      recipientUserIds: await this.messages.recipientsOf([messageId]),
    };
    await this.announcer.reaction(user, change);
    return change;
  }

  private async readable(user: User, realm: Realm, messageId: number) {
    const [message] = await this.messages.findAccessible(
      realm.id,
      user.id,
      user.role === Role.Guest,
      [messageId],
    );
    if (!message) throw invalidMessage();
    return message;
  }

  private reactionType(raw: string | undefined, name?: string, code?: string): ReactionType {
    if (raw !== undefined) {
      const found = TYPES.find((t) => t === raw);
      if (!found) throw ZulipError.badRequest('Invalid emoji type.');
      return found;
    }
    if (
      name &&
      ZULIP_EXTRA_EMOJI[name] &&
      (code === undefined || code === ZULIP_EXTRA_EMOJI[name])
    ) {
      return 'zulip_extra_emoji';
    }
    if (code !== undefined && /^\d+$/.test(code)) return 'realm_emoji';
    return 'unicode_emoji';
  }

  /**
   * Checks the emoji exists and that name and code agree; returns what to store. Shared with
   * whatever else names emoji as reactions do (user statuses).
   */
  async resolveEmoji(
    realm: Realm,
    name: string,
    code: string | undefined,
    rawType: string | undefined,
  ): Promise<{ name: string; code: string; type: ReactionType }> {
    let type = this.reactionType(rawType, name, code);
    if (rawType === undefined && code === undefined && !unicodeEmojiByName(name)) {
      // A name that is not Unicode may be the realm's own emoji.
      if (await this.reactions.realmEmoji(realm.id, { name })) type = 'realm_emoji';
    }
    if (type === 'zulip_extra_emoji') {
      const expected = ZULIP_EXTRA_EMOJI[name];
      if (!expected) throw ZulipError.badRequest('Invalid emoji name.');
      if (code !== undefined && code !== expected)
        throw ZulipError.badRequest('Invalid emoji code.');
      return { name, code: expected, type };
    }
    if (type === 'realm_emoji') {
      const emoji = await this.reactions.realmEmoji(realm.id, {
        name: code === undefined ? name : undefined,
        id: code !== undefined && /^\d+$/.test(code) ? Number(code) : undefined,
      });
      if (!emoji || (code !== undefined && !/^\d+$/.test(code))) {
        throw ZulipError.badRequest('Invalid custom emoji.');
      }
      if (emoji.name !== name) throw ZulipError.badRequest('Invalid custom emoji name.');
      if (emoji.deactivated) throw ZulipError.badRequest('This custom emoji has been deactivated.');
      return { name, code: String(emoji.id), type };
    }
    const byName = unicodeEmojiByName(name);
    if (code !== undefined) {
      // The code decides the emoji; the name must be one of its names (Zulip's rule).
      const byCode = unicodeEmojiByCode(code);
      if (!byCode) throw ZulipError.badRequest('Invalid emoji code.');
      if (byName?.code !== byCode.code) throw ZulipError.badRequest('Invalid emoji name.');
      return { name, code: byCode.code, type };
    }
    if (!byName) throw ZulipError.badRequest('Invalid emoji name.');
    return { name, code: byName.code, type };
  }
}
