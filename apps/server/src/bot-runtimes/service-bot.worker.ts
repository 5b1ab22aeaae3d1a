import { Injectable, Logger } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import { MessageFetchService } from '../messages/message-fetch.service';
import { RealmsRepository } from '../identity/realms.repository';
import { BotType } from '../identity/user.types';
import { UsersRepository } from '../identity/users.repository';
import { BotEventError } from './bot-event-error';
import { RetryableError, type BotJobHandlers } from './bot-job-queue';
import { BotMessenger } from './bot-messenger.service';
import { BotRuntimesRepository } from './bot-runtimes.repository';
import { EmbeddedBots } from './embedded-bots.service';
import { OutgoingWebhookCaller } from './outgoing-webhook.caller';
import { webhookMessage } from './outgoing-webhook-payload';
import type { ServiceBotEvent } from './service-bot-event';
import type { ServiceBotJob } from './service-bot.types';

/** Runs queued service-bot events and reports final failures to the bot's owner. */
@Injectable()
export class ServiceBotWorker implements BotJobHandlers {
  private readonly logger = new Logger('ServiceBots');

  constructor(
    private readonly repo: BotRuntimesRepository,
    private readonly realms: RealmsRepository,
    private readonly users: UsersRepository,
    private readonly fetcher: MessageFetchService,
    private readonly webhooks: OutgoingWebhookCaller,
    private readonly embedded: EmbeddedBots,
    private readonly messenger: BotMessenger,
  ) {}

  async run(job: ServiceBotJob): Promise<void> {
    const event = await this.load(job);
    // The bot was deactivated or the message deleted meanwhile: nothing left to answer.
    if (!event) return;
    if (event.service.bot_type === BotType.OutgoingWebhook) {
      await this.webhooks.deliver(event);
    } else {
      await this.embedded.handle(event, await this.repo.configOf(event.botUser.id));
    }
  }

  async failed(job: ServiceBotJob, error: Error): Promise<void> {
    const known = error instanceof BotEventError || error instanceof RetryableError;
    if (!known) this.logger.error(`Service bot event for bot ${job.botId} failed: ${error.stack}`);
    const [realm, bot] = await Promise.all([
      this.realms.findById(job.realmId),
      this.users.findInRealm(job.realmId, job.botId),
    ]);
    if (!realm || !bot) return;
    const reason = known ? error.message : 'the server hit an internal error (see its log)';
    const attempts = error instanceof RetryableError ? ' (no more retries)' : '';
    await this.messenger.noticeOwner(
      bot,
      realm,
      `Your bot @_**${bot.full_name}** could not answer a message (id ${job.messageId}): ` +
        `${reason}${attempts}.`,
    );
  }

  private async load(job: ServiceBotJob): Promise<ServiceBotEvent | null> {
    const [realm, botUser, service, sender] = await Promise.all([
      this.realms.findById(job.realmId),
      this.users.findInRealm(job.realmId, job.botId),
      this.repo.serviceBot(job.botId),
      this.users.findInRealm(job.realmId, job.senderId),
    ]);
    if (!realm || !botUser || !botUser.is_active || !service || !sender) return null;
    try {
      const { message, raw_content } = await this.fetcher.fetchOne(
        sender,
        realm,
        job.messageId,
        true,
      );
      return {
        realm,
        botUser,
        service,
        trigger: job.trigger,
        message: webhookMessage({ ...message, content: raw_content }, message.content),
      };
    } catch (error) {
      if (error instanceof ZulipError) return null;
      throw error;
    }
  }
}
