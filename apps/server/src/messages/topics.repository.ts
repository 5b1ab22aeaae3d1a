import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';

/** A topic as `GET /users/me/{stream_id}/topics` lists it. */
export interface TopicRow {
  name: string;
  max_id: number;
}

@Injectable()
export class TopicsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The stream's topics, newest first, each under the spelling of its latest message (topics
   * differ only in case are one topic). With `readerId`, only messages that reader received.
   */
  list(streamId: number, readerId: number | null): Promise<TopicRow[]> {
    return this.db.rows<TopicRow>(
      `SELECT t.name, t.max_id FROM (
         SELECT DISTINCT ON (lower(m.topic)) m.topic AS name, m.id AS max_id
         FROM messages m
         WHERE m.stream_id = $1 AND ($2::int IS NULL OR EXISTS (
           SELECT 1 FROM user_messages um WHERE um.message_id = m.id AND um.user_id = $2))
         ORDER BY lower(m.topic), m.id DESC
       ) t
       ORDER BY t.max_id DESC`,
      [streamId, readerId],
    );
  }

  /**
   * Up to `limit` of the topic's messages (any case), oldest first, with their topic's spelling;
   * with `readerId`, only those that reader received.
   */
  topicMessages(
    streamId: number,
    topic: string,
    readerId: number | null,
    limit: number,
  ): Promise<Array<{ id: number; topic: string }>> {
    return this.db.rows<{ id: number; topic: string }>(
      `SELECT m.id, m.topic FROM messages m
       WHERE m.stream_id = $1 AND lower(m.topic) = lower($2) AND ($3::int IS NULL OR EXISTS (
         SELECT 1 FROM user_messages um WHERE um.message_id = m.id AND um.user_id = $3))
       ORDER BY m.id LIMIT $4`,
      [streamId, topic, readerId, limit],
    );
  }

  /** Deletes messages; their flags, reactions, edits and attachment links go with them. */
  async deleteMessages(ids: number[]): Promise<void> {
    await this.db.execute('DELETE FROM messages WHERE id = ANY($1::bigint[])', [ids]);
  }
}
