import type { Stream } from '../../streams/stream.types';

/** A stream plus the registering user's subscription row, null columns when there is none. */
export interface StreamWithSubscriptionRow extends Stream {
  sub_active: boolean | null;
  color: string | null;
  is_muted: boolean | null;
  pin_to_top: boolean | null;
  desktop_notifications: boolean | null;
  audible_notifications: boolean | null;
  push_notifications: boolean | null;
  email_notifications: boolean | null;
  wildcard_mentions_notify: boolean | null;
}

export type DefaultStreamRow = Stream;

export interface BotServiceRow {
  bot_id: number;
  name: string;
  base_url: string;
  token: string;
  interface: number;
}

export interface EmojiRow {
  id: number;
  realm_id: number;
  name: string;
  file_name: string;
  author_id: number | null;
  deactivated: boolean;
}

export interface UnreadRow {
  id: number;
  flags: number;
  sender_id: number;
  stream_id: number | null;
  topic: string;
  dm_user_ids: number[] | null;
}
