import { ZulipError } from '../common/zulip-error';

export type SettingValue = string | boolean | number;

interface SettingSpec {
  default: SettingValue;
  /** For numbers and strings: the values Zulip accepts. */
  allowed?: readonly SettingValue[];
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
  desktop_icon_count_display: oneOf(1, [1, 2, 3]),
  email_address_visibility: oneOf(1, [1, 2, 3, 4, 5]),
  emojiset: oneOf('google', ['google', 'google-blob', 'twitter', 'text']),
  web_home_view: oneOf('inbox', ['recent_topics', 'inbox', 'all_messages']),
  notification_sound: oneOf('zulip', ['zulip', 'ding', 'none']),
};

/** The realm's defaults: Zulip's, overridden by what the realm stored. */
export function effectiveDefaults(stored: Record<string, unknown>): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  for (const [name, spec] of Object.entries(USER_SETTINGS_DEFAULTS)) {
    const value = stored[name];
    out[name] = typeof value === typeof spec.default ? (value as SettingValue) : spec.default;
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
    if (spec.allowed && !spec.allowed.includes(value as SettingValue)) {
      throw ZulipError.badRequest(`Invalid ${name}`);
    }
    out[name] = value as SettingValue;
  }
  return out;
}
