import type { BotMessage, OutgoingMessage, SentMessage } from './types';

/** The bot's own account, as `GET /users/me` describes it. */
export interface BotProfile {
  userId: number;
  fullName: string;
  email: string;
}

/** A message event as the server delivers it: the raw message plus the receiving user's flags. */
export interface IncomingMessageEvent {
  message: Omit<BotMessage, 'full_content'>;
  flags: string[];
}

/**
 * Everything a bot may do on the server. The runner implements it with libs/client; the test
 * harness keeps it in memory; the server's embedded-bot runtime can implement it in-process.
 */
export interface BotBackend {
  getProfile(): Promise<BotProfile>;
  sendMessage(message: OutgoingMessage): Promise<SentMessage>;
  updateMessage(messageId: number, content: string): Promise<void>;
  addReaction(messageId: number, emojiName: string): Promise<void>;
  /** Whether the user is a bot (used so bots do not answer each other). */
  isBot(userId: number): Promise<boolean>;
  /** The stored string for `key`, or `undefined` when the key is not stored. */
  readStorage(key: string): Promise<string | undefined>;
  writeStorage(entries: Record<string, string>): Promise<void>;
  /** Removes `key`; an absent key is not an error. */
  removeStorage(key: string): Promise<void>;
}

/** A stream of message events, ending when `signal` aborts. */
export interface MessageSource {
  /** `onReady` runs once messages are being received (the event queue is registered). */
  onEachMessage(
    callback: (event: IncomingMessageEvent) => Promise<void>,
    signal: AbortSignal,
    onReady?: () => void,
  ): Promise<void>;
}
