import { Inject, Injectable } from '@nestjs/common';
import { ServiceInterface } from '../bots/bot.types';
import { SERVER_VERSION } from '../common/version';
import { RealmResolver } from '../identity/realm-resolver.service';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { BotEventError } from './bot-event-error';
import { RetryableError } from './bot-job-queue';
import { BOT_RUNTIME_SETTINGS, type BotRuntimeSettings } from './bot-runtime.settings';
import { BotMessenger, replyPost } from './bot-messenger.service';
import { PrivateAddressError } from '../common/network-guard';
import { AnswerTooLargeError, RequestTimeoutError } from '../common/guarded-fetch';
import { postOnce } from './outgoing-http';
import { slackPayload, zulipPayload } from './outgoing-webhook-payload';
import { parseWebhookAnswer } from './outgoing-webhook-response';
import type { ServiceBotEvent } from './service-bot-event';

const REPLY_CLIENT = 'OutgoingWebhookResponse';
const USER_AGENT = `ZulipOutgoingWebhook/${SERVER_VERSION}`;

/** How messages to the owner name the bot's endpoint. */
function endpoint(service: ServiceBotEvent['service']): string {
  return `the outgoing webhook at ${service.base_url}`;
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${code} ${cause.message}`.trim() : cause.message;
  }
  return String(cause);
}

/**
 * Delivers one event to an outgoing-webhook bot and posts its answer. Network errors, timeouts
 * and 5xx answers are retryable; any other failure is final and explained to the owner.
 */
@Injectable()
export class OutgoingWebhookCaller {
  private readonly allowedHosts: ReadonlySet<string>;

  constructor(
    private readonly messenger: BotMessenger,
    private readonly resolver: RealmResolver,
    @Inject(BOT_RUNTIME_SETTINGS) private readonly settings: BotRuntimeSettings,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.allowedHosts = new Set(config.outgoingWebhookAllowedHosts);
  }

  async deliver(event: ServiceBotEvent): Promise<void> {
    const { service, message } = event;
    const slack = service.interface === ServiceInterface.SlackCompatible;
    if (slack && message.type === 'private') {
      // Slack's format has no direct messages (as in Zulip): tell the person who wrote.
      await this.reply(event, "Slack-compatible outgoing webhooks don't support direct messages.");
      return;
    }
    const { status, body } = await this.post(event, slack);
    const where = endpoint(service);
    if (status >= 500) throw new RetryableError(`${where} answered with status ${status}`);
    if (status < 200 || status >= 300) {
      throw new BotEventError(`${where} answered with status ${status}`);
    }
    const answer = parseWebhookAnswer(
      body,
      slack ? ServiceInterface.SlackCompatible : ServiceInterface.Zulip,
    );
    if (answer.kind === 'invalid')
      throw new BotEventError(`${where} gave a bad answer: ${answer.reason}`);
    if (answer.kind === 'reply') await this.reply(event, answer.content);
  }

  private async post(
    event: ServiceBotEvent,
    slack: boolean,
  ): Promise<{ status: number; body: string }> {
    const { service, message, trigger, realm } = event;
    const [headers, body] = slack
      ? [
          { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': USER_AGENT },
          slackPayload(
            service,
            { id: realm.id, host: new URL(this.resolver.realmUrl(realm)).host },
            trigger,
            message,
          ).toString(),
        ]
      : [
          { 'content-type': 'application/json', 'user-agent': USER_AGENT },
          JSON.stringify(zulipPayload(service, trigger, message)),
        ];
    const where = endpoint(service);
    try {
      return await postOnce(
        new URL(service.base_url),
        headers,
        body,
        this.settings.webhookTimeoutMs,
        this.allowedHosts,
      );
    } catch (error) {
      if (error instanceof PrivateAddressError) {
        throw new BotEventError(
          `${where} was not called: ${error.message}. The server's administrator can allow ` +
            `the host in OUTGOING_WEBHOOK_ALLOWED_HOSTS.`,
        );
      }
      if (error instanceof AnswerTooLargeError) {
        throw new BotEventError(`${where} gave a bad answer: ${error.message}`);
      }
      if (error instanceof RequestTimeoutError)
        throw new RetryableError(`${where} ${error.message}`);
      throw new RetryableError(`could not reach ${where} (${networkReason(error)})`);
    }
  }

  private async reply(event: ServiceBotEvent, content: string): Promise<void> {
    try {
      await this.messenger.post(
        event.botUser,
        event.realm,
        replyPost(event.message, content, event.botUser.id),
        REPLY_CLIENT,
      );
    } catch (error) {
      throw new BotEventError(`its reply could not be posted: ${(error as Error).message}`);
    }
  }
}
