/**
 * The webhook gateway's delivery history (not in Zulip's API): what the gateway reports to the
 * server for each webhook it accepted, and what `GET /api/v1/webhooks/deliveries` lists.
 */

/** queued: accepted, not yet posted; retrying: the server was unreachable, the gateway retries. */
export const DELIVERY_OUTCOMES = ['queued', 'retrying', 'delivered', 'filtered', 'failed'] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** One delivery as the admin API lists it (without its stored payload). */
export interface WebhookDelivery {
  id: number;
  bot_id: number;
  integration: string;
  event: string | null;
  /** Unix seconds the gateway accepted it. */
  received_at: number;
  /** Body size in bytes. */
  size: number;
  outcome: DeliveryOutcome;
  /** Why it failed, was filtered or is retrying. */
  reason: string | null;
  /** The message it posted (delivered). */
  message_id: number | null;
  /** The delivery this one replays. */
  replay_of: number | null;
}

/** One hour of `GET /api/v1/webhooks/deliveries/stats`. */
export interface DeliveryHour {
  /** Unix seconds of the hour's start. */
  hour: number;
  deliveries: number;
  failures: number;
}

/**
 * The header the server sets when it hands a stored delivery back to the gateway: the id of the
 * original delivery. The gateway posts one message per original within its replay window.
 */
export const REPLAY_OF_HEADER = 'x-zulip-hub-replay-of';

/** One integration of the gateway's catalogue (`GET /integrations.json`). */
export interface IntegrationInfo {
  /** The URL name: `/api/v1/external/<name>`. */
  name: string;
  display_name: string;
  category: string;
  category_name: string;
  /** The events it posts, for `only_events` / `exclude_events`. */
  events: string[];
  /** Whether the `branches` URL parameter applies. */
  branches: boolean;
  /**
   * How a configured secret (WEBHOOK_SECRETS_FILE) is checked: `service` — the service signs each
   * request with it; `token` — the sender must send it in an `X-Webhook-Token` header.
   */
  signature: 'service' | 'token';
  /** Its own URL parameters beyond api_key, stream, topic, only_events, exclude_events. */
  parameters: Record<string, string>;
}
