import type { Message as ApiMessage, Reaction } from '../../../libs/client/src/types';

export type { Reaction };

/** A message as the client keeps it. */
export interface Message extends ApiMessage {
  flags: string[];
  /** Participants of a direct message (the viewer included), sorted. */
  dmUserIds: number[];
}

export interface Person {
  user_id: number;
  email: string;
  full_name: string;
  is_bot: boolean;
  is_active: boolean;
  is_admin?: boolean;
  avatar_url?: string | null;
  role?: number;
}

export interface StreamInfo {
  stream_id: number;
  name: string;
  description: string;
  invite_only: boolean;
  subscribed: boolean;
  color: string;
  is_muted: boolean;
  pin_to_top: boolean;
}

export interface UserGroup {
  id: number;
  name: string;
  description: string;
  members: number[];
}

export interface RealmInfo {
  name: string;
  allowMessageEditing: boolean;
  editLimitSeconds: number | null;
  allowMessageDeleting: boolean;
  deleteLimitSeconds: number | null;
  mandatoryTopics: boolean;
  maxMessageLength: number;
  maxTopicLength: number;
  realmEmoji: Record<string, { name: string; source_url: string; deactivated: boolean }>;
}

export interface SelfInfo {
  user_id: number;
  email: string;
  /** The address the person logs in with (may differ from `email` in public-facing realms). */
  delivery_email?: string;
  full_name: string;
  is_admin: boolean;
  is_owner?: boolean;
}

/** A realm linkifier as `realm_linkifiers` lists it. */
export interface Linkifier {
  id: number;
  pattern: string;
  url_template: string;
}

export type PresenceStatus = 'active' | 'idle' | 'offline';

export type ConnectionState = 'connecting' | 'live' | 'reconnecting' | 'polling';

/** The key of a conversation: `stream:<id>:<topic lower case>` or `dm:<sorted other ids>`. */
export function conversationKey(
  message: Pick<Message, 'type' | 'stream_id' | 'subject' | 'dmUserIds'>,
  selfId: number,
): string {
  if (message.type === 'stream')
    return `stream:${message.stream_id}:${message.subject.toLowerCase()}`;
  return dmKey(message.dmUserIds, selfId);
}

/** `dm:3,9`: the other participants (or the viewer alone, for notes to self). */
export function dmKey(userIds: number[], selfId: number): string {
  const others = [...new Set(userIds)].filter((id) => id !== selfId).sort((a, b) => a - b);
  return `dm:${(others.length > 0 ? others : [selfId]).join(',')}`;
}

export function isMentioned(flags: string[]): boolean {
  return flags.some(
    (f) =>
      f === 'mentioned' ||
      f === 'wildcard_mentioned' ||
      f === 'stream_wildcard_mentioned' ||
      f === 'topic_wildcard_mentioned',
  );
}

/** The client's form of a message from the API. */
export function fromApi(message: ApiMessage, selfId: number, flags?: string[]): Message {
  const dmUserIds = Array.isArray(message.display_recipient)
    ? message.display_recipient.map((u) => u.id).sort((a, b) => a - b)
    : [];
  if (message.type === 'private' && !dmUserIds.includes(selfId)) dmUserIds.push(selfId);
  return { ...message, flags: flags ?? message.flags ?? [], dmUserIds };
}

/**
 * What the row says about later changes, as Zulip does: "edited" once the content changed,
 * "moved" when only the topic or stream did (the message's `edit_history` tells which; without
 * one, any change counts as an edit).
 */
export function changeLabel(m: Message): 'edited' | 'moved' | null {
  if (m.last_edit_timestamp === undefined || m.last_edit_timestamp === null) return null;
  if (!m.edit_history || m.edit_history.length === 0) return 'edited';
  return m.edit_history.some(
    (h) => h.prev_content !== undefined || h.prev_rendered_content !== undefined,
  )
    ? 'edited'
    : 'moved';
}
