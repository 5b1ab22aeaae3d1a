import { Injectable } from '@nestjs/common';
import type { VisibilityPolicy } from '@hub/api/muting.types';
import { Database } from '../database/database.service';
import { MessageFlag } from '../messages/flags';

export interface UserTopicRow {
  stream_id: number;
  stream_name: string;
  topic_name: string;
  visibility_policy: VisibilityPolicy;
  last_updated: Date;
}

export interface MutedUserRow {
  muted_user_id: number;
  date_muted: Date;
}

/** The SQL of topic policies and muted users. */
@Injectable()
export class MutingRepository {
  constructor(private readonly db: Database) {}

  /** The user's topic policies in streams that still exist, oldest first. */
  userTopics(userId: number): Promise<UserTopicRow[]> {
    return this.db.rows<UserTopicRow>(
      `SELECT t.stream_id, s.name AS stream_name, t.topic_name, t.visibility_policy, t.last_updated
       FROM user_topics t JOIN streams s ON s.id = t.stream_id
       WHERE t.user_id = $1 AND NOT s.deactivated ORDER BY t.id`,
      [userId],
    );
  }

  async topicPolicy(
    userId: number,
    streamId: number,
    topic: string,
  ): Promise<VisibilityPolicy | undefined> {
    const row = await this.db.one<{ visibility_policy: VisibilityPolicy }>(
      `SELECT visibility_policy FROM user_topics
       WHERE user_id = $1 AND stream_id = $2 AND lower(topic_name) = lower($3)`,
      [userId, streamId, topic],
    );
    return row?.visibility_policy;
  }

  /** Sets (policy 1-3) or clears (0) the user's policy for the topic; answers when. */
  async setTopicPolicy(
    userId: number,
    streamId: number,
    topic: string,
    policy: VisibilityPolicy,
  ): Promise<Date> {
    const row =
      policy === 0
        ? await this.db.one<{ now: Date }>(
            `WITH d AS (DELETE FROM user_topics
               WHERE user_id = $1 AND stream_id = $2 AND lower(topic_name) = lower($3))
             SELECT now() AS now`,
            [userId, streamId, topic],
          )
        : await this.db.one<{ now: Date }>(
            `INSERT INTO user_topics (user_id, stream_id, topic_name, visibility_policy)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (user_id, stream_id, lower(topic_name))
             DO UPDATE SET visibility_policy = EXCLUDED.visibility_policy, last_updated = now()
             RETURNING last_updated AS now`,
            [userId, streamId, topic, policy],
          );
    if (!row) throw new Error('user topic change returned nothing');
    return row.now;
  }

  mutedUsers(userId: number): Promise<MutedUserRow[]> {
    return this.db.rows<MutedUserRow>(
      'SELECT muted_user_id, date_muted FROM muted_users WHERE user_id = $1 ORDER BY id',
      [userId],
    );
  }

  /** False when the user was muted already. */
  async mute(userId: number, mutedUserId: number): Promise<boolean> {
    const row = await this.db.one<{ id: number }>(
      `INSERT INTO muted_users (user_id, muted_user_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING id`,
      [userId, mutedUserId],
    );
    return row !== undefined;
  }

  /** False when the user was not muted. */
  async unmute(userId: number, mutedUserId: number): Promise<boolean> {
    const count = await this.db.execute(
      'DELETE FROM muted_users WHERE user_id = $1 AND muted_user_id = $2',
      [userId, mutedUserId],
    );
    return count > 0;
  }

  /** Marks read every message `senderId` sent that `userId` has unread; answers their ids. */
  async markSenderRead(userId: number, senderId: number): Promise<number[]> {
    const rows = await this.db.rows<{ id: string }>(
      `UPDATE user_messages um SET flags = um.flags | ${MessageFlag.read}
       FROM messages m
       WHERE um.user_id = $1 AND m.id = um.message_id AND m.sender_id = $2
         AND (um.flags & ${MessageFlag.read}) = 0
       RETURNING um.message_id AS id`,
      [userId, senderId],
    );
    return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
  }
}
