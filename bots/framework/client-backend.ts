import {
  ZulipApiError,
  type DisplayRecipientUser,
  type Message,
  type ZulipClient,
} from '@hub/client';
import type { BotBackend, BotProfile, IncomingMessageEvent, MessageSource } from './backend';
import type { BotMessage, OutgoingMessage, SentMessage } from './types';

/**
 * `GET`/`DELETE /bot_storage` answer 400 for a key that is not stored (Zulip: "Key does not
 * exist."); for one well-formed key that is the only 400 there is.
 */
function isAbsentKey(error: unknown): boolean {
  return error instanceof ZulipApiError && error.status === 400;
}

function recipients(
  list: DisplayRecipientUser[],
): Array<{ id: number; email: string; full_name: string }> {
  return list.map(({ id, email, full_name }) => ({ id, email, full_name }));
}

/** A server message in the shape the bot runtime dispatches. */
export function toIncoming(message: Message): Omit<BotMessage, 'full_content'> {
  return {
    id: message.id,
    type: message.type,
    sender_id: message.sender_id,
    sender_email: message.sender_email,
    sender_full_name: message.sender_full_name,
    display_recipient:
      typeof message.display_recipient === 'string'
        ? message.display_recipient
        : recipients(message.display_recipient),
    stream_id: message.stream_id,
    subject: message.subject,
    content: message.content,
    timestamp: message.timestamp,
  };
}

/** The bot's capabilities over the REST API, through libs/client. */
export class ClientBotBackend implements BotBackend, MessageSource {
  private readonly botUsers = new Map<number, boolean>();

  constructor(private readonly client: ZulipClient) {}

  async getProfile(): Promise<BotProfile> {
    const me = await this.client.users.me();
    this.botUsers.set(me.user_id, true);
    return { userId: me.user_id, fullName: me.full_name, email: me.email };
  }

  async sendMessage(message: OutgoingMessage): Promise<SentMessage> {
    const sent = await this.client.messages.send({
      type: message.type,
      to: message.to,
      topic: message.topic,
      content: message.content,
    });
    return { id: sent.id };
  }

  async updateMessage(messageId: number, content: string): Promise<void> {
    await this.client.messages.update({ message_id: messageId, content });
  }

  async addReaction(messageId: number, emojiName: string): Promise<void> {
    await this.client.messages.addReaction({ message_id: messageId, emoji_name: emojiName });
  }

  async isBot(userId: number): Promise<boolean> {
    const known = this.botUsers.get(userId);
    if (known !== undefined) return known;
    const { user } = await this.client.users.get(userId);
    this.botUsers.set(userId, user.is_bot);
    return user.is_bot;
  }

  async readStorage(key: string): Promise<string | undefined> {
    try {
      const { storage } = await this.client.botStorage.get([key]);
      return storage[key];
    } catch (error) {
      if (isAbsentKey(error)) return undefined;
      throw error;
    }
  }

  async writeStorage(entries: Record<string, string>): Promise<void> {
    await this.client.botStorage.put(entries);
  }

  async removeStorage(key: string): Promise<void> {
    try {
      await this.client.botStorage.remove([key]);
    } catch (error) {
      if (!isAbsentKey(error)) throw error;
    }
  }

  onEachMessage(
    callback: (event: IncomingMessageEvent) => Promise<void>,
    signal: AbortSignal,
    onReady?: () => void,
  ): Promise<void> {
    let registered = false;
    return this.client.callOnEachMessage(
      (message, event) => callback({ message: toIncoming(message), flags: event.flags }),
      {
        signal,
        // Handlers read Markdown (`@**Name**`), not rendered HTML.
        registerParams: { apply_markdown: false },
        onRegister: () => {
          if (!registered) onReady?.();
          registered = true;
        },
      },
    );
  }
}
