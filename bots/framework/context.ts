import type { BotBackend, BotProfile } from './backend';
import { configSection, type BotConfigSource } from './bot-config';
import { RateGuard } from './rate-guard';
import { CachedBotStorage } from './storage';
import type {
  BotContext,
  BotIdentity,
  BotMessage,
  MessageUpdate,
  OutgoingMessage,
  SentMessage,
} from './types';

export function identityOf(profile: BotProfile): BotIdentity {
  return {
    fullName: profile.fullName,
    email: profile.email,
    userId: profile.userId,
    mention: `@**${profile.fullName}**`,
  };
}

/** Where a reply to `message` goes: its stream and topic, or every other member of its DM group. */
export function replyTarget(
  message: BotMessage,
  content: string,
  selfUserId: number,
): OutgoingMessage {
  if (typeof message.display_recipient === 'string') {
    return { type: 'stream', to: message.display_recipient, topic: message.subject, content };
  }
  const others = message.display_recipient.filter((person) => person.id !== selfUserId);
  const to = others.length > 0 ? others.map((person) => person.id) : [message.sender_id];
  return { type: 'private', to, content };
}

/** The real bot capability: every action goes to the backend, sends pass the rate guard. */
export class BackendBotContext implements BotContext {
  readonly storage: CachedBotStorage;
  private readonly me: BotIdentity;

  constructor(
    private readonly backend: BotBackend,
    profile: BotProfile,
    private readonly config: BotConfigSource,
    private readonly guard: RateGuard,
  ) {
    this.storage = new CachedBotStorage(backend);
    this.me = identityOf(profile);
  }

  async sendMessage(message: OutgoingMessage): Promise<SentMessage | null> {
    if (!this.guard.allow()) return null;
    return this.backend.sendMessage(message);
  }

  sendReply(message: BotMessage, content: string): Promise<SentMessage | null> {
    return this.sendMessage(replyTarget(message, content, this.me.userId));
  }

  async updateMessage(update: MessageUpdate): Promise<void> {
    if (!this.guard.allow()) return;
    await this.backend.updateMessage(update.messageId, update.content);
  }

  react(message: BotMessage, emojiName: string): Promise<void> {
    return this.backend.addReaction(message.id, emojiName);
  }

  getConfigInfo(section: string, optional = false): Record<string, string> {
    return configSection(this.config, section, optional);
  }

  identity(): BotIdentity {
    return { ...this.me };
  }
}
