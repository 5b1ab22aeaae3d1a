import type { PushTrigger } from '../push-devices/push-payloads';
import { emailTrigger, type RecipientFacts } from './email-triggers';

const PUSH_TRIGGERS: ReadonlySet<string> = new Set<PushTrigger>([
  'direct_message',
  'mentioned',
  'wildcard_mentioned',
  'wildcard_mentioned_in_followed_topic',
]);

/**
 * Whether (and why) a recipient gets a mobile push notification: the rule of missed-message
 * emails (emailTrigger), read with the push settings — DMs and mentions when
 * `enable_offline_push_notifications`, wildcard mentions as `wildcard_mentions_notify` and the
 * followed-topic setting allow. Plain stream and followed-topic messages are not pushed. A user
 * active on another client (`idle` false) is pushed only with `enable_online_push_notifications`
 * (Zulip's default), as Zulip's get_push_notification_trigger decides.
 */
export function pushTrigger(
  facts: Omit<RecipientFacts, 'settings'>,
  settings: Readonly<Record<string, unknown>>,
  idle: boolean,
): PushTrigger | null {
  if (!idle && settings.enable_online_push_notifications !== true) return null;
  const trigger = emailTrigger({
    ...facts,
    settings: {
      enable_offline_email_notifications: settings.enable_offline_push_notifications === true,
      wildcard_mentions_notify: settings.wildcard_mentions_notify === true,
      enable_stream_email_notifications: false,
      enable_followed_topic_email_notifications: false,
      enable_followed_topic_wildcard_mentions_notify:
        settings.enable_followed_topic_wildcard_mentions_notify === true,
    },
    subscription: facts.subscription && { ...facts.subscription, email_notifications: false },
  });
  return trigger !== null && PUSH_TRIGGERS.has(trigger) ? (trigger as PushTrigger) : null;
}
