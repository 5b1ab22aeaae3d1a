import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { MessageFlag } from './flags';

/** An unread message with what the unread counts group it by. */
export interface UnreadRow {
  message_id: number;
  sender_id: number;
  stream_id: number | null;
  topic: string;
  dm_user_ids: number[] | null;
  flags: number;
}

@Injectable()
export class FlagsRepository {
  constructor(private readonly db: Database) {}

  /** Sets or clears `bit` on the user's rows among `ids`; returns the ids that changed. */
  async change(userId: number, ids: number[], bit: number, add: boolean): Promise<number[]> {
    const rows = await this.db.rows<{ message_id: number }>(
      add
        ? `UPDATE user_messages SET flags = flags | $3 WHERE user_id = $1
             AND message_id = ANY($2::bigint[]) AND (flags & $3) = 0 RETURNING message_id`
        : `UPDATE user_messages SET flags = flags & ~$3::int WHERE user_id = $1
             AND message_id = ANY($2::bigint[]) AND (flags & $3) <> 0 RETURNING message_id`,
      [userId, ids, bit],
    );
    return rows.map((r) => r.message_id).sort((a, b) => a - b);
  }

  /** Rows for messages the user reads from history without having received them. */
  async createHistorical(userId: number, ids: number[], flags: number): Promise<void> {
    if (ids.length === 0) return;
    await this.db.execute(
      `INSERT INTO user_messages (user_id, message_id, flags)
       SELECT $1, unnest($2::bigint[]), $3 ON CONFLICT (user_id, message_id) DO NOTHING`,
      [userId, ids, flags],
    );
  }

  /** Marks read every unread message of the user, optionally only in one stream (and topic). */
  async markRead(
    userId: number,
    where: { streamId?: number; topic?: string } = {},
  ): Promise<number[]> {
    const conditions = ['um.user_id = $1', `(um.flags & ${MessageFlag.read}) = 0`];
    const params: unknown[] = [userId];
    if (where.streamId !== undefined) {
      params.push(where.streamId);
      conditions.push(`m.stream_id = $${params.length}`);
    }
    if (where.topic !== undefined) {
      params.push(where.topic);
      conditions.push(`lower(m.topic) = lower($${params.length})`);
    }
    const rows = await this.db.rows<{ message_id: number }>(
      `UPDATE user_messages um SET flags = um.flags | ${MessageFlag.read}
       FROM messages m WHERE m.id = um.message_id AND ${conditions.join(' AND ')}
       RETURNING um.message_id`,
      params,
    );
    return rows.map((r) => r.message_id).sort((a, b) => a - b);
  }

  /** The user's unread messages, oldest first, at most `limit`. */
  unread(userId: number, limit: number): Promise<UnreadRow[]> {
    return this.db.rows<UnreadRow>(
      `SELECT um.message_id, m.sender_id, m.stream_id, m.topic, g.user_ids AS dm_user_ids, um.flags
       FROM user_messages um
       JOIN messages m ON m.id = um.message_id
       LEFT JOIN direct_message_groups g ON g.id = m.dm_group_id
       WHERE um.user_id = $1 AND (um.flags & ${MessageFlag.read}) = 0
       ORDER BY um.message_id LIMIT $2`,
      [userId, limit],
    );
  }
}
