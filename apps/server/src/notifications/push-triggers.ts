import type { PushTrigger } from '../push-devices/push-payloads';
import { emailTrigger, type RecipientFacts } from './email-triggers';

const PUSH_TRIGGERS: ReadonlySet<string> = new Set<PushTrigger>([
  'direct_message',
  'mentioned',
  'wildcard_mentioned',
  'wildcard_mentioned_in_followed_topic',
]);

/**
 * Whether (and why) a recipient away from Zulip gets a mobile push notification: the rule of
 * missed-message emails (emailTrigger), read with the push settings — DMs and mentions when
 * `enable_offline_push_notifications`, wildcard mentions as `wildcard_mentions_notify` and the
 * followed-topic setting allow. Plain stream and followed-topic messages are not pushed.
 */
export function pushTrigger(
  facts: Omit<RecipientFacts, 'settings'>,
  settings: Readonly<Record<string, unknown>>,
): PushTrigger | null {
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
