import type { BotBackend, IncomingMessageEvent, MessageSource } from './backend';
import type { BotConfigSource } from './bot-config';
import { BackendBotContext } from './context';
import { messageForHandler } from './dispatch';
import { DEFAULT_RATE_GUARD, RateGuard, type RateGuardOptions } from './rate-guard';
import type { BotHandler, BotIdentity } from './types';

export interface BotRuntimeOptions {
  handler: BotHandler;
  backend: BotBackend;
  config?: BotConfigSource;
  rateGuard?: RateGuardOptions;
  /** Answer messages sent by other bots too (off by default so two bots cannot loop). */
  answerBots?: boolean;
  log?: (line: string) => void;
}

/** Runs one handler: decides which messages it sees and gives it a context over the backend. */
export class BotRuntime {
  private context: BackendBotContext | null = null;
  private readonly log: (line: string) => void;

  constructor(private readonly options: BotRuntimeOptions) {
    this.log = options.log ?? ((line) => console.error(line));
  }

  /** Fetches the bot's identity and runs the handler's `initialize`. */
  async start(): Promise<BotIdentity> {
    const profile = await this.options.backend.getProfile();
    const guard = new RateGuard(this.options.rateGuard ?? DEFAULT_RATE_GUARD, this.log);
    const config = this.options.config ?? { sections: {}, path: null };
    this.context = new BackendBotContext(this.options.backend, profile, config, guard);
    await this.options.handler.initialize?.(this.context);
    return this.context.identity();
  }

  /**
   * Hands one message event to the handler if the bot should answer it. A handler error is
   * logged, not thrown, so one bad message does not stop the bot. Returns whether it was handled.
   */
  async dispatch(event: IncomingMessageEvent): Promise<boolean> {
    const context = this.context;
    if (!context) throw new Error('BotRuntime.start() must finish before dispatch()');
    const message = messageForHandler(event, context.identity());
    if (!message) return false;
    if (!this.options.answerBots && (await this.fromBot(message.sender_id))) return false;
    try {
      await this.options.handler.handleMessage(message, context);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log(`bot handler failed on message ${message.id}: ${reason}`);
    }
    return true;
  }

  /** Whether the sender is a bot; when that cannot be checked, the message is skipped too. */
  private async fromBot(userId: number): Promise<boolean> {
    try {
      return await this.options.backend.isBot(userId);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.log(`skipping a message: cannot tell whether user ${userId} is a bot (${reason})`);
      return true;
    }
  }

  /**
   * Starts, then handles messages from `source` until `signal` aborts; `onReady` runs once
   * messages are being received.
   */
  async run(source: MessageSource, signal: AbortSignal, onReady?: () => void): Promise<void> {
    if (!this.context) await this.start();
    await source.onEachMessage(
      (event) => this.dispatch(event).then(() => undefined),
      signal,
      onReady,
    );
  }
}
