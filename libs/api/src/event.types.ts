/**
 * The events a queue delivers, in Zulip's wire shapes (GET /events). Every delivered event also
 * carries `id`, assigned by the queue; publishers never set it.
 */
import type { Message, PropagateMode, TopicLink } from './message.types';
import type { Stream, Subscription } from './stream.types';
import type { Bot, User } from './user.types';
import type { UserGroup } from './user-group.types';
import type { MutedTopic, MutedUser, UserTopic } from './muting.types';
import type { Draft } from './draft.types';
import type { AttachmentEvent } from './upload.types';
import type { ScheduledMessage } from './scheduled-message.types';
import type { CustomProfileField } from './profile-field.types';
import type { RealmPlayground } from './playground.types';

export interface EventUserRef {
  user_id: number;
  email: string;
}

/** A message as it appears inside a `message` event: the reader's flags sit beside it. */
export type EventMessage = Omit<
  Message,
  'flags' | 'edit_history' | 'last_edit_timestamp' | 'match_content' | 'match_subject'
> & {
  /** Echoed to the sending client so it can match its local echo. */
  local_message_id?: string;
};

export interface MessageEvent {
  type: 'message';
  message: EventMessage;
  /** The receiving user's flags (`mentioned`, `read`, ...). */
  flags: string[];
}

export interface UpdateMessageEvent {
  type: 'update_message';
  user_id: number | null;
  message_id: number;
  message_ids: number[];
  flags: string[];
  edit_timestamp: number;
  rendering_only: boolean;
  stream_name?: string;
  stream_id?: number;
  new_stream_id?: number;
  propagate_mode?: PropagateMode;
  orig_subject?: string;
  subject?: string;
  topic_links?: TopicLink[];
  orig_content?: string;
  orig_rendered_content?: string;
  content?: string;
  rendered_content?: string;
  is_me_message?: boolean;
}

/**
 * Publishers set `message_ids`; queues without the `bulk_message_deletion` capability get one
 * event per message with `message_id` instead.
 */
export interface DeleteMessageEvent {
  type: 'delete_message';
  message_type: 'stream' | 'private';
  message_ids?: number[];
  message_id?: number;
  stream_id?: number;
  topic?: string;
}

export interface UpdateMessageFlagsEvent {
  type: 'update_message_flags';
  op: 'add' | 'remove';
  operation?: 'add' | 'remove';
  flag: string;
  messages: number[];
  all: boolean;
  message_details?: Record<string, unknown>;
}

export interface ReactionEvent {
  type: 'reaction';
  op: 'add' | 'remove';
  user_id: number;
  user: { user_id: number; email: string; full_name: string };
  message_id: number;
  emoji_name: string;
  emoji_code: string;
  reaction_type: 'unicode_emoji' | 'realm_emoji' | 'zulip_extra_emoji';
}

/** A subscription object (stream fields plus the user's settings), as GET /users/me/subscriptions. */
export type EventSubscription = Subscription;
/** A stream object in Zulip's BasicChannel shape. */
export type EventStream = Stream;

export type SubscriptionEvent =
  | { type: 'subscription'; op: 'add'; subscriptions: EventSubscription[] }
  | {
      type: 'subscription';
      op: 'remove';
      subscriptions: Array<{ name: string; stream_id: number }>;
    }
  | {
      type: 'subscription';
      op: 'update';
      stream_id: number;
      property: string;
      value: string | boolean | number | null;
    }
  | {
      type: 'subscription';
      op: 'peer_add' | 'peer_remove';
      stream_ids: number[];
      user_ids: number[];
    };

export type StreamEvent =
  | { type: 'stream'; op: 'create'; streams: EventStream[] }
  | {
      type: 'stream';
      op: 'delete';
      streams: Array<{ stream_id: number }>;
      stream_ids: number[];
    }
  | {
      type: 'stream';
      op: 'update';
      stream_id: number;
      name: string;
      property: string;
      value: string | boolean | number | null;
      rendered_description?: string;
      history_public_to_subscribers?: boolean;
      is_web_public?: boolean;
    };

/** A user in Zulip's User shape (the server's identity/user-presenter.ts builds it). */
export type EventPerson = User;

/** A `realm_user` update: the user's id and only what changed (`new_email` for an address). */
export type EventPersonUpdate = { user_id: number } & Partial<Omit<User, 'user_id'>> & {
    new_email?: string;
    /** An avatar change: `U` (uploaded) or `G` (Gravatar), with both sizes' URLs. */
    avatar_source?: string;
    avatar_url_medium?: string;
    /** A changed custom profile field value; `value` null when it was cleared. */
    custom_profile_field?: { id: number; value: string | null; rendered_value?: string };
  };

export type RealmUserEvent =
  | { type: 'realm_user'; op: 'add'; person: EventPerson }
  | { type: 'realm_user'; op: 'remove'; person: { user_id: number; full_name: string } }
  | { type: 'realm_user'; op: 'update'; person: EventPersonUpdate };

export type RealmBotEvent =
  | { type: 'realm_bot'; op: 'add' | 'update'; bot: Bot }
  | { type: 'realm_bot'; op: 'remove' | 'delete'; bot: { user_id: number; full_name?: string } };

export type RealmEvent =
  | {
      type: 'realm';
      op: 'update';
      property: string;
      value: string | boolean | number | null;
    }
  | {
      type: 'realm';
      op: 'update_dict';
      property: 'default';
      /** Settings with a value of their own shape: `authentication_methods`, name → its state. */
      data: Record<
        string,
        | string
        | boolean
        | number
        | null
        | Record<string, { enabled: boolean; available: boolean; unavailable_reason?: string }>
      >;
    }
  | { type: 'realm'; op: 'deactivated'; realm_id: number };

/** The realm's email domains (for `restricted_to_domain`) changed. */
export type RealmDomainsEvent =
  | {
      type: 'realm_domains';
      op: 'add' | 'change';
      realm_domain: { domain: string; allow_subdomains: boolean };
    }
  | { type: 'realm_domains'; op: 'remove'; domain: string };

/** One of the person's own settings changed (sent only to them). */
export interface UserSettingsEvent {
  type: 'user_settings';
  op: 'update';
  property: string;
  value: string | boolean | number;
}

export interface Linkifier {
  id: number;
  pattern: string;
  url_template: string;
}

export interface RealmLinkifiersEvent {
  type: 'realm_linkifiers';
  realm_linkifiers: Linkifier[];
}

/** The legacy form of realm_linkifiers, still read by older clients: [pattern, url, id]. */
export interface RealmFiltersEvent {
  type: 'realm_filters';
  realm_filters: Array<[string, string, number]>;
}

export interface RealmEmojiEvent {
  type: 'realm_emoji';
  op: 'update';
  realm_emoji: Record<string, unknown>;
}

export interface DefaultStreamsEvent {
  type: 'default_streams';
  default_streams: EventStream[];
}

export interface AlertWordsEvent {
  type: 'alert_words';
  alert_words: string[];
}

export type UserGroupEvent =
  | { type: 'user_group'; op: 'add'; group: UserGroup }
  | {
      type: 'user_group';
      op: 'update';
      group_id: number;
      data: { name?: string; description?: string; can_mention_group?: number };
    }
  | { type: 'user_group'; op: 'remove'; group_id: number }
  | {
      type: 'user_group';
      op: 'add_members' | 'remove_members';
      group_id: number;
      user_ids: number[];
    }
  | {
      type: 'user_group';
      op: 'add_subgroups' | 'remove_subgroups';
      group_id: number;
      direct_subgroup_ids: number[];
    };

export type UserTopicEvent = { type: 'user_topic' } & UserTopic;

/** The legacy announcement of the user's whole muted-topics list. */
export interface MutedTopicsEvent {
  type: 'muted_topics';
  muted_topics: MutedTopic[];
}

export interface MutedUsersEvent {
  type: 'muted_users';
  muted_users: MutedUser[];
}

export type DraftsEvent =
  | { type: 'drafts'; op: 'add'; drafts: Draft[] }
  | { type: 'drafts'; op: 'update'; draft: Draft }
  | { type: 'drafts'; op: 'remove'; draft_id: number };

/** A change to the settings the realm gives new users; to every user of the realm. */
export interface RealmUserSettingsDefaultsEvent {
  type: 'realm_user_settings_defaults';
  op: 'update';
  property: string;
  value: string | boolean | number;
}

export interface RealmPlaygroundsEvent {
  type: 'realm_playgrounds';
  realm_playgrounds: RealmPlayground[];
}

export interface CustomProfileFieldsEvent {
  type: 'custom_profile_fields';
  fields: CustomProfileField[];
}

export type ScheduledMessagesEvent =
  | { type: 'scheduled_messages'; op: 'add'; scheduled_messages: ScheduledMessage[] }
  | { type: 'scheduled_messages'; op: 'update'; scheduled_message: ScheduledMessage }
  | { type: 'scheduled_messages'; op: 'remove'; scheduled_message_id: number };

export type TypingEvent =
  | {
      type: 'typing';
      op: 'start' | 'stop';
      message_type: 'direct';
      sender: EventUserRef;
      recipients: EventUserRef[];
    }
  | {
      type: 'typing';
      op: 'start' | 'stop';
      message_type: 'stream';
      sender: EventUserRef;
      stream_id: number;
      topic: string;
    };

export interface PresenceInfo {
  client: string;
  status: 'active' | 'idle';
  timestamp: number;
  pushable: boolean;
}

export interface PresenceEvent {
  type: 'presence';
  user_id: number;
  email: string;
  server_timestamp: number;
  presence: Record<string, PresenceInfo>;
}

/** A change to one of the user's own settings, sent to that user's clients only. */
export interface UserSettingsEvent {
  type: 'user_settings';
  op: 'update';
  property: string;
  value: string | boolean | number;
}

/**
 * Zulip's legacy form of a notification-setting change, for clients registered without the
 * `user_settings_object` capability (they get `user_settings` too).
 */
export interface UpdateGlobalNotificationsEvent {
  type: 'update_global_notifications';
  user: string;
  notification_name: string;
  setting: string | boolean | number;
}

/** A user's status as `/register` and `GET /users/{id}/status` report it: only what is set. */
export interface UserStatus {
  away?: boolean;
  status_text?: string;
  emoji_name?: string;
  emoji_code?: string;
  reaction_type?: string;
}

/** A status change: the user's id and only the fields the change set. */
export interface UserStatusEvent extends UserStatus {
  type: 'user_status';
  user_id: number;
}

/** Pending invitations changed: clients that show them fetch `GET /invites` again. */
export interface InvitesChangedEvent {
  type: 'invites_changed';
}

export interface HeartbeatEvent {
  type: 'heartbeat';
}

/** Every event type a queue can deliver. */
export type ZulipEvent =
  | MessageEvent
  | UpdateMessageEvent
  | DeleteMessageEvent
  | UpdateMessageFlagsEvent
  | ReactionEvent
  | SubscriptionEvent
  | StreamEvent
  | RealmUserEvent
  | RealmBotEvent
  | RealmEvent
  | RealmDomainsEvent
  | UserSettingsEvent
  | RealmLinkifiersEvent
  | RealmFiltersEvent
  | RealmEmojiEvent
  | DefaultStreamsEvent
  | AlertWordsEvent
  | UserGroupEvent
  | UserTopicEvent
  | MutedTopicsEvent
  | MutedUsersEvent
  | DraftsEvent
  | AttachmentEvent
  | ScheduledMessagesEvent
  | CustomProfileFieldsEvent
  | RealmPlaygroundsEvent
  | RealmUserSettingsDefaultsEvent
  | TypingEvent
  | PresenceEvent
  | UserStatusEvent
  | UserSettingsEvent
  | UpdateGlobalNotificationsEvent
  | InvitesChangedEvent
  | HeartbeatEvent;

export type EventType = ZulipEvent['type'];

/** What a queue hands out: the event plus its queue-local id. */
export type QueuedEvent = ZulipEvent & { id: number };

/**
 * How publishers describe a `message` event: the message with its rendered HTML `content`, plus
 * the Markdown source for queues registered with `apply_markdown: false`. Per-user `flags` come
 * from the recipients.
 */
export interface MessagePublication {
  type: 'message';
  message: EventMessage;
  raw_content: string;
  /** True when the sender's avatar is a Gravatar: `client_gravatar` queues get `avatar_url: null`. */
  gravatar_avatar?: boolean;
}

/** What the server's event publisher accepts. */
export type PublishableEvent =
  Exclude<ZulipEvent, MessageEvent | HeartbeatEvent> | MessagePublication;
