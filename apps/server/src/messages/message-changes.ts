import type { User } from '../identity/user.types';
import type { ReactionType } from '@hub/api/message.types';
import type { Attachment } from '@hub/api/upload.types';
import type { MessageRow } from './message.types';
import type { Recipient } from './messages.repository';

/*
 * What the message services changed: their callers' replies and the events the
 * MessageAnnouncer builds from them.
 */

/** What a send did: enough for the reply and for publishing the message event later. */
export interface SentMessage {
  message: MessageRow;
  /** The realm's `string_id`, for URLs in the rendered event. */
  realmStr: string;
  sender: User;
  stream: { id: number; name: string; invite_only: boolean } | null;
  dmUserIds: number[] | null;
  recipients: Recipient[];
  queueId?: string;
  localId?: string;
}

export type PropagateMode = 'change_one' | 'change_later' | 'change_all';

/** What an edit changed: the reply, and everything an `update_message` event needs. */
export interface EditResult {
  messageId: number;
  messageIds: number[];
  userId: number;
  realmId: number;
  editTimestamp: number;
  propagateMode: PropagateMode;
  streamId: number | null;
  newStreamId?: number;
  origTopic?: string;
  topic?: string;
  origContent?: string;
  origRenderedContent?: string;
  content?: string;
  renderedContent?: string;
  isMeMessage?: boolean;
  /** Users holding a row for any of the edited messages, after the edit, with their flags. */
  recipients: Array<{ user_id: number; flags: number }>;
  /** The editor's uploads the edit left referenced by no message (Zulip's `detached_uploads`). */
  detachedUploads: Attachment[];
}

export interface DeleteResult {
  /** The deleted messages: one, or a batch of one stream topic's. */
  messageIds: number[];
  messageType: 'stream' | 'private';
  streamId: number | null;
  topic: string | null;
  recipientUserIds: number[];
  /** The deleter's uploads the deletion left referenced by no message. */
  detachedUploads: Attachment[];
}

/** What a flag change did, for the reply and the `update_message_flags` event. */
export interface FlagChange {
  op: 'add' | 'remove';
  flag: string;
  messages: number[];
  all: boolean;
}

/** A reaction change, for the reply and the `reaction` event. */
export interface ReactionChange {
  op: 'add' | 'remove';
  messageId: number;
  userId: number;
  emoji_name: string;
  emoji_code: string;
  reaction_type: ReactionType;
  /** Who can see the message (its recipients). */
  recipientUserIds: number[];
}
