/** Types of the API requests and replies the client's methods speak (Zulip API, feature level 237). */

/** Fields every successful reply carries. */
export interface ZulipSuccess {
  result: 'success';
  msg: string;
  /** Parameters the server did not use. */
  ignored_parameters_unsupported?: string[];
}

/** A successful reply: the endpoint's fields plus the envelope. */
export type ZulipResponse<T = object> = T & ZulipSuccess;

/** Per-call options. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

/** A narrow term: `["stream", "general"]` or `{operator, operand, negated}`. */
export type NarrowTerm =
  | [string, string | number | number[]]
  | { operator: string; operand: string | number | number[]; negated?: boolean };

// ---- messages ----

export type MessageType = 'stream' | 'channel' | 'private' | 'direct';

export interface SendMessageParams {
  type: MessageType;
  /** A stream name or id; for direct messages a list of user ids or emails (or one email). */
  to: string | number | Array<string | number>;
  content: string;
  topic?: string;
  /** Legacy name of `topic`, still sent by mirrors. */
  subject?: string;
  queue_id?: string;
  local_id?: string;
  read_by_sender?: boolean;
  /** Mirror semantics (API super users): post as another user. */
  sender?: string;
  forged?: boolean | string;
  time?: number;
  realm_str?: string;
}

export interface SendMessageResult {
  id: number;
  automatic_new_visibility_policy?: number;
}

export interface Reaction {
  emoji_name: string;
  emoji_code: string;
  reaction_type: 'unicode_emoji' | 'realm_emoji' | 'zulip_extra_emoji';
  user_id: number;
}

export interface DisplayRecipientUser {
  id: number;
  email: string;
  full_name: string;
  is_mirror_dummy?: boolean;
}

export interface Message {
  id: number;
  type: 'stream' | 'private';
  content: string;
  content_type?: string;
  sender_id: number;
  sender_email: string;
  sender_full_name: string;
  sender_realm_str?: string;
  /** The stream name, or the list of people in a direct message. */
  display_recipient: string | DisplayRecipientUser[];
  recipient_id: number;
  stream_id?: number;
  subject: string;
  timestamp: number;
  client: string;
  avatar_url: string | null;
  is_me_message: boolean;
  reactions: Reaction[];
  submessages: unknown[];
  topic_links: Array<{ text: string; url: string }>;
  flags?: string[];
  last_edit_timestamp?: number;
  match_content?: string;
  match_subject?: string;
}

export type Anchor = number | 'newest' | 'oldest' | 'first_unread';

export interface GetMessagesParams {
  anchor?: Anchor;
  include_anchor?: boolean;
  num_before?: number;
  num_after?: number;
  narrow?: NarrowTerm[];
  message_ids?: number[];
  apply_markdown?: boolean;
  client_gravatar?: boolean;
}

export interface GetMessagesResult {
  anchor: number;
  found_newest: boolean;
  found_oldest: boolean;
  found_anchor: boolean;
  history_limited: boolean;
  messages: Message[];
}

export interface GetMessageResult {
  raw_content: string;
  message: Message;
}

export type PropagateMode = 'change_one' | 'change_later' | 'change_all';

export interface UpdateMessageParams {
  message_id: number;
  content?: string;
  topic?: string;
  subject?: string;
  stream_id?: number;
  propagate_mode?: PropagateMode;
  send_notification_to_old_thread?: boolean;
  send_notification_to_new_thread?: boolean;
}

export type MessageFlag = 'read' | 'starred' | 'collapsed' | string;

export interface UpdateFlagsParams {
  messages: number[];
  op: 'add' | 'remove';
  flag: MessageFlag;
}

export interface ReactionParams {
  message_id: number;
  emoji_name: string;
  emoji_code?: string;
  reaction_type?: Reaction['reaction_type'];
}

export interface MessageHistoryEntry {
  timestamp: number;
  user_id: number | null;
  topic?: string;
  prev_topic?: string;
  stream?: number;
  prev_stream?: number;
  content?: string;
  rendered_content?: string;
  prev_content?: string;
  prev_rendered_content?: string;
  content_html_diff?: string;
}

export interface MatchesNarrowParams {
  msg_ids: number[];
  narrow: NarrowTerm[];
}

export interface MatchesNarrowResult {
  messages: Record<string, { match_content: string; match_subject: string }>;
}

// ---- events ----

export interface RegisterParams {
  event_types?: string[];
  narrow?: NarrowTerm[];
  all_public_streams?: boolean;
  apply_markdown?: boolean;
  client_gravatar?: boolean;
  include_subscribers?: boolean;
  fetch_event_types?: string[];
  client_capabilities?: Record<string, boolean>;
  slim_presence?: boolean;
}

export interface RegisterResult {
  queue_id: string;
  last_event_id: number;
  zulip_feature_level?: number;
  zulip_version?: string;
  event_queue_longpoll_timeout_seconds?: number;
  max_message_id?: number;
  /** The initial state for the registered event types. */
  [state: string]: unknown;
}

export interface GetEventsParams {
  queue_id: string;
  last_event_id: number;
  dont_block?: boolean;
}

/** Any event: each has an increasing `id` and a `type`. */
export interface ZulipEvent {
  id: number;
  type: string;
  [field: string]: unknown;
}

export interface MessageEvent extends ZulipEvent {
  type: 'message';
  message: Message;
  flags: string[];
}

export interface GetEventsResult {
  events: ZulipEvent[];
  queue_id?: string;
}

// ---- users ----

export interface User {
  user_id: number;
  email: string;
  delivery_email?: string | null;
  full_name: string;
  role: number;
  is_admin: boolean;
  is_owner: boolean;
  is_guest: boolean;
  is_bot: boolean;
  is_active: boolean;
  bot_type?: number | null;
  bot_owner_id?: number | null;
  avatar_url?: string | null;
  timezone?: string;
  date_joined?: string;
  profile_data?: Record<string, unknown>;
}

export interface OwnUser extends User {
  max_message_id?: number;
}

export interface ListUsersParams {
  client_gravatar?: boolean;
  include_custom_profile_fields?: boolean;
}

export interface CreateUserParams {
  email: string;
  password: string;
  full_name: string;
}

export interface UpdateUserParams {
  full_name?: string;
  role?: number;
  profile_data?: Array<{ id: number; value: string }>;
}

// ---- streams and subscriptions ----

export interface Stream {
  stream_id: number;
  name: string;
  description: string;
  rendered_description?: string;
  invite_only: boolean;
  is_web_public?: boolean;
  is_archived?: boolean;
  history_public_to_subscribers?: boolean;
  date_created?: number;
  creator_id?: number | null;
  first_message_id?: number | null;
  is_default?: boolean;
}

export interface ListStreamsParams {
  include_public?: boolean;
  include_web_public?: boolean;
  include_subscribed?: boolean;
  include_all_active?: boolean;
  include_default?: boolean;
  exclude_archived?: boolean;
}

export interface UpdateStreamParams {
  new_name?: string;
  description?: string;
  is_private?: boolean;
  is_web_public?: boolean;
  history_public_to_subscribers?: boolean;
}

export interface Subscription extends Stream {
  color?: string;
  is_muted?: boolean;
  pin_to_top?: boolean;
  audible_notifications?: boolean | null;
  desktop_notifications?: boolean | null;
  subscribers?: number[];
}

export interface NewSubscription {
  name: string;
  description?: string;
}

export interface AddSubscriptionsOptions {
  /** User ids or emails to subscribe; default the caller. */
  principals?: Array<number | string>;
  authorization_errors_fatal?: boolean;
  announce?: boolean;
  invite_only?: boolean;
  is_web_public?: boolean;
  history_public_to_subscribers?: boolean;
}

export interface AddSubscriptionsResult {
  /** Keyed by user id (or email on older servers): stream names. */
  subscribed: Record<string, string[]>;
  already_subscribed: Record<string, string[]>;
  unauthorized?: string[];
}

export interface RemoveSubscriptionsResult {
  removed: string[];
  not_removed: string[];
}

export interface SubscriptionPropertyChange {
  stream_id: number;
  property: string;
  value: string | number | boolean;
}

// ---- other endpoints ----

export interface UploadFileParams {
  data: Buffer | Uint8Array | Blob;
  filename: string;
  contentType?: string;
}

export interface UploadFileResult {
  uri: string;
  url?: string;
  filename?: string;
}

export interface ServerSettings {
  zulip_version: string;
  zulip_feature_level: number;
  zulip_merge_base?: string;
  push_notifications_enabled?: boolean;
  is_incompatible?: boolean;
  email_auth_enabled?: boolean;
  require_email_format_usernames?: boolean;
  realm_url?: string;
  realm_uri?: string;
  realm_name?: string;
  realm_icon?: string;
  realm_description?: string;
  authentication_methods?: Record<string, boolean>;
}

export interface Linkifier {
  id: number;
  pattern: string;
  url_template: string;
}
