import { clientAvatarUrl } from '../identity/user-presenter';
import { flagNames, HISTORICAL_FLAGS } from './flags';
import type {
  EditHistoryEntry as ApiEditHistoryEntry,
  Message as ApiMessage,
} from '@hub/api/message.types';
import type {
  FetchedMessageRow,
  MessageEditRow,
  MessageUserRow,
  ReactionRow,
} from './message.types';
import { LinkifierRow, renderTopicLinks } from './render-content';

export interface PresentContext {
  realmStr: string;
  users: MessageUserRow[];
  reactions: ReactionRow[];
  edits: MessageEditRow[];
  linkifiers: LinkifierRow[];
  applyMarkdown: boolean;
  clientGravatar: boolean;
}

const seconds = (d: Date | string): number => Math.floor(new Date(d).getTime() / 1000);

function editHistory(edits: MessageEditRow[]): ApiEditHistoryEntry[] {
  return [...edits].reverse().map((e) => {
    const entry: ApiEditHistoryEntry = { user_id: e.user_id, timestamp: seconds(e.edited_at) };
    if (e.prev_content !== null) {
      entry.prev_content = e.prev_content;
      entry.prev_rendered_content = e.prev_rendered_content ?? '';
    }
    if (e.prev_topic !== null && e.topic !== null) {
      entry.prev_topic = e.prev_topic;
      entry.topic = e.topic;
    }
    if (e.prev_stream_id !== null && e.stream_id !== null) {
      entry.prev_stream = e.prev_stream_id;
      entry.stream = e.stream_id;
    }
    return entry;
  });
}

/** Message rows in the shape of Zulip's message objects. No queries: callers batch-load. */
export function presentMessages(rows: FetchedMessageRow[], ctx: PresentContext): ApiMessage[] {
  const users = new Map(ctx.users.map((u) => [u.id, u]));
  const reactions = new Map<number, ReactionRow[]>();
  for (const r of ctx.reactions)
    reactions.set(r.message_id, [...(reactions.get(r.message_id) ?? []), r]);
  const edits = new Map<number, MessageEditRow[]>();
  for (const e of ctx.edits) edits.set(e.message_id, [...(edits.get(e.message_id) ?? []), e]);
  // A page is mostly a few topics: each one's links are found once (answers are only serialized).
  const topicLinks = new Map<string, ApiMessage['topic_links']>();
  const linksOf = (topic: string): ApiMessage['topic_links'] => {
    let links = topicLinks.get(topic);
    if (!links) topicLinks.set(topic, (links = renderTopicLinks(topic, ctx.linkifiers)));
    return links;
  };

  return rows.map((row) => {
    const sender = users.get(row.sender_id);
    const isStream = row.stream_id !== null;
    const displayRecipient = isStream
      ? (row.stream_name ?? '')
      : (row.dm_user_ids ?? []).flatMap((id) => {
          const u = users.get(id);
          return u
            ? [
                {
                  id: u.id,
                  email: u.email,
                  full_name: u.full_name,
                  is_mirror_dummy: u.is_mirror_dummy,
                },
              ]
            : [];
        });
    const message: ApiMessage = {
      id: row.id,
      sender_id: row.sender_id,
      sender_email: sender?.email ?? '',
      sender_full_name: sender?.full_name ?? '',
      sender_realm_str: ctx.realmStr,
      avatar_url: sender ? clientAvatarUrl(sender, ctx.clientGravatar) : null,
      client: row.sending_client,
      content: ctx.applyMarkdown ? row.rendered_content : row.content,
      content_type: ctx.applyMarkdown ? 'text/html' : 'text/x-markdown',
      display_recipient: displayRecipient,
      recipient_id: (isStream ? row.stream_id : row.dm_group_id) ?? 0,
      type: isStream ? 'stream' : 'private',
      subject: isStream ? row.topic : '',
      topic_links: isStream ? linksOf(row.topic) : [],
      timestamp: seconds(row.date_sent),
      is_me_message: /^\/me( |$)/.test(row.content),
      reactions: (reactions.get(row.id) ?? []).map((r) => ({
        emoji_name: r.emoji_name,
        emoji_code: r.emoji_code,
        reaction_type: r.reaction_type,
        user_id: r.user_id,
      })),
      submessages: [],
      flags: flagNames(row.user_flags ?? HISTORICAL_FLAGS),
    };
    if (isStream) message.stream_id = row.stream_id ?? undefined;
    if (row.last_edit_time) {
      message.last_edit_timestamp = seconds(row.last_edit_time);
      message.edit_history = editHistory(edits.get(row.id) ?? []);
    }
    if (row.match_content !== undefined) message.match_content = row.match_content;
    if (row.match_subject !== undefined) message.match_subject = row.match_subject;
    return message;
  });
}

/** Every user a page of messages mentions as sender or DM member. */
export function userIdsOf(rows: FetchedMessageRow[]): number[] {
  const ids = new Set<number>();
  for (const r of rows) {
    ids.add(r.sender_id);
    for (const id of r.dm_user_ids ?? []) ids.add(id);
  }
  return [...ids];
}
