import { Injectable } from '@nestjs/common';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import type { Realm } from '../identity/realm.types';
import { StreamsService } from '../streams/streams.service';
import { Role, User } from '../identity/user.types';
import { HISTORICAL_FLAGS, isFlagName, MessageFlag, USER_SETTABLE_FLAGS } from './flags';
import { FlagsRepository } from './flags.repository';
import { MessageAnnouncer } from './message-announcer';
import type { FlagChange } from './message-changes';
import { invalidMessage, PageRows } from './message-fetch.service';
import { MessagesRepository } from './messages.repository';

/** Zulip's `unread_msgs` (register), computed from the user's unread rows. */
export interface UnreadSummary {
  count: number;
  pms: Array<{ other_user_id: number; sender_id: number; unread_message_ids: number[] }>;
  streams: Array<{ stream_id: number; topic: string; unread_message_ids: number[] }>;
  huddles: Array<{ user_ids_string: string; unread_message_ids: number[] }>;
  mentions: number[];
  old_unreads_missing: boolean;
}

export interface FlagsNarrowResult {
  processed_count: number;
  updated_count: number;
  first_processed_id: number | null;
  last_processed_id: number | null;
  found_oldest: boolean;
  found_newest: boolean;
}

/** Zulip's cap on the unread messages it reports. */
export const MAX_UNREAD_MESSAGES = 50000;

@Injectable()
export class FlagsService {
  constructor(
    private readonly db: Database,
    private readonly flags: FlagsRepository,
    private readonly messages: MessagesRepository,
    private readonly streams: StreamsService,
    private readonly announcer: MessageAnnouncer,
  ) {}

  async update(
    user: User,
    realm: Realm,
    ids: number[],
    op: string,
    flag: string,
  ): Promise<FlagChange> {
    if (op !== 'add' && op !== 'remove') {
      throw ZulipError.badRequest(`Invalid message flag operation: '${op}'`);
    }
    if (!isFlagName(flag)) throw ZulipError.badRequest(`Invalid flag: '${flag}'`);
    if (!USER_SETTABLE_FLAGS.includes(flag))
      throw ZulipError.badRequest(`Flag not editable: '${flag}'`);
    const unique = [...new Set(ids)];
    return this.db.transaction(async () => {
      const readable = await this.messages.findAccessible(
        realm.id,
        user.id,
        user.role === Role.Guest,
        unique,
      );
      if (readable.length !== unique.length) throw invalidMessage();
      // Starring (or reading) history one never received gives it a row, as Zulip does.
      if (op === 'add' && (flag === 'starred' || flag === 'read')) {
        const without = readable.filter((m) => m.user_flags === null).map((m) => m.id);
        await this.flags.createHistorical(user.id, without, HISTORICAL_FLAGS);
      }
      const changed = await this.flags.change(user.id, unique, MessageFlag[flag], op === 'add');
      return this.announced(user, { op, flag, messages: changed, all: false });
    });
  }

  /** `POST /messages/flags/narrow`: the flag change over one page of a narrow. */
  async updateNarrow(
    user: User,
    realm: Realm,
    page: PageRows,
    op: string,
    flag: string,
  ): Promise<{ change: FlagChange; result: FlagsNarrowResult }> {
    const ids = page.rows.map((r) => r.id);
    const change = await this.update(user, realm, ids, op, flag);
    return {
      change,
      result: {
        processed_count: ids.length,
        updated_count: change.messages.length,
        first_processed_id: ids[0] ?? null,
        last_processed_id: ids[ids.length - 1] ?? null,
        found_oldest: page.found_oldest,
        found_newest: page.found_newest,
      },
    };
  }

  async markAllAsRead(user: User): Promise<FlagChange> {
    const changed = await this.flags.markRead(user.id);
    return this.announced(user, { op: 'add', flag: 'read', messages: changed, all: true });
  }

  async markStreamAsRead(user: User, streamId: number, topic?: string): Promise<FlagChange> {
    const stream = await this.streams.getStreamForUser(user, streamId);
    const changed = await this.flags.markRead(user.id, { streamId: stream.id, topic });
    return this.announced(user, { op: 'add', flag: 'read', messages: changed, all: false });
  }

  /** Tells the user's other clients (`update_message_flags`), then returns the change. */
  private async announced(user: User, change: FlagChange): Promise<FlagChange> {
    await this.announcer.flags(user.id, change);
    return change;
  }

  /** Unread counts per stream and topic, per DM conversation, and mentions. */
  async unreadSummary(user: User): Promise<UnreadSummary> {
    const rows = await this.flags.unread(user.id, MAX_UNREAD_MESSAGES + 1);
    const missing = rows.length > MAX_UNREAD_MESSAGES;
    const kept = rows.slice(0, MAX_UNREAD_MESSAGES);
    const streams = new Map<string, UnreadSummary['streams'][number]>();
    const pms = new Map<number, UnreadSummary['pms'][number]>();
    const huddles = new Map<string, UnreadSummary['huddles'][number]>();
    const mentions: number[] = [];
    for (const row of kept) {
      if ((row.flags & (MessageFlag.mentioned | MessageFlag.wildcard_mentioned)) !== 0) {
        mentions.push(row.message_id);
      }
      if (row.stream_id !== null) {
        // Topics group case-insensitively; the first spelling seen names the group.
        const key = `${row.stream_id}\u0000${row.topic.toLowerCase()}`;
        const entry = streams.get(key) ?? {
          stream_id: row.stream_id,
          topic: row.topic,
          unread_message_ids: [],
        };
        entry.unread_message_ids.push(row.message_id);
        streams.set(key, entry);
        continue;
      }
      const members = row.dm_user_ids ?? [];
      if (members.length <= 2) {
        const other = members.find((id) => id !== user.id) ?? user.id;
        const entry = pms.get(other) ?? {
          other_user_id: other,
          sender_id: other,
          unread_message_ids: [],
        };
        entry.unread_message_ids.push(row.message_id);
        pms.set(other, entry);
      } else {
        const key = [...members].sort((a, b) => a - b).join(',');
        const entry = huddles.get(key) ?? { user_ids_string: key, unread_message_ids: [] };
        entry.unread_message_ids.push(row.message_id);
        huddles.set(key, entry);
      }
    }
    return {
      count: kept.length,
      pms: [...pms.values()],
      streams: [...streams.values()],
      huddles: [...huddles.values()],
      mentions,
      old_unreads_missing: missing,
    };
  }
}
