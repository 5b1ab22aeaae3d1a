/** A row of `streams`. */
export interface Stream {
  id: number;
  realm_id: number;
  name: string;
  description: string;
  rendered_description: string;
  invite_only: boolean;
  history_public_to_subscribers: boolean;
  is_web_public: boolean;
  stream_post_policy: StreamPostPolicy;
  message_retention_days: number | null;
  creator_id: number | null;
  date_created: Date;
  deactivated: boolean;
  first_message_id: string | null;
}

/** A row of `subscriptions`: one user's membership of and settings for one stream. */
export interface Subscription {
  id: number;
  user_id: number;
  stream_id: number;
  active: boolean;
  color: string;
  is_muted: boolean;
  pin_to_top: boolean;
  desktop_notifications: boolean | null;
  audible_notifications: boolean | null;
  push_notifications: boolean | null;
  email_notifications: boolean | null;
  wildcard_mentions_notify: boolean | null;
}

/** Zulip's `stream_post_policy` values. */
export enum StreamPostPolicy {
  Everyone = 1,
  Admins = 2,
  RestrictNewMembers = 3,
  Moderators = 4,
}

/** Zulip's limits on stream names and descriptions. */
export const MAX_STREAM_NAME_LENGTH = 60;
export const MAX_STREAM_DESCRIPTION_LENGTH = 1024;

/** Colours handed to new subscriptions, in order, so a user's streams look distinct. */
export const SUBSCRIPTION_COLORS = [
  '#76ce90',
  '#fae589',
  '#a6c7e5',
  '#e79ab5',
  '#bfd56f',
  '#f4ae55',
  '#b0a5fd',
  '#addfe5',
  '#f5ce6e',
  '#c2726a',
  '#94c849',
  '#bd86e5',
  '#ee7e4a',
  '#a6dcbf',
  '#95a5fd',
  '#53a063',
  '#9987e1',
  '#e4523d',
  '#c2c2c2',
  '#4f8de4',
  '#c6a8ad',
  '#e7cc4d',
  '#c8bebf',
  '#a47462',
] as const;

/** Per-user settings `POST /users/me/subscriptions/properties` may change. */
export const SUBSCRIPTION_PROPERTIES = [
  'color',
  'is_muted',
  'in_home_view',
  'pin_to_top',
  'desktop_notifications',
  'audible_notifications',
  'push_notifications',
  'email_notifications',
  'wildcard_mentions_notify',
] as const;

export type SubscriptionProperty = (typeof SUBSCRIPTION_PROPERTIES)[number];

/** The columns those properties are stored in (`in_home_view` is the inverse of `is_muted`). */
export type SubscriptionSettingColumn = Exclude<SubscriptionProperty, 'in_home_view'>;
