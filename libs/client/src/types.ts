/** Types of the API requests and replies the client's methods speak (Zulip API, feature level 237). */
import type { Message, PropagateMode, ReactionType } from '@hub/api/message.types';
import type { User } from '@hub/api/user.types';

// The wire shapes are defined once, in libs/api (shared with the server and the bot framework).
export type {
  DisplayRecipientUser,
  Message,
  MessageHistoryEntry,
  MessageType,
  PropagateMode,
  Reaction,
  SendMessageParams,
} from '@hub/api/message.types';
export type { Stream, Subscription } from '@hub/api/stream.types';
export type { User } from '@hub/api/user.types';
export type { Linkifier } from '@hub/api/event.types';

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

export interface SendMessageResult {
  id: number;
  automatic_new_visibility_policy?: number;
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
  reaction_type?: ReactionType;
  /** Mirror bridges: the remote person's mirror email to react for (see the server's README). */
  sender?: string;
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
