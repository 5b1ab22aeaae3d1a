/** Delivery settings of the service-bot job queue. */
export interface BotRuntimeSettings {
  /** How long the server waits for an outgoing webhook's answer (Zulip: 10 s). */
  webhookTimeoutMs: number;
  /** Attempts per event, the first included; network errors, timeouts and 5xx are retried. */
  attempts: number;
  /** The first retry waits this long; each later one twice as long as the one before. */
  backoffMs: number;
  /** At most one failure notice per bot to its owner within this window. */
  ownerNoticeIntervalMs: number;
}

export const BOT_RUNTIME_SETTINGS = Symbol('BOT_RUNTIME_SETTINGS');

export const DEFAULT_BOT_RUNTIME_SETTINGS: BotRuntimeSettings = {
  webhookTimeoutMs: 10_000,
  attempts: 5,
  backoffMs: 1_000,
  ownerNoticeIntervalMs: 5 * 60_000,
};
