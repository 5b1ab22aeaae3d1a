import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import type {
  DeliveryHour,
  DeliveryOutcome,
  WebhookDelivery,
} from '@hub/api/webhook-delivery.types';
import { APP_CONFIG } from '../config/config.module';
import { ZulipError } from '../common/zulip-error';
import { BotType, isAdmin, Role, User } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';
import { sendToGateway } from './gateway-intake';
import { DeliveryReport, WebhookDeliveriesRepository } from './webhook-deliveries.repository';

export type GatewayReport = Omit<DeliveryReport, 'realmId' | 'botId' | 'headers' | 'query'> & {
  headers?: Record<string, unknown>;
  query?: Record<string, unknown>;
};

export interface ListOptions {
  botId?: number;
  integration?: string;
  outcome?: DeliveryOutcome;
  before?: number;
  limit?: number;
}

const notAllowed = () =>
  ZulipError.forbidden("Must be an organization administrator or the bot's owner");

function strings(value: Record<string, unknown> | undefined, name: string) {
  if (value === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string') throw ZulipError.invalid(name, `${k} must be a string`);
    if (`${k}${v}`.includes('\u0000')) throw ZulipError.invalid(name, 'NUL bytes are not allowed');
    out[k] = v;
  }
  return out;
}

/**
 * The webhook gateway's delivery history: incoming-webhook bots (the gateway, with their key)
 * report what they accepted and how it ended; administrators, and owners for their own bots, list
 * it and replay a stored delivery through the gateway.
 */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly repo: WebhookDeliveriesRepository,
    private readonly users: UsersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(bot: User, report: GatewayReport): Promise<number> {
    if (!bot.is_bot || bot.bot_type !== BotType.IncomingWebhook) {
      throw ZulipError.forbidden('Only incoming webhook bots report webhook deliveries');
    }
    // A replay of a delivery since trimmed from the history (or not this bot's) links to none.
    const replayOf =
      report.replayOf !== undefined && (await this.repo.belongsTo(report.replayOf, bot.id))
        ? report.replayOf
        : undefined;
    const { id, created } = await this.repo.upsert({
      ...report,
      replayOf,
      realmId: bot.realm_id,
      botId: bot.id,
      headers: strings(report.headers, 'headers'),
      query: strings(report.query, 'query'),
    });
    if (created) await this.repo.trim(bot.id, this.config.webhookHistoryLimit);
    return id;
  }

  async list(actor: User, options: ListOptions): Promise<WebhookDelivery[]> {
    return this.repo.list({
      realmId: actor.realm_id,
      botIds: await this.botScope(actor, options.botId),
      integration: options.integration,
      outcome: options.outcome,
      before: options.before,
      limit: options.limit ?? 100,
    });
  }

  async perHour(actor: User, botId: number | undefined, hours: number): Promise<DeliveryHour[]> {
    const since = new Date(Math.floor(Date.now() / 3_600_000 - hours + 1) * 3_600_000);
    return this.repo.perHour(actor.realm_id, await this.botScope(actor, botId), since);
  }

  /** Hands the stored delivery back to the gateway's intake path, as it first arrived. */
  async replay(actor: User, id: number): Promise<void> {
    const delivery = await this.repo.find(actor.realm_id, id);
    if (!delivery) throw ZulipError.notFound('No such delivery');
    await this.botScope(actor, delivery.bot_id);
    const bot = await this.users.findInRealm(actor.realm_id, delivery.bot_id);
    if (!bot?.is_active) throw ZulipError.badRequest('The bot of this delivery is deactivated');
    if (delivery.body === null) throw ZulipError.badRequest('This delivery has no stored payload');
    if (!this.config.gatewayUrl) {
      throw ZulipError.badRequest('Replays need the webhook gateway (GATEWAY_URL is empty)');
    }
    await sendToGateway(this.config.gatewayUrl, {
      integration: delivery.integration,
      host: delivery.host,
      headers: delivery.headers,
      query: delivery.query,
      body: delivery.body,
      apiKey: bot.api_key,
      originalId: delivery.replay_of ?? delivery.id,
    });
  }

  /**
   * Whose deliveries `actor` may see: administrators every bot's (null) or the one asked for;
   * other members only bots they own; guests none.
   */
  private async botScope(actor: User, botId: number | undefined): Promise<number[] | null> {
    if (actor.is_bot || actor.role === Role.Guest) throw notAllowed();
    if (isAdmin(actor)) {
      if (botId === undefined) return null;
      const bot = await this.users.findInRealm(actor.realm_id, botId);
      if (!bot?.is_bot) throw ZulipError.badRequest('No such bot');
      return [botId];
    }
    const own = await this.repo.botsOwnedBy(actor.realm_id, actor.id);
    if (botId !== undefined) {
      if (!own.includes(botId)) throw notAllowed();
      return [botId];
    }
    if (own.length === 0) throw notAllowed();
    return own;
  }
}
