import type { BotType } from '../identity/user.types';

/** Why a service bot hears about a message (Zulip's outgoing-webhook `trigger`). */
export type ServiceTrigger = 'mention' | 'direct_message';

/** An active outgoing-webhook or embedded bot with its `bot_services` row. */
export interface ServiceBotRow {
  id: number;
  realm_id: number;
  email: string;
  full_name: string;
  bot_type: BotType.OutgoingWebhook | BotType.Embedded;
  bot_owner_id: number | null;
  service_name: string;
  base_url: string;
  token: string;
  interface: number;
}

/**
 * One service-bot event on the job queue. It carries ids only, so it survives a restart in Redis
 * and every attempt reads the current bot and message.
 */
export interface ServiceBotJob {
  realmId: number;
  botId: number;
  messageId: number;
  /** The sender, who can always read the message. */
  senderId: number;
  trigger: ServiceTrigger;
}
