/** A stream in Zulip's `BasicChannel` shape (`GET /streams`, `stream` events). */
export interface Stream {
  stream_id: number;
  name: string;
  description: string;
  rendered_description: string;
  date_created: number;
  creator_id: number | null;
  invite_only: boolean;
  is_web_public: boolean;
  is_archived: boolean;
  stream_post_policy: number;
  is_announcement_only: boolean;
  message_retention_days: number | null;
  history_public_to_subscribers: boolean;
  first_message_id: number | null;
  stream_weekly_traffic: number | null;
  /** `GET /streams` with `include_default`. */
  is_default?: boolean;
}

/** A subscription: the stream plus this user's settings for it. */
export interface Subscription extends Stream {
  color: string;
  is_muted: boolean;
  in_home_view: boolean;
  pin_to_top: boolean;
  desktop_notifications: boolean | null;
  audible_notifications: boolean | null;
  push_notifications: boolean | null;
  email_notifications: boolean | null;
  wildcard_mentions_notify: boolean | null;
  /** With `include_subscribers`. */
  subscribers?: number[];
}
