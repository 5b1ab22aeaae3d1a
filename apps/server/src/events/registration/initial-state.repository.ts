import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.service';
import type {
  BotServiceRow,
  DefaultStreamRow,
  EmojiRow,
  StreamWithSubscriptionRow,
  UnreadRow,
} from './initial-state.types';

/** Most unread messages `/register` reports, as Zulip caps `unread_msgs`. */
export const MAX_UNREAD_MESSAGES = 50_000;

/**
 * The SQL behind `/register`'s initial state. Every method is one statement whatever the realm's
 * size, so registering costs a fixed number of queries.
 */
@Injectable()
export class InitialStateRepository {
  constructor(private readonly db: Database) {}

  /**
   * Zulip's `recent_private_conversations`: from the user's latest 1,000 direct messages. Starts
   * from the conversations the user is in (every member of one receives all its messages) and
   * reads each one's newest messages from its index, rather than walking the user's whole history
   * for the direct messages among it.
   */
  async recentPrivateConversations(
    userId: number,
  ): Promise<Array<{ user_ids: number[]; max_message_id: number }>> {
    const rows = await this.db.rows<{ user_ids: number[]; max_message_id: string }>(
      `SELECT g.user_ids, max(r.id) AS max_message_id
       FROM (
         SELECT m.id, m.dm_group_id
         FROM direct_message_groups mine
         CROSS JOIN LATERAL (
           SELECT id, dm_group_id FROM messages
           WHERE dm_group_id = mine.id ORDER BY id DESC LIMIT 1000
         ) m
         WHERE mine.user_ids @> ARRAY[$1::int]
         ORDER BY m.id DESC
         LIMIT 1000
       ) r
       JOIN direct_message_groups g ON g.id = r.dm_group_id
       GROUP BY g.id, g.user_ids
       ORDER BY max(r.id) DESC`,
      [userId],
    );
    return rows.map((r) => ({
      user_ids: r.user_ids.filter((id) => id !== userId).sort((a, b) => a - b),
      max_message_id: Number(r.max_message_id),
    }));
  }

  async maxMessageId(userId: number): Promise<number> {
    const row = await this.db.one<{ max: string | null }>(
      'SELECT max(message_id) AS max FROM user_messages WHERE user_id = $1',
      [userId],
    );
    return row?.max ? Number(row.max) : -1;
  }

  /** Every live stream of the realm with this user's subscription row (if any). */
  streamsWithSubscription(realmId: number, userId: number): Promise<StreamWithSubscriptionRow[]> {
    return this.db.rows<StreamWithSubscriptionRow>(
      `SELECT s.*, sub.active AS sub_active, sub.color, sub.is_muted, sub.pin_to_top,
         sub.desktop_notifications, sub.audible_notifications, sub.push_notifications,
         sub.email_notifications, sub.wildcard_mentions_notify
       FROM streams s
       LEFT JOIN subscriptions sub ON sub.stream_id = s.id AND sub.user_id = $2
       WHERE s.realm_id = $1 AND NOT s.deactivated
       ORDER BY lower(s.name)`,
      [realmId, userId],
    );
  }

  /** Active subscribers of these streams (active users only), by stream. */
  async subscribers(streamIds: number[]): Promise<Map<number, number[]>> {
    const rows = await this.db.rows<{ stream_id: number; user_ids: number[] }>(
      `SELECT sub.stream_id, array_agg(sub.user_id ORDER BY sub.user_id) AS user_ids
       FROM subscriptions sub JOIN users u ON u.id = sub.user_id
       WHERE sub.stream_id = ANY($1::int[]) AND sub.active AND u.is_active
       GROUP BY sub.stream_id`,
      [streamIds],
    );
    return new Map(rows.map((r) => [r.stream_id, r.user_ids]));
  }

  botServices(botIds: number[]): Promise<BotServiceRow[]> {
    return this.db.rows<BotServiceRow>(
      'SELECT bot_id, name, base_url, token, interface FROM bot_services WHERE bot_id = ANY($1::int[])',
      [botIds],
    );
  }

  emoji(realmId: number): Promise<EmojiRow[]> {
    return this.db.rows<EmojiRow>(
      'SELECT id, realm_id, name, file_name, author_id, deactivated FROM realm_emoji WHERE realm_id = $1 ORDER BY id',
      [realmId],
    );
  }

  /** The user's unread messages, oldest first, with what `unread_msgs` groups them by. */
  unread(userId: number): Promise<UnreadRow[]> {
    return this.db.rows<UnreadRow>(
      `SELECT um.message_id::int AS id, um.flags, m.sender_id, m.stream_id, m.topic,
         g.user_ids AS dm_user_ids
       FROM user_messages um
       JOIN messages m ON m.id = um.message_id
       LEFT JOIN direct_message_groups g ON g.id = m.dm_group_id
       WHERE um.user_id = $1 AND (um.flags & 1) = 0
       ORDER BY um.message_id DESC
       LIMIT ${MAX_UNREAD_MESSAGES + 1}`,
      [userId],
    );
  }

  defaultStreams(realmId: number): Promise<DefaultStreamRow[]> {
    return this.db.rows<DefaultStreamRow>(
      `SELECT s.* FROM default_streams d JOIN streams s ON s.id = d.stream_id
       WHERE d.realm_id = $1 AND NOT s.deactivated ORDER BY lower(s.name)`,
      [realmId],
    );
  }
}
