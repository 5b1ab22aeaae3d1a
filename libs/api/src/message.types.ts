/**
 * Message shapes on the wire (Zulip API, feature level 237), shared by the server, the API
 * client and the bot framework.
 */

/** What a sender names as a message's type (`channel`/`direct` are the newer spellings). */
export type MessageType = 'stream' | 'channel' | 'private' | 'direct';

export type PropagateMode = 'change_one' | 'change_later' | 'change_all';

export type ReactionType = 'unicode_emoji' | 'realm_emoji' | 'zulip_extra_emoji';

export interface Reaction {
  emoji_name: string;
  emoji_code: string;
  reaction_type: ReactionType;
  user_id: number;
}

/** A participant of a direct message, as `display_recipient` lists them. */
export interface DisplayRecipientUser {
  id: number;
  email: string;
  full_name: string;
  is_mirror_dummy?: boolean;
}

export interface TopicLink {
  text: string;
  url: string;
}

/** One earlier version in a message's `edit_history`. */
export interface EditHistoryEntry {
  user_id: number | null;
  timestamp: number;
  prev_content?: string;
  prev_rendered_content?: string;
  prev_topic?: string;
  topic?: string;
  prev_stream?: number;
  stream?: number;
}

/** A message object (`GET /messages`, and inside `message` events). */
export interface Message {
  id: number;
  type: 'stream' | 'private';
  content: string;
  content_type: 'text/html' | 'text/x-markdown';
  sender_id: number;
  sender_email: string;
  sender_full_name: string;
  sender_realm_str: string;
  /** The stream name, or the people in a direct message (the sender included). */
  display_recipient: string | DisplayRecipientUser[];
  /** The stream id, or the id of the direct-message group. */
  recipient_id: number;
  stream_id?: number;
  subject: string;
  timestamp: number;
  client: string;
  avatar_url: string | null;
  is_me_message: boolean;
  reactions: Reaction[];
  submessages: unknown[];
  topic_links: TopicLink[];
  /** The reader's flags (`read`, `starred`, `mentioned`...). */
  flags?: string[];
  last_edit_timestamp?: number;
  edit_history?: EditHistoryEntry[];
  /** Search results: the content and topic with the matches highlighted. */
  match_content?: string;
  match_subject?: string;
}

/** `POST /messages`. */
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

/** One version in `GET /messages/{id}/history`. */
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
