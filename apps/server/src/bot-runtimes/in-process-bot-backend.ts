import { ZulipError } from '../common/zulip-error';
import type { BotStorageService } from '../bot-storage/bot-storage.service';
import type { MessageEditService } from '../messages/message-edit.service';
import type { ReactionsService } from '../messages/reactions.service';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import type { UsersRepository } from '../identity/users.repository';
import type { BotBackend, BotProfile } from '../../../../bots/framework/backend';
import type { OutgoingMessage, SentMessage } from '../../../../bots/framework/types';
import type { BotMessenger } from './bot-messenger.service';

/** The server services an embedded bot acts through. */
export interface InProcessServices {
  messenger: BotMessenger;
  editor: MessageEditService;
  reactions: ReactionsService;
  users: UsersRepository;
  storage: BotStorageService;
}

/** `GET`/`DELETE` of a key that is not stored: the one 400 the storage service gives for one key. */
function isAbsentKey(error: unknown): boolean {
  return error instanceof ZulipError && error.message === 'Key does not exist.';
}

/**
 * The bot framework's `BotBackend`, in-process: the same permission checks as the REST API (the
 * services are called as the bot user), without HTTP. The services announce their changes.
 */
export class InProcessBotBackend implements BotBackend {
  constructor(
    private readonly bot: User,
    private readonly realm: Realm,
    private readonly services: InProcessServices,
    private readonly client: string,
  ) {}

  async getProfile(): Promise<BotProfile> {
    return { userId: this.bot.id, fullName: this.bot.full_name, email: this.bot.email };
  }

  async sendMessage(message: OutgoingMessage): Promise<SentMessage> {
    const id = await this.services.messenger.post(this.bot, this.realm, message, this.client);
    return { id };
  }

  async updateMessage(messageId: number, content: string): Promise<void> {
    await this.services.editor.edit(this.bot, this.realm, messageId, {
      content,
      propagateMode: 'change_one',
    });
  }

  async addReaction(messageId: number, emojiName: string): Promise<void> {
    await this.services.reactions.add(this.bot, this.realm, messageId, { emojiName });
  }

  async isBot(userId: number): Promise<boolean> {
    const user = await this.services.users.findInRealm(this.realm.id, userId);
    return user?.is_bot ?? false;
  }

  async readStorage(key: string): Promise<string | undefined> {
    try {
      const found = await this.services.storage.get(this.bot, [key]);
      return found[key];
    } catch (error) {
      if (isAbsentKey(error)) return undefined;
      throw error;
    }
  }

  async writeStorage(entries: Record<string, string>): Promise<void> {
    await this.services.storage.put(this.bot, entries);
  }

  async removeStorage(key: string): Promise<void> {
    try {
      await this.services.storage.remove(this.bot, [key]);
    } catch (error) {
      if (!isAbsentKey(error)) throw error;
    }
  }
}
