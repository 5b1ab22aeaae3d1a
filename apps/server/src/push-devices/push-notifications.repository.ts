import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import type { PushTrigger } from './push-payloads';

/** A notification waiting to be posted to the bouncer. */
export interface QueuedPush {
  id: string;
  user_id: number;
  /** `unregister_all`: the user's devices are taken off the bouncer (deactivation). */
  event: 'message' | 'remove' | 'unregister_all';
  message_ids: string[];
  trigger: PushTrigger | null;
  attempts: number;
}

/** The recipient of a notification, as its payload names them. */
export interface PushUserRow {
  id: number;
  uuid: string;
  is_active: boolean;
  realm_id: number;
  realm_uuid: string;
  realm_name: string;
  realm_string_id: string;
  realm_deactivated: boolean;
}

/** A message a user has not read yet, with what its notification shows. */
export interface PushMessageRow {
  id: string;
  sender_id: number;
  sender_email: string;
  sender_full_name: string;
  sender_realm_id: number;
  sender_avatar_source: string;
  sender_avatar_version: number;
  sender_delivery_email: string;
  rendered_content: string;
  time: number;
  stream_id: number | null;
  stream_name: string | null;
  topic: string;
  dm_user_ids: number[] | null;
  dm_full_names: string[] | null;
}

/** The `push_notifications` table: the database is the queue of notifications to post. */
@Injectable()
export class PushNotificationsRepository {
  constructor(private readonly db: Database) {}

  /** Queues notifications of new messages, due now. */
  async scheduleMessages(
    rows: Array<{ userId: number; messageId: number; trigger: PushTrigger }>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db.execute(
      `INSERT INTO push_notifications (user_id, event, message_ids, trigger)
       SELECT r.user_id, 'message', ARRAY[r.message_id], r.trigger
       FROM unnest($1::int[], $2::bigint[], $3::text[]) AS r(user_id, message_id, trigger)`,
      [rows.map((r) => r.userId), rows.map((r) => r.messageId), rows.map((r) => r.trigger)],
    );
  }

  /**
   * Queues the removal of all the user's registrations at the bouncer, due now; pending
   * notifications for them are dropped (they would not be posted to a deactivated user anyway).
   */
  async scheduleUnregisterAll(userId: number): Promise<void> {
    await this.db.execute(
      `WITH dropped AS (DELETE FROM push_notifications WHERE user_id = $1)
       INSERT INTO push_notifications (user_id, event, message_ids) VALUES ($1, 'unregister_all', '{}')`,
      [userId],
    );
  }

  /**
   * Takes (deletes) the notification due first; call inside the transaction that posts it, so
   * a crash before commit leaves it to be posted again. Rows another process holds are skipped.
   */
  claimDue(): Promise<QueuedPush | undefined> {
    return this.db.one<QueuedPush>(
      `DELETE FROM push_notifications WHERE id = (
         SELECT id FROM push_notifications WHERE scheduled_at <= now()
         ORDER BY scheduled_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING id, user_id, event, message_ids::text[] AS message_ids, trigger, attempts`,
    );
  }

  /** Tries a notification again later (the bouncer was down): counted, not lost. */
  async postpone(id: string, seconds: number): Promise<void> {
    await this.db.execute(
      `UPDATE push_notifications SET attempts = attempts + 1,
         scheduled_at = now() + make_interval(secs => $2) WHERE id = $1`,
      [id, seconds],
    );
  }

  /** Gives a notification up. */
  async drop(id: string): Promise<void> {
    await this.db.execute('DELETE FROM push_notifications WHERE id = $1', [id]);
  }

  /** The user and realm a notification is for. */
  user(userId: number): Promise<PushUserRow | undefined> {
    return this.db.one<PushUserRow>(
      `SELECT u.id, u.uuid::text, u.is_active, r.id AS realm_id, r.uuid::text AS realm_uuid,
              r.name AS realm_name, r.string_id AS realm_string_id,
              r.deactivated AS realm_deactivated
       FROM users u JOIN realms r ON r.id = u.realm_id WHERE u.id = $1`,
      [userId],
    );
  }

  /** The message as the user's notification shows it, if it is still there and still unread. */
  unreadMessage(userId: number, messageId: string): Promise<PushMessageRow | undefined> {
    return this.db.one<PushMessageRow>(
      `SELECT m.id, m.sender_id, s.email AS sender_email, s.full_name AS sender_full_name,
              s.realm_id AS sender_realm_id, s.avatar_source AS sender_avatar_source,
              s.avatar_version AS sender_avatar_version,
              s.delivery_email AS sender_delivery_email, m.rendered_content,
              extract(epoch FROM m.date_sent)::bigint::int AS time, m.stream_id,
              st.name AS stream_name, m.topic, g.user_ids AS dm_user_ids,
              (SELECT array_agg(du.full_name ORDER BY du.id) FROM users du
               WHERE du.id = ANY(g.user_ids)) AS dm_full_names
       FROM messages m
       JOIN user_messages um ON um.message_id = m.id AND um.user_id = $1 AND (um.flags & 1) = 0
       JOIN users s ON s.id = m.sender_id
       LEFT JOIN streams st ON st.id = m.stream_id
       LEFT JOIN direct_message_groups g ON g.id = m.dm_group_id
       WHERE m.id = $2`,
      [userId, messageId],
    );
  }

  /** Remembers that the user's devices show this message's notification. */
  async markNotified(userId: number, messageId: string): Promise<void> {
    await this.db.execute(
      `INSERT INTO push_notified_messages (user_id, message_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING`,
      [userId, messageId],
    );
  }

  /**
   * Of these messages the user just read, those whose notification is on their devices: forgotten
   * here, and a "remove" notification queued for them (when there are any).
   */
  async scheduleRemoval(userId: number, messageIds: number[]): Promise<void> {
    await this.db.execute(
      `WITH notified AS (
         DELETE FROM push_notified_messages
         WHERE user_id = $1 AND message_id = ANY($2::bigint[])
         RETURNING message_id)
       INSERT INTO push_notifications (user_id, event, message_ids)
       SELECT $1, 'remove', array_agg(message_id ORDER BY message_id) FROM notified
       HAVING count(*) > 0`,
      [userId, messageIds],
    );
  }
}
