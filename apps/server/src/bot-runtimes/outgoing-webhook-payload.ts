import type { Message as ApiMessage } from '@hub/api/message.types';
import type { ServiceBotRow, ServiceTrigger } from './service-bot.types';

/** The message as an outgoing webhook sees it: the GET /messages dict plus `rendered_content`. */
export type WebhookMessage = Omit<ApiMessage, 'flags' | 'content_type'> & {
  rendered_content: string;
};

/** Zulip's outgoing-webhook body (JSON). */
export interface ZulipWebhookPayload {
  bot_email: string;
  bot_full_name: string;
  data: string;
  trigger: ServiceTrigger;
  token: string;
  message: WebhookMessage;
}

/** `message` as Zulip sends it: Markdown `content`, rendered HTML beside it, no reader flags. */
export function webhookMessage(message: ApiMessage, renderedContent: string): WebhookMessage {
  const { flags: _flags, content_type: _contentType, ...rest } = message;
  return { ...rest, rendered_content: renderedContent };
}

export function zulipPayload(
  bot: Pick<ServiceBotRow, 'email' | 'full_name' | 'token'>,
  trigger: ServiceTrigger,
  message: WebhookMessage,
): ZulipWebhookPayload {
  return {
    bot_email: bot.email,
    bot_full_name: bot.full_name,
    data: message.content,
    trigger,
    token: bot.token,
    message,
  };
}

/**
 * The Slack-compatible body (form-encoded), field for field as Zulip builds it. Slack's format has
 * no direct messages: callers refuse those before building it.
 */
export function slackPayload(
  bot: Pick<ServiceBotRow, 'id' | 'token'>,
  realm: { id: number; host: string },
  trigger: ServiceTrigger,
  message: WebhookMessage,
): URLSearchParams {
  const channelName =
    typeof message.display_recipient === 'string' ? message.display_recipient : '';
  return new URLSearchParams([
    ['token', bot.token],
    ['team_id', `T${realm.id}`],
    ['team_domain', realm.host],
    ['channel_id', `C${message.stream_id ?? ''}`],
    ['channel_name', channelName],
    ['thread_ts', String(message.timestamp)],
    ['timestamp', String(message.timestamp)],
    ['user_id', `U${message.sender_id}`],
    ['user_name', message.sender_full_name],
    ['text', message.content],
    ['trigger_word', trigger],
    ['service_id', String(bot.id)],
  ]);
}
