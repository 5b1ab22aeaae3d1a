import { MessageFlag } from '../messages/flags';

/** Why a user is mailed about a message, in Zulip's order of precedence (first wins). */
export type EmailTrigger =
  | 'direct_message'
  | 'mentioned'
  | 'wildcard_mentioned_in_followed_topic'
  | 'wildcard_mentioned'
  | 'followed_topic_email_notify'
  | 'stream_email_notify';

/** The personal settings that decide missed-message emails (Zulip's names). */
export interface EmailSettings {
  enable_offline_email_notifications: boolean;
  wildcard_mentions_notify: boolean;
  enable_stream_email_notifications: boolean;
  enable_followed_topic_email_notifications: boolean;
  enable_followed_topic_wildcard_mentions_notify: boolean;
}

/** The email settings out of a user's effective settings. */
export function emailSettingsOf(settings: Readonly<Record<string, unknown>>): EmailSettings {
  const on = (name: keyof EmailSettings) => settings[name] === true;
  return {
    enable_offline_email_notifications: on('enable_offline_email_notifications'),
    wildcard_mentions_notify: on('wildcard_mentions_notify'),
    enable_stream_email_notifications: on('enable_stream_email_notifications'),
    enable_followed_topic_email_notifications: on('enable_followed_topic_email_notifications'),
    enable_followed_topic_wildcard_mentions_notify: on(
      'enable_followed_topic_wildcard_mentions_notify',
    ),
  };
}

/** Zulip's user_topics visibility policies (0: no row, the stream's muting decides). */
export const TopicPolicy = { inherit: 0, muted: 1, unmuted: 2, followed: 3 } as const;

/** What one recipient's email decision depends on. */
export interface RecipientFacts {
  isDirect: boolean;
  flags: number;
  settings: EmailSettings;
  /** The recipient's subscription to the message's stream (null for DMs or none). */
  subscription: {
    is_muted: boolean;
    email_notifications: boolean | null;
    wildcard_mentions_notify: boolean | null;
  } | null;
  topicPolicy: number;
}

/**
 * Zulip's rule for stream-level notification settings: nothing from a muted topic or (unless
 * the topic is unmuted or followed) a muted stream; otherwise the stream's own setting when set,
 * else the global one.
 */
function allowedInStreamTopic(
  facts: RecipientFacts,
  streamSetting: boolean | null | undefined,
  globalSetting: boolean,
): boolean {
  if (facts.topicPolicy === TopicPolicy.muted) return false;
  const topicUnmuted =
    facts.topicPolicy === TopicPolicy.unmuted || facts.topicPolicy === TopicPolicy.followed;
  if (facts.subscription?.is_muted && !topicUnmuted) return false;
  return streamSetting ?? globalSetting;
}

/**
 * Whether (and why) a recipient who is away from Zulip gets a missed-message email: DMs and
 * mentions (personal or group) when `enable_offline_email_notifications`; wildcard mentions when
 * `wildcard_mentions_notify` allows too (the stream's setting overriding); followed topics and
 * streams with email notifications on. A message already read (one's own, a muted sender's)
 * never mails.
 */
export function emailTrigger(facts: RecipientFacts): EmailTrigger | null {
  const { flags, settings } = facts;
  if ((flags & MessageFlag.read) !== 0) return null;
  const offline = settings.enable_offline_email_notifications;
  if (facts.isDirect) return offline ? 'direct_message' : null;
  if (offline && (flags & MessageFlag.mentioned) !== 0) return 'mentioned';
  const followed = facts.topicPolicy === TopicPolicy.followed;
  if (offline && (flags & MessageFlag.wildcard_mentioned) !== 0) {
    if (followed && settings.enable_followed_topic_wildcard_mentions_notify) {
      return 'wildcard_mentioned_in_followed_topic';
    }
    const stream = facts.subscription?.wildcard_mentions_notify;
    if (allowedInStreamTopic(facts, stream, settings.wildcard_mentions_notify)) {
      return 'wildcard_mentioned';
    }
  }
  if (followed && settings.enable_followed_topic_email_notifications) {
    return 'followed_topic_email_notify';
  }
  const subscription = facts.subscription;
  if (
    subscription &&
    allowedInStreamTopic(
      facts,
      subscription.email_notifications,
      settings.enable_stream_email_notifications,
    )
  ) {
    return 'stream_email_notify';
  }
  return null;
}
