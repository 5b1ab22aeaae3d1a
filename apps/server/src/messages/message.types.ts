import type { ReactionType } from '@hub/api/message.types';

/** A row of `messages`. */
export interface MessageRow {
  id: number;
  realm_id: number;
  sender_id: number;
  stream_id: number | null;
  dm_group_id: number | null;
  topic: string;
  content: string;
  rendered_content: string;
  date_sent: Date;
  sending_client: string;
  last_edit_time: Date | null;
  has_link: boolean;
  has_image: boolean;
  has_attachment: boolean;
}

/** A fetched message with the reader's flags (null when the reader has no row) and its place. */
export interface FetchedMessageRow extends MessageRow {
  user_flags: number | null;
  stream_name: string | null;
  dm_user_ids: number[] | null;
  match_content?: string;
  match_subject?: string;
}

/** A row of `message_edits`: one earlier version of a message. */
export interface MessageEditRow {
  id: number;
  message_id: number;
  user_id: number | null;
  edited_at: Date;
  prev_content: string | null;
  prev_rendered_content: string | null;
  prev_topic: string | null;
  topic: string | null;
  prev_stream_id: number | null;
  stream_id: number | null;
}

/** A row of `reactions`. */
export interface ReactionRow {
  message_id: number;
  user_id: number;
  emoji_name: string;
  emoji_code: string;
  reaction_type: ReactionType;
}

/** The user columns a message object needs for its sender and DM recipients. */
export interface MessageUserRow {
  id: number;
  realm_id: number;
  email: string;
  full_name: string;
  is_mirror_dummy: boolean;
  avatar_source: string;
  avatar_version: number;
  delivery_email: string;
}

/** Zulip's limits. */
export const MAX_TOPIC_LENGTH = 60;
export const MAX_MESSAGE_LENGTH = 10000;
/** What Zulip (before feature level 334) stores for a stream message sent without a topic. */
export const NO_TOPIC = '(no topic)';
