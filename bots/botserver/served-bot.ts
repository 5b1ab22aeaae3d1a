import { timingSafeEqual } from 'node:crypto';
import { ZulipClient, type ZulipClientOptions } from '@hub/client';
import type { BotProfile } from '../framework/backend';
import { ClientBotBackend } from '../framework/client-backend';
import { BackendBotContext } from '../framework/context';
import { messageForHandler } from '../framework/dispatch';
import { DEFAULT_RATE_GUARD, RateGuard } from '../framework/rate-guard';
import { findRegisteredBot } from '../framework/registry';
import type { BotHandler, BotMessage } from '../framework/types';
import type { ServedBotConfig } from './botserver-config';
import { WebhookReplyContext } from './webhook-reply-context';

/** What the botserver answers an outgoing-webhook call with. */
export type WebhookAnswer = { content: string } | { response_not_required: true };

const SILENT: WebhookAnswer = { response_not_required: true };

/** The parts of the payload's `message` a handler needs (the server sends more). */
export type PayloadMessage = Omit<BotMessage, 'full_content'>;

/** "virtual_fs" → "ZulipVirtualFsBotserver": the client name the server records. */
function clientNameOf(bot: string): string {
  const camel = bot
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
  return `Zulip${camel}Botserver`;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** One bot of the botserver: its handler, its REST client, and its rate guard. */
export class ServedBot {
  readonly email: string;
  private readonly handler: BotHandler;
  private readonly client: ZulipClient;
  private readonly backend: ClientBotBackend;
  private readonly guard: RateGuard;
  private profile: Promise<BotProfile> | null = null;
  private initialized: Promise<void> | null = null;

  constructor(
    private readonly config: ServedBotConfig,
    log: (line: string) => void,
    createClient: (options: ZulipClientOptions) => ZulipClient = (o) => new ZulipClient(o),
  ) {
    const registered = findRegisteredBot(config.name);
    if (!registered) throw new Error(`unknown bot ${config.name}`);
    this.email = config.email;
    this.handler = registered.create();
    this.client = createClient({
      email: config.email,
      apiKey: config.key,
      site: config.site,
      clientName: clientNameOf(config.name),
      logger: null,
    });
    this.backend = new ClientBotBackend(this.client);
    this.guard = new RateGuard(DEFAULT_RATE_GUARD, (line) => log(`${config.name}: ${line}`));
  }

  tokenMatches(token: unknown): boolean {
    return typeof token === 'string' && sameToken(token, this.config.token);
  }

  /**
   * Runs the handler on one call. The profile is fetched on the first call (and again after a
   * failure), so the botserver can start before the server is reachable.
   */
  async answer(message: PayloadMessage): Promise<WebhookAnswer> {
    const profile = await this.loadProfile();
    const context = new BackendBotContext(this.backend, profile, this.config.botConfig, this.guard);
    await this.initializeOnce(context);
    const forHandler = messageForHandler({ message, flags: [] }, context.identity());
    if (!forHandler) return SILENT;
    if (this.config.reply === 'api') {
      await this.handler.handleMessage(forHandler, context);
      return SILENT;
    }
    const call = new WebhookReplyContext(context, forHandler, this.guard);
    await this.handler.handleMessage(forHandler, call);
    const reply = call.reply();
    return reply === null ? SILENT : { content: reply };
  }

  close(): void {
    this.client.close();
  }

  private loadProfile(): Promise<BotProfile> {
    if (!this.profile) {
      this.profile = this.backend.getProfile().catch((error: unknown) => {
        this.profile = null;
        throw error;
      });
    }
    return this.profile;
  }

  private initializeOnce(context: BackendBotContext): Promise<void> {
    if (!this.initialized) {
      this.initialized = Promise.resolve(this.handler.initialize?.(context)).catch(
        (error: unknown) => {
          this.initialized = null;
          throw error;
        },
      );
    }
    return this.initialized;
  }
}
