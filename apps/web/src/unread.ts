import { conversationKey, dmKey, isMentioned, type Message } from './model';

/** Where an unread message is: enough to count it per stream, topic and conversation. */
export interface UnreadPlace {
  streamId: number | null;
  topic: string;
  /** `dm:…` for direct messages, `stream:<id>:<topic>` for stream messages. */
  key: string;
  mentioned: boolean;
}

/** The server's `unread_msgs` from `/register`. */
export interface UnreadSummary {
  pms?: Array<{ other_user_id?: number; sender_id?: number; unread_message_ids: number[] }>;
  streams?: Array<{ stream_id: number; topic: string; unread_message_ids: number[] }>;
  huddles?: Array<{ user_ids_string: string; unread_message_ids: number[] }>;
  mentions?: number[];
}

/** Every unread message id, with counts per stream, topic, DM conversation and mentions. */
export class UnreadIndex {
  private readonly places = new Map<number, UnreadPlace>();

  static fromSummary(summary: UnreadSummary, selfId: number): UnreadIndex {
    const index = new UnreadIndex();
    const mentions = new Set(summary.mentions ?? []);
    for (const s of summary.streams ?? []) {
      for (const id of s.unread_message_ids) {
        index.places.set(id, {
          streamId: s.stream_id,
          topic: s.topic,
          key: `stream:${s.stream_id}:${s.topic.toLowerCase()}`,
          mentioned: mentions.has(id),
        });
      }
    }
    for (const pm of summary.pms ?? []) {
      const other = pm.other_user_id ?? pm.sender_id ?? selfId;
      for (const id of pm.unread_message_ids) {
        index.places.set(id, {
          streamId: null,
          topic: '',
          key: dmKey([other], selfId),
          mentioned: mentions.has(id),
        });
      }
    }
    for (const group of summary.huddles ?? []) {
      const ids = group.user_ids_string.split(',').map(Number);
      for (const id of group.unread_message_ids) {
        index.places.set(id, {
          streamId: null,
          topic: '',
          key: dmKey(ids, selfId),
          mentioned: mentions.has(id),
        });
      }
    }
    return index;
  }

  get size(): number {
    return this.places.size;
  }

  has(id: number): boolean {
    return this.places.has(id);
  }

  ids(): number[] {
    return [...this.places.keys()].sort((a, b) => a - b);
  }

  add(message: Message, selfId: number): void {
    this.places.set(message.id, {
      streamId: message.type === 'stream' ? (message.stream_id ?? null) : null,
      topic: message.type === 'stream' ? message.subject : '',
      key: conversationKey(message, selfId),
      mentioned: isMentioned(message.flags),
    });
  }

  remove(ids: Iterable<number>): boolean {
    let changed = false;
    for (const id of ids) changed = this.places.delete(id) || changed;
    return changed;
  }

  clear(): void {
    this.places.clear();
  }

  /** Keeps the index right when messages move to another stream or topic. */
  move(ids: number[], streamId: number, topic: string): void {
    for (const id of ids) {
      const place = this.places.get(id);
      if (!place || place.streamId === null) continue;
      this.places.set(id, {
        ...place,
        streamId,
        topic,
        key: `stream:${streamId}:${topic.toLowerCase()}`,
      });
    }
  }

  setMentioned(id: number, mentioned: boolean): void {
    const place = this.places.get(id);
    if (place) this.places.set(id, { ...place, mentioned });
  }

  /** Counts: per stream id, per conversation key, and the totals. */
  counts(): UnreadCounts {
    const streams = new Map<number, number>();
    const conversations = new Map<string, number>();
    let dms = 0;
    let mentions = 0;
    for (const place of this.places.values()) {
      conversations.set(place.key, (conversations.get(place.key) ?? 0) + 1);
      if (place.streamId !== null)
        streams.set(place.streamId, (streams.get(place.streamId) ?? 0) + 1);
      else dms++;
      if (place.mentioned) mentions++;
    }
    return { streams, conversations, dms, mentions, total: this.places.size };
  }

  /** The unread ids of one conversation, oldest first. */
  idsIn(key: string): number[] {
    return [...this.places]
      .filter(([, p]) => p.key === key)
      .map(([id]) => id)
      .sort((a, b) => a - b);
  }

  /** The oldest unread message of the first conversation (in `order`) that has any. */
  firstIn(keys: string[]): { key: string; id: number } | null {
    for (const key of keys) {
      const ids = this.idsIn(key);
      if (ids.length > 0) return { key, id: ids[0] };
    }
    return null;
  }

  place(id: number): UnreadPlace | undefined {
    return this.places.get(id);
  }

  entries(): IterableIterator<[number, UnreadPlace]> {
    return this.places.entries();
  }
}

export interface UnreadCounts {
  streams: Map<number, number>;
  conversations: Map<string, number>;
  dms: number;
  mentions: number;
  total: number;
}
