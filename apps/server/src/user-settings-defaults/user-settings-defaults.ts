import { ZulipError } from '../common/zulip-error';

export type SettingValue = string | boolean | number;

interface SettingSpec {
  default: SettingValue;
  /** For numbers and strings: the values Zulip accepts. */
  allowed?: readonly SettingValue[];
  /** For numbers: the inclusive range Zulip accepts, and its message for a value outside it. */
  range?: { min: number; max: number; message: (value: number) => string };
}

const bool = (value: boolean): SettingSpec => ({ default: value });
const oneOf = <T extends SettingValue>(value: T, allowed: readonly T[]): SettingSpec => ({
  default: value,
  allowed,
});

/** The user settings a realm may set defaults for, with Zulip's own defaults. */
export const USER_SETTINGS_DEFAULTS: Record<string, SettingSpec> = {
  twenty_four_hour_time: bool(false),
  enter_sends: bool(false),
  dense_mode: bool(true),
  starred_message_counts: bool(true),
  fluid_layout_width: bool(false),
  high_contrast_mode: bool(false),
  translate_emoticons: bool(false),
  display_emoji_reaction_users: bool(true),
  escape_navigates_to_home_view: bool(true),
  send_private_typing_notifications: bool(true),
  send_stream_typing_notifications: bool(true),
  send_read_receipts: bool(true),
  presence_enabled: bool(true),
  enable_desktop_notifications: bool(true),
  enable_sounds: bool(true),
  enable_offline_email_notifications: bool(true),
  enable_offline_push_notifications: bool(true),
  enable_online_push_notifications: bool(true),
  enable_stream_desktop_notifications: bool(false),
  enable_stream_email_notifications: bool(false),
  enable_stream_push_notifications: bool(false),
  enable_stream_audible_notifications: bool(false),
  wildcard_mentions_notify: bool(true),
  enable_digest_emails: bool(true),
  message_content_in_email_notifications: bool(true),
  pm_content_in_desktop_notifications: bool(true),
  color_scheme: oneOf(1, [1, 2, 3]),
  demote_inactive_streams: oneOf(1, [1, 2, 3]),
  user_list_style: oneOf(2, [1, 2, 3]),
  // 1 all unreads, 2 DMs, mentions and followed topics, 3 DMs and mentions, 4 none (FL 227).
  desktop_icon_count_display: oneOf(1, [1, 2, 3, 4]),
  email_address_visibility: oneOf(1, [1, 2, 3, 4, 5]),
  emojiset: oneOf('google', ['google', 'google-blob', 'twitter', 'text']),
  web_home_view: oneOf('inbox', ['recent_topics', 'inbox', 'all_messages']),
  notification_sound: oneOf('zulip', ['zulip', 'ding', 'none']),
  enable_followed_topic_desktop_notifications: bool(true),
  enable_followed_topic_email_notifications: bool(true),
  enable_followed_topic_push_notifications: bool(true),
  enable_followed_topic_audible_notifications: bool(true),
  enable_followed_topic_wildcard_mentions_notify: bool(true),
  enable_login_emails: bool(true),
  enable_marketing_emails: bool(true),
  // Zulip allows any batching period up to a week.
  email_notifications_batching_period_seconds: {
    default: 120,
    range: {
      min: 1,
      max: 7 * 24 * 60 * 60,
      message: (value) => `Invalid email batching period: ${value} seconds`,
    },
  },
  // 1 automatic, 2 always, 3 never.
  realm_name_in_email_notifications_policy: oneOf(1, [1, 2, 3]),
  // 1 on participation, 2 on sending, 3 on initiation, 4 never.
  automatically_follow_topics_policy: oneOf(3, [1, 2, 3, 4]),
  automatically_unmute_topics_in_muted_streams_policy: oneOf(3, [1, 2, 3, 4]),
  automatically_follow_topics_where_mentioned: bool(true),
};

/**
 * The notification settings of Zulip's `PATCH /settings` (its `notification_setting_types`,
 * less `presence_enabled`, which this server does not act on).
 */
export const NOTIFICATION_SETTINGS = [
  'enable_stream_desktop_notifications',
  'enable_stream_email_notifications',
  'enable_stream_push_notifications',
  'enable_stream_audible_notifications',
  'wildcard_mentions_notify',
  'enable_followed_topic_desktop_notifications',
  'enable_followed_topic_email_notifications',
  'enable_followed_topic_push_notifications',
  'enable_followed_topic_audible_notifications',
  'enable_followed_topic_wildcard_mentions_notify',
  'notification_sound',
  'enable_desktop_notifications',
  'enable_sounds',
  'enable_offline_email_notifications',
  'message_content_in_email_notifications',
  'enable_digest_emails',
  'enable_login_emails',
  'enable_marketing_emails',
  'email_notifications_batching_period_seconds',
  'enable_offline_push_notifications',
  'enable_online_push_notifications',
  'desktop_icon_count_display',
  'pm_content_in_desktop_notifications',
  'realm_name_in_email_notifications_policy',
  'automatically_follow_topics_policy',
  'automatically_unmute_topics_in_muted_streams_policy',
  'automatically_follow_topics_where_mentioned',
] as const;

export type NotificationSetting = (typeof NOTIFICATION_SETTINGS)[number];

/**
 * The notification settings old clients (without the `user_settings_object` capability) hear of
 * through Zulip's legacy `update_global_notifications` event; newer settings never had one.
 */
export const LEGACY_NOTIFICATION_SETTINGS: ReadonlySet<string> = new Set(
  NOTIFICATION_SETTINGS.filter(
    (name) =>
      !name.startsWith('enable_followed_topic_') &&
      !name.startsWith('automatically_') &&
      name !== 'realm_name_in_email_notifications_policy',
  ),
);

/** The realm's defaults: Zulip's, overridden by what the realm stored. */
export function effectiveDefaults(stored: Record<string, unknown>): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  for (const [name, spec] of Object.entries(USER_SETTINGS_DEFAULTS)) {
    const value = stored[name];
    out[name] = typeof value === typeof spec.default ? (value as SettingValue) : spec.default;
  }
  return out;
}

/** A user's settings: the realm's defaults, overridden by what the user set (of the right type). */
export function withPersonal(
  defaults: Record<string, SettingValue>,
  personal: Record<string, unknown>,
): Record<string, SettingValue> {
  const out = { ...defaults };
  for (const [name, value] of Object.entries(personal)) {
    if (name in out && typeof value === typeof out[name]) out[name] = value as SettingValue;
  }
  return out;
}

/** Checks each given setting against its type and allowed values (Zulip's messages). */
export function checkSettings(given: Record<string, unknown>): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  for (const [name, value] of Object.entries(given)) {
    const spec = USER_SETTINGS_DEFAULTS[name];
    if (!spec || value === undefined) continue;
    if (typeof value !== typeof spec.default) {
      const kind =
        typeof spec.default === 'boolean'
          ? 'a boolean'
          : typeof spec.default === 'number'
            ? 'an integer'
            : 'a string';
      throw ZulipError.badRequest(`${name} is not ${kind}`);
    }
    if (typeof value === 'number' && !Number.isInteger(value)) {
      throw ZulipError.badRequest(`${name} is not an integer`);
    }
    if (spec.allowed && !spec.allowed.includes(value as SettingValue)) {
      throw ZulipError.badRequest(`Invalid ${name}`);
    }
    const range = spec.range;
    if (range && typeof value === 'number' && (value < range.min || value > range.max)) {
      throw ZulipError.badRequest(range.message(value));
    }
    out[name] = value as SettingValue;
  }
  return out;
}
