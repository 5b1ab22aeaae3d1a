import type { BackendBotContext } from '../framework/context';
import type { RateGuard } from '../framework/rate-guard';
import type {
  BotContext,
  BotIdentity,
  BotMessage,
  MessageUpdate,
  OutgoingMessage,
  SentMessage,
} from '../framework/types';

/**
 * The context of one outgoing-webhook call: the first reply to the triggering message becomes
 * the HTTP answer (the server posts it, so `sendReply` resolves to null: there is no id yet);
 * every other action goes to the server through the REST API.
 */
export class WebhookReplyContext implements BotContext {
  private captured: string | null = null;

  constructor(
    private readonly inner: BackendBotContext,
    private readonly trigger: BotMessage,
    private readonly guard: RateGuard,
  ) {}

  get storage(): BotContext['storage'] {
    return this.inner.storage;
  }

  /** The reply for the HTTP answer, if the handler gave one. */
  reply(): string | null {
    return this.captured;
  }

  async sendReply(message: BotMessage, content: string): Promise<SentMessage | null> {
    if (message.id !== this.trigger.id || this.captured !== null) {
      return this.inner.sendReply(message, content);
    }
    if (this.guard.allow()) this.captured = content;
    return null;
  }

  sendMessage(message: OutgoingMessage): Promise<SentMessage | null> {
    return this.inner.sendMessage(message);
  }

  updateMessage(update: MessageUpdate): Promise<void> {
    return this.inner.updateMessage(update);
  }

  react(message: BotMessage, emojiName: string): Promise<void> {
    return this.inner.react(message, emojiName);
  }

  getConfigInfo(section: string, optional?: boolean): Record<string, string> {
    return this.inner.getConfigInfo(section, optional);
  }

  identity(): BotIdentity {
    return this.inner.identity();
  }
}
