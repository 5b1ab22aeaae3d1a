import { MAX_UNREAD_MESSAGES } from './initial-state.repository';
import type { UnreadRow } from './initial-state.types';

const MENTION_BITS = 8 | 16;

export interface UnreadSummary {
  pms: Array<{ other_user_id: number; sender_id: number; unread_message_ids: number[] }>;
  streams: Array<{ stream_id: number; topic: string; unread_message_ids: number[] }>;
  huddles: Array<{ user_ids_string: string; unread_message_ids: number[] }>;
  mentions: number[];
  count: number;
  old_unreads_missing: boolean;
}

/** Zulip's `unread_msgs`: unread message ids grouped by DM partner, stream topic and group DM. */
export function summarizeUnread(rows: UnreadRow[], userId: number): UnreadSummary {
  const capped = rows.slice(0, MAX_UNREAD_MESSAGES).sort((a, b) => a.id - b.id);
  const pms = new Map<number, number[]>();
  const topics = new Map<
    string,
    { stream_id: number; topic: string; unread_message_ids: number[] }
  >();
  const huddles = new Map<string, number[]>();
  const mentions: number[] = [];
  for (const row of capped) {
    if ((row.flags & MENTION_BITS) !== 0) mentions.push(row.id);
    if (row.stream_id !== null) {
      const key = `${row.stream_id}\n${row.topic.toLowerCase()}`;
      let entry = topics.get(key);
      if (!entry) {
        entry = { stream_id: row.stream_id, topic: row.topic, unread_message_ids: [] };
        topics.set(key, entry);
      }
      entry.unread_message_ids.push(row.id);
      continue;
    }
    const members = [...new Set(row.dm_user_ids ?? [])].sort((a, b) => a - b);
    if (members.length > 2) {
      push(huddles, members.join(','), row.id);
    } else {
      const other = members.find((id) => id !== userId) ?? userId;
      push(pms, other, row.id);
    }
  }
  return {
    pms: [...pms].map(([other, ids]) => ({
      other_user_id: other,
      sender_id: other,
      unread_message_ids: ids,
    })),
    streams: [...topics.values()],
    huddles: [...huddles].map(([key, ids]) => ({ user_ids_string: key, unread_message_ids: ids })),
    mentions,
    count: capped.length,
    old_unreads_missing: rows.length > MAX_UNREAD_MESSAGES,
  };
}

function push<K>(map: Map<K, number[]>, key: K, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
