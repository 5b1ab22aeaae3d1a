/** The handler API every bot implements, and the one capability (`BotContext`) it receives. */
import type { DisplayRecipientUser, Message, SendMessageParams } from '@hub/api/message.types';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A participant of a direct-message conversation, as the server sends it in `display_recipient`. */
export type DirectRecipient = DisplayRecipientUser;

/**
 * A message as the server delivers it (the `message` of a message event, wire field names kept so
 * handlers can be shared with outgoing-webhook payloads). `content` is what the user asked the bot:
 * the leading @-mention of the bot is already stripped; `full_content` is the untouched original.
 */
export type BotMessage = Pick<
  Message,
  | 'id'
  | 'type'
  | 'sender_id'
  | 'sender_email'
  | 'sender_full_name'
  | 'display_recipient'
  | 'stream_id'
  | 'subject'
  | 'content'
> & {
  full_content: string;
  timestamp?: number;
};

/** What a bot sends: the `type`, `to`, `topic` and `content` of `POST /messages`. */
export type OutgoingMessage = Pick<SendMessageParams, 'type' | 'to' | 'topic' | 'content'>;

export interface MessageUpdate {
  messageId: number;
  content: string;
}

export interface SentMessage {
  id: number;
}

export interface BotIdentity {
  fullName: string;
  email: string;
  userId: number;
  /** The Markdown that mentions the bot: `@**Full Name**`. */
  mention: string;
}

/** Key/value storage of JSON values kept on the server (the bot's `bot_storage`). */
export interface BotStorage {
  /** The stored value; `fallback` when the key is absent (without a fallback an absent key throws). */
  get<T extends JsonValue>(key: string, fallback?: T): Promise<T>;
  put(key: string, value: JsonValue): Promise<void>;
  contains(key: string): Promise<boolean>;
  /** Removes the key; removing an absent key does nothing. */
  remove(key: string): Promise<void>;
}

export interface BotContext {
  /** Sends a message; `null` when the rate guard dropped it (the bot is sending too fast). */
  sendMessage(message: OutgoingMessage): Promise<SentMessage | null>;
  /** Replies where `message` was sent: the same stream and topic, or the same direct-message group. */
  sendReply(message: BotMessage, content: string): Promise<SentMessage | null>;
  updateMessage(update: MessageUpdate): Promise<void>;
  react(message: BotMessage, emojiName: string): Promise<void>;
  readonly storage: BotStorage;
  /**
   * The `[section]` of the `--bot-config-file`. Throws a `BotConfigError` naming the file and the
   * section when it is missing, unless `optional` is set (then an empty object).
   */
  getConfigInfo(section: string, optional?: boolean): Record<string, string>;
  identity(): BotIdentity;
}

export interface BotHandler {
  /** A short help text shown to users and by `npm run bot -- <name> --help`. */
  usage(): string;
  /** Called once before the first message; a thrown error stops the bot with that message. */
  initialize?(ctx: BotContext): void | Promise<void>;
  handleMessage(message: BotMessage, ctx: BotContext): void | Promise<void>;
}

/** What a bot module exports: a handler object, or a class whose instances are handlers. */
export type BotHandlerExport = BotHandler | (new () => BotHandler);
