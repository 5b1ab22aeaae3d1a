import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { TopicPolicy, type EmailTrigger } from './email-triggers';

/** A recipient of a new message, with what decides whether they are mailed about it. */
export interface RecipientRow {
  /** Which of the pairs asked about this row answers (0-based). */
  pair: number;
  user_id: number;
  settings: Record<string, string | boolean | number>;
  realm_id: number;
  is_muted: boolean | null;
  email_notifications: boolean | null;
  wildcard_mentions_notify: boolean | null;
  subscribed: boolean;
  topic_policy: number;
}

/** One recipient of one new message, as the notifier asks about it. */
export interface RecipientPair {
  messageId: number;
  userId: number;
  streamId: number | null;
  topic: string;
  /** A DM or a mention: looked at whatever the user's stream settings. */
  always: boolean;
  /** The realm's default `enable_stream_email_notifications`, for users who kept it. */
  streamEmailDefault: boolean;
}

/** A claimed missed message, still unread by its user, with what the email shows. */
export interface MissedMessageRow {
  id: string;
  trigger: EmailTrigger;
  sender_name: string;
  content: string;
  stream_id: number | null;
  stream_name: string | null;
  topic: string;
  dm_user_ids: number[] | null;
}

/** The `missed_message_emails` table: the database is the queue of emails to send. */
@Injectable()
export class MissedMessageEmailsRepository {
  constructor(private readonly db: Database) {}

  /**
   * For each (message, recipient) pair, the recipient if an active human who may be mailed about
   * it, with their subscription to the message's stream (if any) and their policy for its topic:
   * one statement for a batch of messages. A plain stream message concerns only those who follow
   * its topic or get the stream's messages by email (the rest of the rule is emailTrigger's), so
   * a busy stream whose readers are offline costs no row per reader.
   */
  recipients(pairs: RecipientPair[]): Promise<RecipientRow[]> {
    // Each message's stream and topic once, and per pair only numbers: a batch is a few messages
    // to a hundred readers each, and the topic repeated per pair was most of what was sent.
    // (Ordinals from 1, as WITH ORDINALITY counts.)
    const ordinalOf = new Map<number, number>();
    const messages: RecipientPair[] = [];
    const pairMessage = pairs.map((p) => {
      let ordinal = ordinalOf.get(p.messageId);
      if (ordinal === undefined) {
        ordinal = messages.push(p);
        ordinalOf.set(p.messageId, ordinal);
      }
      return ordinal;
    });
    return this.db.rows<RecipientRow>(
      `SELECT (c.n - 1)::int AS pair, u.id AS user_id, u.settings, u.realm_id,
              s.is_muted, s.email_notifications, s.wildcard_mentions_notify,
              s.id IS NOT NULL AS subscribed,
              COALESCE(t.visibility_policy, 0)::int AS topic_policy
       FROM unnest($1::int[], $2::int[], $3::bool[]) WITH ORDINALITY AS c(message, user_id, always, n)
       JOIN unnest($4::int[], $5::text[], $6::bool[]) WITH ORDINALITY
         AS mm(stream_id, topic, stream_default, i) ON mm.i = c.message
       JOIN users u ON u.id = c.user_id
       LEFT JOIN subscriptions s ON s.user_id = u.id AND s.stream_id = mm.stream_id AND s.active
       LEFT JOIN user_topics t ON t.user_id = u.id AND t.stream_id = mm.stream_id
         AND lower(t.topic_name) = lower(mm.topic)
       WHERE u.is_active AND NOT u.is_bot AND NOT u.is_mirror_dummy
         AND (c.always OR t.visibility_policy = ${TopicPolicy.followed}
              OR (s.id IS NOT NULL AND COALESCE(s.email_notifications,
                    (u.settings->>'enable_stream_email_notifications')::boolean, mm.stream_default)))
       ORDER BY c.n`,
      [
        pairMessage,
        pairs.map((p) => p.userId),
        pairs.map((p) => p.always),
        messages.map((m) => m.streamId),
        messages.map((m) => m.topic),
        messages.map((m) => m.streamEmailDefault),
      ],
    );
  }

  /**
   * Queues the emails. A user's new ones join the batch already waiting for them (Zulip's
   * batching); otherwise they fall due after the user's batching period.
   */
  async schedule(
    rows: Array<{ userId: number; messageId: number; trigger: EmailTrigger; delaySeconds: number }>,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.db.execute(
      `INSERT INTO missed_message_emails (user_id, message_id, trigger, scheduled_at)
       SELECT r.user_id, r.message_id, r.trigger,
              COALESCE((SELECT min(w.scheduled_at) FROM missed_message_emails w
                        WHERE w.user_id = r.user_id),
                       now() + make_interval(secs => r.delay))
       FROM unnest($1::int[], $2::bigint[], $3::text[], $4::int[])
         AS r(user_id, message_id, trigger, delay)
       ON CONFLICT (user_id, message_id) DO NOTHING`,
      [
        rows.map((r) => r.userId),
        rows.map((r) => r.messageId),
        rows.map((r) => r.trigger),
        rows.map((r) => r.delaySeconds),
      ],
    );
  }

  /**
   * Takes (deletes) the due emails of the user whose batch fell due first; call inside the
   * transaction that mails them, so a crash before commit leaves them to be sent again. Rows
   * another process holds are skipped, so two processes never mail the same message.
   */
  async claimDueBatch(): Promise<{
    userId: number;
    rows: Array<{ message_id: string; trigger: EmailTrigger }>;
  } | null> {
    const claimed = await this.db.rows<{
      user_id: number;
      message_id: string;
      trigger: EmailTrigger;
    }>(
      `DELETE FROM missed_message_emails WHERE id IN (
         SELECT id FROM missed_message_emails
         WHERE scheduled_at <= now() AND user_id = (
           SELECT user_id FROM missed_message_emails WHERE scheduled_at <= now()
           ORDER BY scheduled_at, id LIMIT 1)
         FOR UPDATE SKIP LOCKED)
       RETURNING user_id, message_id, trigger`,
    );
    if (claimed.length === 0) return null;
    return { userId: claimed[0].user_id, rows: claimed };
  }

  /** These messages as the user's email shows them: only those still there and still unread. */
  unreadMessages(
    userId: number,
    claimed: Array<{ message_id: string; trigger: EmailTrigger }>,
  ): Promise<MissedMessageRow[]> {
    return this.db.rows<MissedMessageRow>(
      `SELECT m.id, c.trigger, sender.full_name AS sender_name, m.content, m.stream_id,
              s.name AS stream_name, m.topic, g.user_ids AS dm_user_ids
       FROM unnest($2::bigint[], $3::text[]) AS c(message_id, trigger)
       JOIN messages m ON m.id = c.message_id
       JOIN user_messages um ON um.message_id = m.id AND um.user_id = $1 AND (um.flags & 1) = 0
       JOIN users sender ON sender.id = m.sender_id
       LEFT JOIN streams s ON s.id = m.stream_id
       LEFT JOIN direct_message_groups g ON g.id = m.dm_group_id
       ORDER BY m.id`,
      [userId, claimed.map((c) => c.message_id), claimed.map((c) => c.trigger)],
    );
  }

  /** Names of these users, by id. */
  async names(userIds: number[]): Promise<Map<number, string>> {
    const rows = await this.db.rows<{ id: number; full_name: string }>(
      'SELECT id, full_name FROM users WHERE id = ANY($1::int[])',
      [userIds],
    );
    return new Map(rows.map((r) => [r.id, r.full_name]));
  }

  /** How many active accounts (in any realm) share this address: Zulip's "automatic" policy. */
  async accountsWithAddress(deliveryEmail: string): Promise<number> {
    const row = await this.db.one<{ n: number }>(
      'SELECT count(*)::int AS n FROM users WHERE lower(delivery_email) = lower($1) AND is_active',
      [deliveryEmail],
    );
    return row?.n ?? 0;
  }

  /** Puts a user's due batch off (their mail could not be sent): retried later, not lost. */
  async postpone(userId: number, seconds: number): Promise<void> {
    await this.db.execute(
      `UPDATE missed_message_emails SET scheduled_at = now() + make_interval(secs => $2)
       WHERE user_id = $1 AND scheduled_at <= now()`,
      [userId, seconds],
    );
  }
}
